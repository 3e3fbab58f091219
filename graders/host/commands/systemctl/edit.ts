import * as fs from "../../state/fs.ts";
import { hash32 } from "../../state/rng.ts";
import { getUnit } from "../../services/systemd.ts";
import type { Runtime } from "../../shell/runtime.ts";
import { openEditor } from "../../shell/editor/open.ts";
import { dropInTemplate } from "../../shell/editor/unit-template.ts";
import type { EditRequest } from "../../shell/editor/types.ts";
import { chosenEditor, readStatus } from "../../shell/editor/choice.ts";
import { fail } from "../types.ts";
import type { ExecResult } from "just-bash";

/**
 * `systemctl edit UNIT` (systemd 252): opens the default editor (nano on
 * Debian) on a temporary copy of the drop-in /etc/systemd/system/UNIT.d/
 * override.conf (or --drop-in=NAME), with the unit's files commented out
 * below; on exit the text between the markers becomes the drop-in and the
 * manager is reloaded. --full edits a copy of the whole unit file, written to
 * /etc/systemd/system/UNIT.
 */
export function systemctlEdit(rt: Runtime, args: string[], env: Map<string, string> | undefined): ExecResult {
  const full = args.includes("--full") || args.includes("-l");
  const dropInArg = args.find((a) => a.startsWith("--drop-in="))?.slice("--drop-in=".length);
  const names = args.filter((a) => !a.startsWith("-")).slice(1);
  if (names.length === 0) return fail("Too few arguments.\n");
  const raw = names[0] as string;
  const name = raw.includes(".") ? raw : `${raw}.service`;
  const unit = getUnit(rt.host, name);
  if (!unit) return fail(`No files found for ${name}.\nRun 'systemctl edit --force --full ${name}' to create a new unit.\n`);
  const dropInName = dropInArg ? (dropInArg.endsWith(".conf") ? dropInArg : `${dropInArg}.conf`) : "override.conf";
  const path = full ? `/etc/systemd/system/${name}` : `/etc/systemd/system/${name}.d/${dropInName}`;
  const dir = path.slice(0, path.lastIndexOf("/"));
  // systemctl creates the directory and its temporary file first; without root both fail.
  if (rt.cred.uid !== 0) {
    const exists = fs.tryResolve(rt.host.state, rt.cred, dir) !== null;
    return fail(exists ? `Failed to create temporary file for "${path}": Permission denied\n` : `Failed to create directories for "${path}": Permission denied\n`);
  }
  const hex = (hash32(path, rt.host.now).toString(16) + hash32(rt.host.now, path).toString(16)).padStart(16, "0").slice(0, 16);
  const shownPath = `${dir}/.#${path.slice(dir.length + 1)}${hex}`;
  let content: string;
  if (full) {
    const found = fs.tryResolve(rt.host.state, fs.ROOT, unit.fragmentPath);
    content = found && found.inode.kind === "file" ? fs.readFileRange(found.inode, 0, 1_000_000) : "";
  } else content = dropInTemplate(rt.host, name, unit.fragmentPath, path);
  const editor = chosenEditor(env, ["SYSTEMD_EDITOR", "EDITOR", "VISUAL"]);
  const req: EditRequest = {
    editor, shownPath, target: full ? { kind: "unit-full", unit: name, path } : { kind: "unit-dropin", unit: name, path },
    cred: { ...rt.cred, groups: [...rt.cred.groups] }, content, isNew: false, status: readStatus(editor, shownPath, content),
  };
  return openEditor(rt, req, {
    what: "systemctl edit",
    howTo: full
      ? [`sudo sed -i 's/^ExecStart=.*/ExecStart=.../' ${unit.fragmentPath}`, "sudo systemctl daemon-reload"]
      : [`sudo mkdir -p ${dir}`, `printf '[Service]\\nEnvironment=KEY=value\\n' | sudo tee ${path}`, "sudo systemctl daemon-reload"],
  });
}
