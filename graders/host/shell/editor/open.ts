import type { ExecResult } from "just-bash";
import type { Runtime } from "../runtime.ts";
import type { EditRequest } from "./types.ts";

/**
 * An editor command hands its buffer to the session, which opens the
 * browser's editor panel. Without a panel (the CLI, a pipe, tests) there is
 * no full-screen terminal to draw an editor on: the command says so and
 * shows how to make the same change with sed or tee, exiting 1.
 */
export function openEditor(rt: Runtime, req: EditRequest, noPanel: { what: string; howTo: string[] }, before = ""): ExecResult {
  if (!rt.editorPanel) {
    const text =
      `${noPanel.what} needs a full-screen terminal, and this session has none (the browser terminal opens an editor panel).\n` +
      `Make the change with a non-interactive command instead, for example:\n${noPanel.howTo.map((l) => `  ${l}\n`).join("")}`;
    return { stdout: "", stderr: before + text, exitCode: 1 };
  }
  rt.pendingEdit = req;
  return { stdout: "", stderr: before, exitCode: 0 };
}

/** The usual recipe for a plain file. */
export function fileHowTo(path: string, sudo: boolean): string[] {
  const s = sudo ? "sudo " : "";
  return [
    `${s}sed -i 's/^old setting.*/new setting/' ${path}     # change a line in place`,
    `printf '%s\\n' 'line 1' 'line 2' | ${s}tee ${path}     # write the whole file (tee -a appends)`,
  ];
}
