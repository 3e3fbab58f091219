import { describe, expect, it } from "vitest";
import * as fs from "../../state/fs.ts";
import { baseHost } from "../../testkit.ts";
import { Session } from "../session.ts";

const term = (): Session => new Session(baseHost(), undefined, { terminal: { columns: 100, rows: 30 } });

describe("follows: commands that keep running until Ctrl-C", () => {
  it("tail -f prints lines as the file grows; Ctrl-C shows ^C, $? is 130 and the prompt returns", async () => {
    const s = term();
    fs.createFile(s.host.state, fs.ROOT, "/tmp/app.log", "one\ntwo\n");
    const r = await s.run("tail -f /tmp/app.log");
    expect(r).toMatchObject({ stdout: "one\ntwo\n", exitCode: 0, follow: { keys: "interrupt", fullScreen: false } });
    expect((await s.tick(1000)).stdout).toBe("");
    fs.writeFile(s.host.state, fs.ROOT, "/tmp/app.log", "three\n", true);
    expect(await s.tick(1500)).toMatchObject({ stdout: "three\n", done: false });
    expect(await s.interrupt()).toEqual({ stdout: "^C\n", stderr: "", exitCode: 130, done: true });
    expect(s.following()).toBeNull();
    expect((await s.run("echo $?")).stdout).toBe("130\n");
  });

  it("tail -F reopens a rotated log; tail -f keeps reading the old file", async () => {
    const s = term();
    fs.createFile(s.host.state, fs.ROOT, "/var/log/x.log", "old\n");
    await s.run("tail -F /var/log/x.log");
    fs.rename(s.host.state, fs.ROOT, "/var/log/x.log", "/var/log/x.log.1");
    expect((await s.tick(1000)).stderr).toBe("tail: '/var/log/x.log' has become inaccessible: No such file or directory\n");
    fs.createFile(s.host.state, fs.ROOT, "/var/log/x.log", "new 1\n");
    expect(await s.tick(1000)).toMatchObject({ stdout: "new 1\n", stderr: "tail: '/var/log/x.log' has appeared;  following new file\n" });
    fs.unlink(s.host.state, fs.ROOT, "/var/log/x.log");
    fs.createFile(s.host.state, fs.ROOT, "/var/log/x.log", "new 2\n");
    // Replaced within one poll: tail sees a different inode under the name.
    const r = await s.tick(1000);
    expect(r.stderr).toBe("tail: '/var/log/x.log' has been replaced;  following new file\n");
    expect(r.stdout).toBe("new 2\n");
    await s.interrupt();

    await s.run("tail -f /var/log/x.log");
    fs.rename(s.host.state, fs.ROOT, "/var/log/x.log", "/var/log/x.log.2");
    fs.writeFile(s.host.state, fs.ROOT, "/var/log/x.log.2", "still followed\n", true);
    fs.createFile(s.host.state, fs.ROOT, "/var/log/x.log", "not seen\n");
    expect(await s.tick(1000)).toMatchObject({ stdout: "still followed\n", stderr: "" });
  });

  it("tail -f reports truncation and prints headers when switching between files", async () => {
    const s = term();
    fs.createFile(s.host.state, fs.ROOT, "/tmp/a", "a1\n");
    fs.createFile(s.host.state, fs.ROOT, "/tmp/b", "b1\n");
    expect((await s.run("tail -f /tmp/a /tmp/b")).stdout).toBe("==> /tmp/a <==\na1\n\n==> /tmp/b <==\nb1\n");
    fs.writeFile(s.host.state, fs.ROOT, "/tmp/a", "a2\n", true);
    expect((await s.tick(1000)).stdout).toBe("\n==> /tmp/a <==\na2\n");
    fs.writeFile(s.host.state, fs.ROOT, "/tmp/a", "x\n", false);
    const r = await s.tick(1000);
    expect(r.stderr).toBe("tail: /tmp/a: file truncated\n");
    expect(r.stdout).toBe("x\n");
  });

  it("a later pipeline stage filters each new chunk", async () => {
    const s = term();
    fs.createFile(s.host.state, fs.ROOT, "/tmp/app.log", "INFO a\nERROR b\n");
    expect((await s.run("tail -f /tmp/app.log | grep ERROR")).stdout).toBe("ERROR b\n");
    fs.writeFile(s.host.state, fs.ROOT, "/tmp/app.log", "INFO c\nERROR d\nERROR e\n", true);
    expect((await s.tick(1000)).stdout).toBe("ERROR d\nERROR e\n");
    expect((await s.interrupt()).exitCode).toBe(130);
  });

  it("journalctl -f -u shows new entries of the unit only, also through sudo", async () => {
    const s = term();
    const r = await s.run("sudo journalctl -f -n 2 -u cron");
    expect(r.follow).toEqual({ keys: "interrupt", fullScreen: false });
    s.host.log({ ident: "CRON", pid: 1, unit: "cron.service", priority: 6, message: "(root) CMD (run-parts)" });
    s.host.log({ ident: "sshd", pid: 1, unit: "ssh.service", priority: 6, message: "not shown" });
    const t = await s.tick(1000);
    expect(t.stdout).toMatch(/^Nov 25 \d\d:\d\d:\d\d web-01 CRON\[1\]: \(root\) CMD \(run-parts\)\n$/);
    expect((await s.tick(5000)).stdout).toBe("");
    await s.interrupt();
  });

  it("journalctl -f -k | grep keeps filtering new entries", async () => {
    const s = term();
    await s.run("sudo journalctl -f -k | grep -i error");
    s.host.log({ ident: "kernel", pid: null, unit: null, priority: 3, message: "disk error" });
    s.host.log({ ident: "kernel", pid: null, unit: null, priority: 6, message: "all good" });
    s.host.log({ ident: "sshd", pid: 1, unit: "ssh.service", priority: 3, message: "sshd error" });
    expect((await s.tick(1000)).stdout).toMatch(/^Nov 25 \d\d:\d\d:\d\d web-01 kernel: disk error\n$/);
  });

  it("vmstat N prints a line every N seconds; with a count it ends by itself", async () => {
    const s = term();
    const first = await s.run("vmstat 2 3");
    expect(first.stdout.split("\n")).toHaveLength(4);
    expect((await s.tick(1000)).stdout).toBe("");
    expect(await s.tick(1000)).toMatchObject({ done: false });
    const end = await s.tick(2000);
    expect(end).toMatchObject({ done: true, exitCode: 0 });
    expect(end.stdout.split("\n")).toHaveLength(2);
    await s.run("vmstat 1");
    const many = await s.tick(30_000);
    // The two header lines come back after every screenful (rows - 3 samples).
    expect(many.stdout.match(/^procs /gm)).toHaveLength(1);
    expect((await s.interrupt()).exitCode).toBe(130);
  });

  it("top redraws full screen every 3 s; q and Ctrl-C leave it with $? 0; top -b stays batch", async () => {
    const s = term();
    const r = await s.run("top");
    expect(r.follow).toEqual({ keys: "top", fullScreen: true });
    expect(r.stdout.startsWith("\x1b[?1049h")).toBe(true);
    expect(r.stdout).toContain("\x1b[7m    PID USER");
    expect((await s.tick(2000)).stdout).toBe("");
    const frame = await s.tick(1000);
    expect(frame.stdout.startsWith("\x1b[Htop - ")).toBe(true);
    expect(frame.stdout.split("\n").length).toBeLessThanOrEqual(30);
    expect((await s.key("x")).done).toBe(false);
    expect(await s.key("q")).toEqual({ stdout: "\x1b[?25h\x1b[?1049l", stderr: "", exitCode: 0, done: true });
    await s.run("top");
    expect((await s.interrupt()).exitCode).toBe(0);
    expect((await s.run("echo $?")).stdout).toBe("0\n");
    const batch = await s.run("top -b -n 2");
    expect(batch.follow).toBeUndefined();
    expect(batch.stdout.match(/^top - /gm)).toHaveLength(2);
    expect((await s.run("top | head -1")).follow).toBeUndefined();
  });

  it("top -n 2 on a terminal ends by itself after the second frame", async () => {
    const s = term();
    await s.run("top -n 2");
    const r = await s.tick(3000);
    expect(r).toMatchObject({ done: true, exitCode: 0 });
    expect(r.stdout.endsWith("\x1b[?25h\x1b[?1049l")).toBe(true);
  });

  it("survives a save and restore mid-follow, and carries on from where it was", async () => {
    const s = term();
    fs.createFile(s.host.state, fs.ROOT, "/tmp/app.log", "one\n");
    await s.run("tail -f /tmp/app.log | grep -v debug");
    const restored = Session.restore(s.host.serialize(), JSON.parse(JSON.stringify(s.state)), { terminal: { columns: 100 } });
    expect(restored.following()).toEqual({ keys: "interrupt", fullScreen: false });
    fs.writeFile(restored.host.state, fs.ROOT, "/tmp/app.log", "debug x\ntwo\n", true);
    expect((await restored.tick(1000)).stdout).toBe("two\n");
    expect((await restored.interrupt()).exitCode).toBe(130);
  });

  it("without a terminal a follow ends right after its first output, as if Ctrl-C came at once", async () => {
    const s = new Session(baseHost());
    fs.createFile(s.host.state, fs.ROOT, "/tmp/app.log", "one\n");
    expect(await s.run("tail -f /tmp/app.log")).toEqual({ stdout: "one\n", stderr: "", exitCode: 130 });
    expect(s.following()).toBeNull();
    expect((await s.run("vmstat 1 3")).stdout.split("\n")).toHaveLength(6);
  });

  it("only the first stage of the last pipeline follows; elsewhere the command ends after its output", async () => {
    const s = term();
    fs.createFile(s.host.state, fs.ROOT, "/tmp/app.log", "one\n");
    expect((await s.run("cd /tmp; tail -f app.log")).follow).toBeDefined();
    await s.interrupt();
    expect((await s.run("tail -f /tmp/app.log && echo done")).follow).toBeUndefined();
    expect((await s.run("x=$(tail -f /tmp/app.log); echo $x")).stdout).toBe("one\n");
    expect((await s.run("tail -f /tmp/app.log > /tmp/copy")).follow).toBeUndefined();
    expect((await s.run("tail -f /nonexistent")).stderr).toBe("tail: cannot open '/nonexistent' for reading: No such file or directory\ntail: no files remaining\n");
  });

  it("sleep stays instant in simulated time", async () => {
    const s = term();
    const before = s.host.now;
    const r = await s.run("sleep 30");
    expect(r.follow).toBeUndefined();
    expect(s.host.now - before).toBeGreaterThanOrEqual(30_000);
  });
});

describe("ping without -c", () => {
  it("sends an echo a second until Ctrl-C, which prints the statistics; exit 0 with replies", async () => {
    const s = term();
    const r = await s.run("ping 127.0.0.1");
    expect(r.follow).toEqual({ keys: "interrupt", fullScreen: false });
    expect(r.stdout).toMatch(/^PING 127\.0\.0\.1 \(127\.0\.0\.1\) 56\(84\) bytes of data\.\n64 bytes from 127\.0\.0\.1: icmp_seq=1 ttl=64 time=0\.0\d\d ms\n$/);
    const more = await s.tick(2500);
    expect(more.stdout.match(/icmp_seq=(\d)/g)).toEqual(["icmp_seq=2", "icmp_seq=3"]);
    const end = await s.interrupt();
    expect(end.exitCode).toBe(0);
    expect(end.stdout).toMatch(/^\^C\n--- 127\.0\.0\.1 ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss, time 2\d\d\dms\nrtt min\/avg\/max\/mdev = [\d.]+\/[\d.]+\/[\d.]+\/[\d.]+ ms\n$/);
    expect((await s.run("echo $?")).stdout).toBe("0\n");
  });

  it("on a pipe it stops after the first echo with the statistics; with -c it is unchanged", async () => {
    const s = new Session(baseHost());
    const r = await s.run("ping 127.0.0.1");
    expect(r.stdout).toMatch(/icmp_seq=1 .*\n\n--- 127\.0\.0\.1 ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\n/);
    expect(r.exitCode).toBe(0);
    expect((await s.run("ping -c 2 127.0.0.1")).stdout.match(/icmp_seq/g)).toHaveLength(2);
  });
});

describe("watch", () => {
  it("reruns the command every interval full screen until Ctrl-C, exiting 0", async () => {
    const s = term();
    fs.createFile(s.host.state, fs.ROOT, "/tmp/n", "1\n");
    const r = await s.run("watch -n 5 cat /tmp/n");
    expect(r.follow).toEqual({ keys: "interrupt", fullScreen: true });
    expect(r.stdout).toMatch(/^\x1b\[\?1049h\x1b\[\?25l\x1b\[H\x1b\[2JEvery 5\.0s: cat \/tmp\/n +web-01: \w{3} Nov 25 \d\d:\d\d:\d\d 2026\n\n1$/);
    expect(r.stdout.split("\n")[0]?.length).toBe(100 + "\x1b[?1049h\x1b[?25l\x1b[H\x1b[2J".length);
    fs.writeFile(s.host.state, fs.ROOT, "/tmp/n", "2\n", false);
    expect((await s.tick(3000)).stdout).toBe("");
    expect((await s.tick(2000)).stdout).toMatch(/\n\n2$/);
    expect(await s.interrupt()).toEqual({ stdout: "\x1b[?25h\x1b[?1049l", stderr: "", exitCode: 0, done: true });
  });

  it("needs a terminal", async () => {
    expect(await new Session(baseHost()).run("watch df")).toEqual({ stdout: "", stderr: "Error opening terminal: unknown.\n", exitCode: 1 });
  });
});

describe("option clusters", () => {
  it("tail -fn N and -Fn N follow like -f -n N", async () => {
    const s = term();
    fs.createFile(s.host.state, fs.ROOT, "/tmp/c", "1\n2\n3\n");
    expect(await s.run("tail -fn 1 /tmp/c")).toMatchObject({ stdout: "3\n", follow: { keys: "interrupt" } });
    await s.interrupt();
    expect(await s.run("tail -Fn2 /tmp/c")).toMatchObject({ stdout: "2\n3\n", follow: { keys: "interrupt" } });
    await s.interrupt();
    expect((await s.run("head -qn 1 /tmp/c /tmp/c")).stdout).toBe("1\n1\n");
  });
});

describe("full screen through sudo", () => {
  it("sudo top is full screen; sudo watch runs its command as root", async () => {
    const s = term();
    expect((await s.run("sudo top")).follow).toEqual({ keys: "top", fullScreen: true });
    await s.key("q");
    const r = await s.run("sudo watch -n 1 id -un");
    expect(r.stdout).toMatch(/\n\nroot$/);
    expect((await s.tick(1000)).stdout).toMatch(/\n\nroot$/);
  });
});
