import { describe, expect, it } from "vitest";
import { startScenario } from "../scenarios/runtime.ts";
import { baseSession } from "../testkit.ts";

describe("tab completion", () => {
  it("completes commands from $PATH and builtins, also after sudo and a pipe", () => {
    const s = baseSession();
    expect(s.complete("system").candidates).toEqual(["systemctl"]);
    expect(s.complete("jour")).toEqual({ from: 0, candidates: ["journalctl"] });
    expect(s.complete("sudo trun")).toEqual({ from: 5, candidates: ["truncate"] });
    expect(s.complete("ps aux | gr").candidates).toEqual(["grep", "groups"]);
    expect(s.complete("ex").candidates).toEqual(["exit", "expand", "export", "expr"]);
  });

  it("completes paths with a slash after directories and hides dotfiles unless asked", () => {
    const s = baseSession();
    expect(s.complete("ls /var/l").candidates).toEqual(["/var/lib/", "/var/log/"]);
    expect(s.complete("cat /etc/host").candidates).toEqual(["/etc/hostname", "/etc/hosts"]);
    expect(s.complete("cat ").candidates).toEqual([]);
    expect(s.complete("cat .b").candidates).toEqual([".bash_logout", ".bashrc"]);
    expect(s.complete("ls /root/").candidates).toEqual([]);
  });

  it("completes systemctl verbs and unit names, and journalctl -u units", () => {
    const run = startScenario("disk-full-deleted-log", 2);
    expect(run.session.complete("systemctl res").candidates).toEqual(["restart"]);
    expect(run.session.complete("sudo systemctl restart ap").candidates).toEqual(["app", "app.service"]);
    expect(run.session.complete("journalctl -u cr").candidates).toEqual(["cron", "cron.service"]);
  });
});
