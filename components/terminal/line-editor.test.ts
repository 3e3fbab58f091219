import { describe, expect, it } from "vitest";
import { LineEditor } from "./line-editor.ts";

function setup(history: string[] = [], completions: Record<string, string[]> = {}) {
  const submitted: string[] = [];
  let screen = "";
  let interrupts = 0;
  const editor: LineEditor = new LineEditor(
    {
      write: (d) => {
        screen += d;
      },
      submit: async (line) => {
        submitted.push(line);
      },
      complete: async (line, cursor) => {
        const before = line.slice(0, cursor);
        const start = before.lastIndexOf(" ") + 1;
        const word = before.slice(start);
        return { start, candidates: (completions[word] ?? []).slice() };
      },
      busyInput: (data) => {
        if (data.includes("\x03")) interrupts++;
      },
      columns: () => 80,
    },
    history,
  );
  editor.showPrompt("$ ");
  return { editor, submitted, screen: () => screen, interrupts: () => interrupts };
}

describe("LineEditor", () => {
  it("submits typed text on Enter and edits in the middle of the line", () => {
    const t = setup();
    t.editor.handle("df -h");
    t.editor.handle("\x1b[D\x1b[D\x7f"); // left twice, delete the space
    t.editor.handle("\r");
    expect(t.submitted).toEqual(["df-h"]);
    expect(t.editor.busy).toBe(true);
  });

  it("walks history with the arrows and restores the unfinished line", () => {
    const t = setup(["ls /", "ps aux"]);
    t.editor.handle("unfinished");
    t.editor.handle("\x1b[A"); // ps aux
    t.editor.handle("\x1b[A"); // ls /
    t.editor.handle("\x1b[B\x1b[B"); // back to the draft
    t.editor.handle("\r");
    expect(t.submitted).toEqual(["unfinished"]);
  });

  it("finds older commands with Ctrl-R and runs the match on Enter", () => {
    const t = setup(["systemctl status nginx", "df -h", "journalctl -u nginx"]);
    t.editor.handle("\x12nginx");
    expect(t.screen()).toContain("(reverse-i-search)`nginx': journalctl -u nginx");
    t.editor.handle("\x12"); // next older match
    t.editor.handle("\r");
    expect(t.submitted).toEqual(["systemctl status nginx"]);
  });

  it("cancels the line with Ctrl-C and interrupts a running command", () => {
    const t = setup();
    t.editor.handle("rm -rf /tmp/x\x03");
    expect(t.submitted).toEqual([]);
    expect(t.screen()).toContain("^C\r\n$ ");
    t.editor.handle("tail -f /var/log/syslog\r");
    t.editor.handle("\x03");
    expect(t.interrupts()).toBe(1);
  });

  it("completes a unique word and adds a space, like bash", async () => {
    const t = setup([], { syst: ["systemctl"] });
    t.editor.handle("syst\t");
    await new Promise((r) => setImmediate(r));
    t.editor.handle("\r");
    expect(t.submitted).toEqual(["systemctl "]);
  });

  it("deletes the previous word with Ctrl-W and the line head with Ctrl-U", () => {
    const t = setup();
    t.editor.handle("cat /etc/hosts\x17/etc/resolv.conf\r");
    expect(t.submitted).toEqual(["cat /etc/resolv.conf"]);
    t.editor.showPrompt("$ ");
    t.editor.handle("garbage\x15uptime\r");
    expect(t.submitted[1]).toBe("uptime");
  });
});
