import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";

describe("lsof", () => {
  it("lays out lsof 4.95's columns: FD right-aligned with its mode letter, TYPE and numbers right-aligned", async () => {
    const s = baseSession();
    const sshd = Object.values(s.host.state.procs).find((p) => p.comm === "sshd" && p.ppid === 1)!;
    const out = (await s.run(`sudo lsof -p ${sshd.pid}`)).stdout;
    const pid = String(sshd.pid);
    expect(out).toBe(
      `COMMAND ${"PID".padStart(pid.length)} USER   FD   TYPE DEVICE SIZE/OFF NODE NAME\n` +
        `sshd    ${pid} root  cwd    DIR  254,1     4096    2 /\n` +
        `sshd    ${pid} root  rtd    DIR  254,1     4096    2 /\n` +
        `sshd    ${pid} root    0r   CHR    1,3      0t0 ${pad(s, "null")} /dev/null\n` +
        `sshd    ${pid} root    1w   CHR    1,3      0t0 ${pad(s, "null")} /dev/null\n` +
        `sshd    ${pid} root    2w   CHR    1,3      0t0 ${pad(s, "null")} /dev/null\n` +
        `sshd    ${pid} root    3u  IPv4  18237      0t0  TCP *:ssh (LISTEN)\n`,
    );
  });

  it("shows others' processes to admin only as permission errors", async () => {
    const s = baseSession();
    const out = (await s.run("lsof -p 1")).stdout;
    expect(out.split("\n")[1]).toMatch(/^systemd +1 root +cwd +unknown +\/proc\/1\/cwd \(readlink: Permission denied\)$/);
  });

  it("selects by port and exits 1 when nothing matches", async () => {
    const s = baseSession();
    // The listener and both processes of admin's own ssh connection.
    expect((await s.run("sudo lsof -i :22 -t")).stdout).toMatch(/^(\d+\n){3}$/);
    expect((await s.run("sudo lsof -i :22")).stdout).toMatch(/ TCP 10\.0\.1\.17:ssh->198\.51\.100\.27:40007 \(ESTABLISHED\)\n/);
    expect((await s.run("sudo lsof -i :8080")).exitCode).toBe(1);
  });
});

/** /dev/null's inode number, right-aligned to the NODE column (as wide as its header). */
function pad(s: ReturnType<typeof baseSession>, dev: string): string {
  const devRoot = s.host.state.fs.inodes["1000001"];
  const ino = devRoot && devRoot.kind === "dir" ? devRoot.entries[dev] : undefined;
  return String(ino).padStart(4);
}
