import { describe, expect, it } from "vitest";
import * as fs from "../../state/fs.ts";
import { getUnit } from "../../services/systemd.ts";
import { baseHost } from "../../testkit.ts";
import { Session } from "../session.ts";
import { changedLines } from "./lines.ts";

const panel = (): Session => new Session(baseHost(), undefined, { terminal: { columns: 100 }, editorPanel: true });

function readText(s: Session, path: string): string {
  const { inode } = fs.readFile(s.host.state, fs.ROOT, path);
  return fs.readFileRange(inode, 0, 1_000_000);
}

describe("editor panel", () => {
  it("nano as admin on a root file: the panel opens, saving fails with nano's error, the file is unchanged", async () => {
    const s = panel();
    fs.mkdir(s.host.state, fs.ROOT, "/etc/app");
    fs.createFile(s.host.state, fs.ROOT, "/etc/app/config.yml", "port: 80\n");
    const r = await s.run("nano /etc/app/config.yml");
    expect(r.exitCode).toBe(0);
    expect(r.editor).toEqual({ editor: "nano", title: "GNU nano 7.2  /etc/app/config.yml", path: "/etc/app/config.yml", content: "port: 80\n", status: "[ File '/etc/app/config.yml' is unwritable ]" });
    expect(s.saveEditor("port: 8080\n")).toEqual({ ok: false, status: "[ Error writing /etc/app/config.yml: Permission denied ]" });
    expect(s.exitEditor()).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect(readText(s, "/etc/app/config.yml")).toBe("port: 80\n");
  });

  it("sudo nano writes as root in place (same inode, owner and mode); cat shows the change", async () => {
    const s = panel();
    fs.mkdir(s.host.state, fs.ROOT, "/etc/app");
    const f = fs.createFile(s.host.state, fs.ROOT, "/etc/app/config.yml", "port: 80\n", { mode: 0o640 });
    expect((await s.run("sudo nano /etc/app/config.yml")).editor?.status).toBe("[ Read 1 line ]");
    expect(s.saveEditor("port: 8080\nworkers: 4")).toEqual({ ok: true, status: "[ Wrote 2 lines ]" });
    s.exitEditor();
    expect((await s.run("sudo cat /etc/app/config.yml")).stdout).toBe("port: 8080\nworkers: 4\n");
    expect(fs.tryResolve(s.host.state, fs.ROOT, "/etc/app/config.yml")?.inode).toMatchObject({ ino: f.ino, mode: 0o640, uid: 0 });
  });

  it("a new file is created with umask 022 and the editor's owner; vim words its messages like vim", async () => {
    const s = panel();
    const r = await s.run("vim notes.txt");
    expect(r.editor).toMatchObject({ editor: "vim", title: "notes.txt - VIM", status: '"notes.txt" [New]' });
    expect(s.saveEditor("hello\n")).toEqual({ ok: true, status: '"notes.txt" [New] 1L, 6B written' });
    s.exitEditor();
    expect((await s.run("stat -c '%a %U %G' notes.txt")).stdout).toBe("644 admin admin\n");
    await s.run("vi /etc/hostname");
    expect(s.saveEditor("x\n")).toEqual({ ok: false, status: '"/etc/hostname" E212: Can\'t open file for writing' });
  });

  it("sudoedit writes back as root on exit, and says so when nothing changed", async () => {
    const s = panel();
    const r = await s.run("sudoedit /etc/hostname");
    expect(r.editor?.path).toMatch(/^\/var\/tmp\/hostname[A-Za-z0-9]{8}$/);
    expect(s.exitEditor()).toEqual({ stdout: "", stderr: "sudoedit: /etc/hostname unchanged\n", exitCode: 0 });
    await s.run("sudo -e /etc/hostname");
    s.saveEditor("web-02\n");
    expect(readText(s, "/etc/hostname")).not.toBe("web-02\n");
    s.exitEditor();
    expect(readText(s, "/etc/hostname")).toBe("web-02\n");
  });

  it("systemctl edit writes the drop-in on exit and reloads systemd; admin without sudo is refused", async () => {
    const s = panel();
    expect(await s.run("systemctl edit cron")).toEqual({ stdout: "", stderr: 'Failed to create directories for "/etc/systemd/system/cron.service.d/override.conf": Permission denied\n', exitCode: 1 });
    const r = await s.run("sudo systemctl edit cron");
    expect(r.editor?.path).toMatch(/^\/etc\/systemd\/system\/cron\.service\.d\/\.#override\.conf[0-9a-f]{16}$/);
    const text = r.editor?.content ?? "";
    expect(text.startsWith("### Editing /etc/systemd/system/cron.service.d/override.conf\n### Anything between here and the comment below will become the new contents of the file\n\n\n### Lines below this comment will be discarded\n\n### ")).toBe(true);
    expect(text).toMatch(/\n# \[Service\]\n/);
    s.saveEditor(text.replace("file\n\n", "file\n\n[Service]\nEnvironment=DEBUG=1\n"));
    expect(s.exitEditor()).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect(readText(s, "/etc/systemd/system/cron.service.d/override.conf")).toBe("[Service]\nEnvironment=DEBUG=1\n");
    // The implicit daemon-reload: status does not warn about changed files.
    expect((await s.run("systemctl status cron")).stderr).toBe("");
    expect(getUnit(s.host, "cron.service")).toBeDefined();
    await s.run("sudo systemctl edit cron");
    expect(s.editor()?.content).toContain("\n\n[Service]\nEnvironment=DEBUG=1\n\n### Lines below");
    s.saveEditor("");
    expect(s.exitEditor().stderr).toBe('Editing "/etc/systemd/system/cron.service.d/override.conf" canceled: temporary file is empty.\n');
  });

  it("crontab -e starts from Debian's template and installs the table on exit", async () => {
    const s = panel();
    const r = await s.run("crontab -e");
    expect(r.stderr).toBe("no crontab for admin - using an empty one\n");
    expect(r.editor?.content.startsWith("# Edit this file to introduce tasks to be run by cron.\n")).toBe(true);
    expect(s.exitEditor().stderr).toBe("crontab: no changes made to crontab\n");
    await s.run("crontab -e");
    s.saveEditor(`${s.editor()?.content ?? ""}*/5 * * * * /usr/bin/true\n`);
    expect(s.exitEditor().stderr).toBe("crontab: installing new crontab\n");
    expect((await s.run("crontab -l | tail -1")).stdout).toBe("*/5 * * * * /usr/bin/true\n");
    expect(fs.tryResolve(s.host.state, fs.ROOT, "/var/spool/cron/crontabs/admin")?.inode).toMatchObject({ mode: 0o600, uid: 1000 });
  });

  it("the open editor survives save/restore; without a panel editors explain sed and tee instead", async () => {
    const s = panel();
    await s.run("sudo nano /etc/hostname");
    s.saveEditor("changed\n");
    const restored = Session.restore(s.host.serialize(), JSON.parse(JSON.stringify(s.state)), { editorPanel: true });
    expect(restored.editor()?.content).toBe("changed\n");
    restored.exitEditor();
    expect(restored.editor()).toBeNull();

    const cli = new Session(baseHost());
    const r = await cli.run("sudo nano /etc/hosts");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("sed -i");
    expect(r.stderr).toContain("tee /etc/hosts");
    expect(r.editor).toBeUndefined();
    expect((await cli.run("systemctl edit --full cron")).exitCode).toBe(1);
  });

  it("counts changed lines like diff", () => {
    expect(changedLines("a\nb\nc\n", "a\nB\nc\nd\n")).toBe(3);
    expect(changedLines("", "x\n")).toBe(1);
    expect(changedLines("same\n", "same\n")).toBe(0);
  });
});

describe("editor limits", () => {
  it("does not open a huge log in the panel", async () => {
    const s = panel();
    const f = fs.createFile(s.host.state, fs.ROOT, "/var/log/big.log", "");
    f.genBytes = 40 * 1024 ** 3;
    const r = await s.run("sudo nano /var/log/big.log");
    expect(r).toEqual({ stdout: "", stderr: "nano: /var/log/big.log is 42949672960 bytes, more than the editor panel opens (512 KiB); read it with less, tail or grep, change it with sed -i\n", exitCode: 1 });
    expect(s.editor()).toBeNull();
  });
});

describe("editor choice", () => {
  it("crontab -e and systemctl edit honour $EDITOR; vi flavours open as vim", async () => {
    const s = panel();
    const r = await s.run("EDITOR=vim crontab -e");
    expect(r.editor).toMatchObject({ editor: "vim", status: expect.stringMatching(/^"\/tmp\/crontab\.\w{6}\/crontab" 23L, \d+B$/) });
    s.exitEditor();
    await s.run("export EDITOR=/usr/bin/nano");
    expect((await s.run("sudo -E systemctl edit --full cron")).editor?.editor).toBe("nano");
  });
});

describe("crontab -e syntax check", () => {
  it("refuses a broken table on exit, leaving the installed one alone", async () => {
    const s = panel();
    await s.run("crontab -e");
    s.saveEditor("61 * * * * /bin/true\n");
    const r = s.exitEditor();
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^"\/tmp\/crontab\.\w{6}\/crontab":1: bad minute\nerrors in crontab file, can't install\.\ncrontab: edits left in \/tmp\/crontab\.\w{6}\/crontab\n$/);
    expect((await s.run("crontab -l")).stderr).toBe("no crontab for admin\n");
  });
});
