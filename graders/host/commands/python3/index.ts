import type { Host } from "../../state/host.ts";
import type { HostCommand } from "../types.ts";
import { sysctlValue } from "../sysctl/index.ts";

/**
 * python3 (Debian 12's 3.11.2). `--version` answers; `-m http.server PORT`
 * goes as far as a real one can without taking over the terminal: the bind
 * either fails exactly as CPython reports it (port taken, privileged port),
 * or would succeed, and then we say plainly that this terminal cannot hold
 * a foreground server. There is no interpreter behind it, and it says so
 * rather than pretending to run code.
 */

const TRACE_HEAD = `Traceback (most recent call last):
  File "<frozen runpy>", line 198, in _run_module_as_main
  File "<frozen runpy>", line 88, in _run_code
  File "/usr/lib/python3.11/http/server.py", line 1309, in <module>
    test(
  File "/usr/lib/python3.11/http/server.py", line 1256, in test
    with ServerClass(addr, HandlerClass) as httpd:
         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/usr/lib/python3.11/socketserver.py", line 456, in __init__
    self.server_bind()
  File "/usr/lib/python3.11/http/server.py", line 1303, in server_bind
    return super().server_bind()
           ^^^^^^^^^^^^^^^^^^^^^
  File "/usr/lib/python3.11/http/server.py", line 136, in server_bind
    socketserver.TCPServer.server_bind(self)
  File "/usr/lib/python3.11/socketserver.py", line 472, in server_bind
    self.socket.bind(self.server_address)
`;

const NO_INTERPRETER = "python3: this simulated host has no Python interpreter behind the command; only `python3 --version` and `python3 -m http.server` are modelled\n";

/** First port an unprivileged process may bind (net.ipv4.ip_unprivileged_port_start, from /etc/sysctl.d). */
export function unprivilegedPortStart(host: Host): number {
  return Number(sysctlValue(host, "net.ipv4.ip_unprivileged_port_start") ?? 1024);
}

function portTaken(host: Host, port: number): boolean {
  return Object.values(host.state.procs).some((p) => p.state !== "Z" && Object.values(p.fds).some((fd) =>
    fd.kind === "socket" && fd.proto === "TCP" && fd.state === "LISTEN" && fd.localPort === port && !(fd.localAddr ?? "0.0.0.0").includes(":")));
}

export const python3: HostCommand = {
  name: "python3",
  async run(args, _ctx, rt) {
    if (args[0] === "--version" || args[0] === "-V") return { stdout: "Python 3.11.2\n", stderr: "", exitCode: 0 };
    if (args[0] === "-m" && args[1] === "http.server") {
      const rest = args.slice(2).filter((a, i, all) => !a.startsWith("-") && !["-b", "--bind", "-d", "--directory"].includes(all[i - 1] ?? ""));
      const port = rest[0] === undefined ? 8000 : Number(rest[0]);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        return { stdout: "", stderr: `usage: server.py [-h] [--cgi] [-b ADDRESS] [-d DIRECTORY] [port]\nserver.py: error: argument port: invalid int value: '${rest[0] ?? ""}'\n`, exitCode: 2 };
      }
      if (portTaken(rt.host, port)) return { stdout: "", stderr: `${TRACE_HEAD}OSError: [Errno 98] Address already in use\n`, exitCode: 1 };
      if (rt.cred.uid !== 0 && port < unprivilegedPortStart(rt.host)) {
        return { stdout: "", stderr: `${TRACE_HEAD}PermissionError: [Errno 13] Permission denied\n`, exitCode: 1 };
      }
      return { stdout: "", stderr: `python3: not started: a foreground server would hold this terminal, and this simulated shell cannot run one (port ${port} is free)\n`, exitCode: 1 };
    }
    return { stdout: "", stderr: NO_INTERPRETER, exitCode: 1 };
  },
};
