import { SysError } from "../../state/errors.ts";
import * as fs from "../../state/fs.ts";
import { joinPath } from "../../state/paths.ts";
import { groupByName, userByName } from "../../state/users.ts";
import type { Runtime } from "../../shell/runtime.ts";
import type { HostCommand } from "../types.ts";

/**
 * coreutils chown and chgrp: OWNER[:GROUP], :GROUP, OWNER: (login group),
 * numeric ids, -R. Only root may give files away (EPERM otherwise), with
 * GNU's "changing ownership of" wording.
 */

function apply(rt: Runtime, tool: string, cwd: string, files: string[], uid: number | null, gid: number | null, recursive: boolean): { stderr: string } {
  let stderr = "";
  const visit = (abs: string, shown: string): void => {
    try {
      fs.chown(rt.host.state, rt.cred, abs, uid, gid);
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
      stderr += e.code === "EPERM" || e.code === "EACCES"
        ? `${tool}: changing ${tool === "chgrp" ? "group" : "ownership"} of '${shown}': ${e.text}\n`
        : `${tool}: cannot access '${shown}': ${e.text}\n`;
      return;
    }
    if (!recursive) return;
    const found = fs.tryResolve(rt.host.state, rt.cred, abs, false);
    if (found?.inode.kind !== "dir") return;
    for (const entry of fs.readdir(rt.host.state, rt.cred, abs)) visit(`${abs}/${entry.name}`, `${shown.replace(/\/$/, "")}/${entry.name}`);
  };
  for (const f of files) visit(joinPath(cwd, f), f);
  return { stderr };
}

function parseFlags(args: string[]): { recursive: boolean; rest: string[] } {
  const rest: string[] = [];
  let recursive = false;
  for (const a of args) {
    if (a === "-R" || a === "--recursive") recursive = true;
    else if (a === "-h" || a === "-v" || a === "-c" || a === "-f" || a === "--no-dereference") continue;
    else rest.push(a);
  }
  return { recursive, rest };
}

export const chown: HostCommand = {
  name: "chown",
  async run(args, ctx, rt) {
    const { recursive, rest } = parseFlags(args);
    const [spec, ...files] = rest;
    if (spec === undefined) return { stdout: "", stderr: "chown: missing operand\nTry 'chown --help' for more information.\n", exitCode: 1 };
    if (files.length === 0) return { stdout: "", stderr: `chown: missing operand after '${spec}'\nTry 'chown --help' for more information.\n`, exitCode: 1 };
    const [owner = "", group] = spec.split(/[:.]/, 2) as [string?, string?];
    const s = rt.host.state;
    let uid: number | null = null;
    let gid: number | null = null;
    if (owner !== "") {
      const u = userByName(s, owner);
      if (!u && !/^\d+$/.test(owner)) return { stdout: "", stderr: `chown: invalid user: '${spec}'\n`, exitCode: 1 };
      uid = u ? u.uid : Number(owner);
      // "user:" means the user's login group.
      if (group === "" && u) gid = u.gid;
    }
    if (group) {
      const g = groupByName(s, group);
      if (!g && !/^\d+$/.test(group)) return { stdout: "", stderr: `chown: invalid group: '${spec}'\n`, exitCode: 1 };
      gid = g ? g.gid : Number(group);
    }
    const { stderr } = apply(rt, "chown", ctx.cwd, files, uid, gid, recursive);
    return { stdout: "", stderr, exitCode: stderr ? 1 : 0 };
  },
};

export const chgrp: HostCommand = {
  name: "chgrp",
  async run(args, ctx, rt) {
    const { recursive, rest } = parseFlags(args);
    const [group, ...files] = rest;
    if (group === undefined || files.length === 0) return { stdout: "", stderr: `chgrp: missing operand${group ? ` after '${group}'` : ""}\nTry 'chgrp --help' for more information.\n`, exitCode: 1 };
    const g = groupByName(rt.host.state, group);
    if (!g && !/^\d+$/.test(group)) return { stdout: "", stderr: `chgrp: invalid group: '${group}'\n`, exitCode: 1 };
    const { stderr } = apply(rt, "chgrp", ctx.cwd, files, null, g ? g.gid : Number(group), recursive);
    return { stdout: "", stderr, exitCode: stderr ? 1 : 0 };
  },
};
