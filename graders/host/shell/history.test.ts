import { describe, expect, it } from "vitest";
import { baseSession } from "../testkit.ts";
import { expandHistory } from "./history.ts";

describe("history", () => {
  it("expands !!, !N, !-N, !$ and !prefix outside single quotes", () => {
    const h = ["systemctl status app", "df -h /var", "ls -l /tmp"];
    expect(expandHistory("sudo !!", h)).toEqual({ line: "sudo ls -l /tmp", expanded: true });
    expect(expandHistory("!1", h)).toEqual({ line: "systemctl status app", expanded: true });
    expect(expandHistory("!-2", h)).toEqual({ line: "df -h /var", expanded: true });
    expect(expandHistory("cd !$", h)).toEqual({ line: "cd /tmp", expanded: true });
    expect(expandHistory("!sys", h)).toEqual({ line: "systemctl status app", expanded: true });
    expect(expandHistory("echo '!!' \"x\"", h)).toEqual({ line: "echo '!!' \"x\"", expanded: false });
    expect(expandHistory("[ a != b ]", h)).toEqual({ line: "[ a != b ]", expanded: false });
    expect(expandHistory("!nope", h)).toEqual({ error: "-bash: !nope: event not found\n" });
  });

  it("sudo !! reruns the last line as root, echoing it first", async () => {
    const s = baseSession();
    expect((await s.run("systemctl restart cron")).exitCode).toBe(1);
    expect(await s.run("sudo !!")).toEqual({ stdout: "sudo systemctl restart cron\n", stderr: "", exitCode: 0 });
    expect((await s.run("history")).stdout).toBe("    1  systemctl restart cron\n    2  sudo systemctl restart cron\n    3  history\n");
    expect((await s.run("history 1")).stdout).toBe("    4  history 1\n");
  });
});
