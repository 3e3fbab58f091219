import { spawn } from "../state/procs.ts";
import type { Host } from "../state/host.ts";
import type { Proc, UserEntry } from "../state/types.ts";

/**
 * An ssh login as OpenSSH 9.2 on Debian 12 leaves it in the process table:
 * the privileged monitor `sshd: USER [priv]` (root), the session process
 * `sshd: USER@pts/0` (the user) and the login shell `-bash`, which is the
 * parent of every command the candidate runs.
 */
export function loginShell(host: Host, user: UserEntry): Proc {
  const state = host.state;
  const listener = Object.values(state.procs).find((p) => p.comm === "sshd" && p.ppid === 1);
  const base = {
    cwd: "/", nice: 0, rssGrowKbPerSec: 0, cpuShare: 0, startMs: host.now - 1000,
    limits: { nofile: [1024, 524288] as [number, number], nproc: [7609, 7609] as [number, number] },
  };
  const priv = spawn(state, {
    ...base, ppid: listener?.pid ?? 1, uid: 0, gid: 0, comm: "sshd", argv: [`sshd: ${user.name} [priv]`],
    exe: "/usr/sbin/sshd", env: {}, tty: null, vszKb: 17_820, rssKb: 10_880, statFlags: "s",
  });
  const sess = spawn(state, {
    ...base, ppid: priv.pid, uid: user.uid, gid: user.gid, comm: "sshd", argv: [`sshd: ${user.name}@pts/0`],
    exe: "/usr/sbin/sshd", env: {}, tty: null, vszKb: 17_980, rssKb: 6_752,
  });
  const sessionNo = 1 + Object.values(state.procs).filter((p) => p.argv[0]?.startsWith("sshd: ") && p.argv[0].endsWith("[priv]")).length;
  const t = host.now - 1000;
  const peer = { addr: `198.51.100.${20 + (state.seed % 200)}`, port: 40000 + (state.seed % 20000) };
  const from = `${peer.addr} port ${peer.port}`;
  // Both sshd processes of the session hold the TCP connection the candidate came in on.
  const local = state.net.interfaces.find((i) => i.name !== "lo")?.addrs.find((a) => a.family === "inet")?.address ?? "10.0.1.10";
  for (const p of [priv, sess]) p.fds["4"] = { kind: "socket", proto: "TCP", localPort: 22, state: "ESTABLISHED", inode: 40_000 + priv.pid, localAddr: local, remote: peer };
  state.login = { user: user.name, tty: "pts/0", from: peer.addr, atMs: host.now - 1000 };
  host.log({ tsMs: t, ident: "sshd", pid: priv.pid, unit: "ssh.service", priority: 6, message: `Accepted publickey for ${user.name} from ${from} ssh2: ED25519 SHA256:wq3Jc0Fh9sKp2Lr7Tn4Xy6Vb1Zm8Qd5Ae0Gu3Io2Nk` });
  host.log({ tsMs: t, ident: "sshd", pid: priv.pid, unit: "ssh.service", priority: 6, message: `pam_unix(sshd:session): session opened for user ${user.name}(uid=${user.uid}) by (uid=0)` });
  const logind = state.units["systemd-logind.service"]?.mainPid ?? null;
  host.log({ tsMs: t, ident: "systemd-logind", pid: logind, unit: "systemd-logind.service", priority: 6, message: `New session ${sessionNo} of user ${user.name}.` });
  host.log({ tsMs: t, ident: "systemd", pid: 1, unit: null, priority: 6, message: `Started session-${sessionNo}.scope - Session ${sessionNo} of User ${user.name}.` });
  return spawn(state, {
    ...base, ppid: sess.pid, uid: user.uid, gid: user.gid, comm: "bash", argv: ["-bash"], exe: "/usr/bin/bash",
    env: { HOME: user.home, USER: user.name, LOGNAME: user.name, SHELL: user.shell },
    cwd: user.home, tty: "pts/0", vszKb: 8_708, rssKb: 5_248, statFlags: "s",
  });
}

/** The environment a Debian 12 ssh login gives: what `env` shows right after logging in. */
export function loginEnv(_host: Host, user: string, home: string): Record<string, string> {
  return {
    SHELL: "/bin/bash",
    LOGNAME: user,
    HOME: home,
    LANG: "C.UTF-8",
    USER: user,
    SHLVL: "1",
    PATH: user === "root" ? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" : "/usr/local/bin:/usr/bin:/bin:/usr/games",
    TERM: "xterm-256color",
    MAIL: `/var/mail/${user}`,
    OLDPWD: home,
  };
}
