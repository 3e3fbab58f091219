import { describe, expect, it } from "vitest";
import * as fs from "../../state/fs.ts";
import { spawn } from "../../state/procs.ts";
import { baseSession } from "../../testkit.ts";
import { programFor } from "../../programs/registry.ts";

/** Python 3.11.2's http.server answering for a directory, as captured from the real one. */
const LISTING = `<!DOCTYPE HTML>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Directory listing for /</title>
</head>
<body>
<h1>Directory listing for /</h1>
<hr>
<ul>
<li><a href="assets/">assets/</a></li>
<li><a href="index2.html">index2.html</a></li>
<li><a href="link">link@</a></li>
</ul>
<hr>
</body>
</html>
`;

function serving(port: number) {
  const s = baseSession();
  const st = s.host.state;
  fs.mkdir(st, fs.ROOT, "/srv/site", { uid: 1000, gid: 1000 });
  fs.mkdir(st, fs.ROOT, "/srv/site/assets", { uid: 1000, gid: 1000 });
  fs.createFile(st, fs.ROOT, "/srv/site/index2.html", "hi\n", { uid: 1000, gid: 1000 });
  fs.symlink(st, fs.ROOT, "index2.html", "/srv/site/link");
  fs.createFile(st, fs.ROOT, "/srv/server.log", "", { uid: 1000, gid: 1000 });
  const log = fs.resolve(st, fs.ROOT, "/srv/server.log").inode;
  const proc = spawn(st, {
    ppid: 1, uid: 1000, gid: 1000, comm: "python3", argv: ["python3", "-m", "http.server", String(port)], exe: "/usr/bin/python3.11", env: {}, cwd: "/srv/site",
    tty: null, cpuShare: 0, vszKb: 29_000, rssKb: 18_000, rssGrowKbPerSec: 0, nice: 0, limits: { nofile: [1024, 1048576], nproc: [7609, 7609] },
    program: "python-http-server", params: { port },
    fds: { "2": { kind: "file", ino: log.ino, path: "/srv/server.log", mode: "a", offset: 0 } },
  });
  programFor("python-http-server").start?.(s.host, proc);
  return s;
}

describe("python3", () => {
  it("knows its version and says plainly that no interpreter runs here", async () => {
    const s = baseSession();
    expect(await s.run("python3 --version")).toEqual({ stdout: "Python 3.11.2\n", stderr: "", exitCode: 0 });
    expect((await s.run("python3 -c 'print(1)'")).stderr).toMatch(/^python3: this simulated host has no Python interpreter/);
    expect((await s.run("ls -l /usr/bin/python3")).stdout).toMatch(/^lrwxrwxrwx 1 root root 10 .* \/usr\/bin\/python3 -> python3\.11\n$/);
  });

  it("fails to bind like CPython: privileged port, port in use", async () => {
    const s = baseSession();
    const denied = await s.run("python3 -m http.server 80");
    expect(denied.exitCode).toBe(1);
    expect(denied.stderr).toMatch(/^Traceback \(most recent call last\):\n  File "<frozen runpy>", line 198, in _run_module_as_main\n[\s\S]*    self\.socket\.bind\(self\.server_address\)\nPermissionError: \[Errno 13\] Permission denied\n$/);
    const taken = await s.run("sudo python3 -m http.server 22");
    expect(taken.stderr).toMatch(/\nOSError: \[Errno 98\] Address already in use\n$/);
    expect((await s.run("python3 -m http.server 8000")).stderr).toMatch(/^python3: not started: a foreground server would hold this terminal/);
  });
});

describe("python3 -m http.server as a running process", () => {
  it("lists its directory and serves files like Python 3.11.2, over HTTP/1.0", async () => {
    const s = serving(8123);
    const r = await s.run("curl -si http://localhost:8123/");
    expect(r.stdout).toMatch(/^HTTP\/1\.0 200 OK\r\nServer: SimpleHTTP\/0\.6 Python\/3\.11\.2\r\nDate: .* GMT\r\nContent-type: text\/html; charset=utf-8\r\nContent-Length: 307\r\n\r\n/);
    expect(r.stdout.split("\r\n\r\n")[1]).toBe(LISTING);
    expect((await s.run("curl -si http://localhost:8123/index2.html")).stdout).toMatch(/^HTTP\/1\.0 200 OK\r\nServer: SimpleHTTP\/0\.6 Python\/3\.11\.2\r\nDate: .*\r\nContent-type: text\/html\r\nContent-Length: 3\r\nLast-Modified: .*\r\n\r\nhi\n$/);
    expect((await s.run("curl -sI http://localhost:8123/assets")).stdout).toMatch(/^HTTP\/1\.0 301 Moved Permanently\r\nServer: .*\r\nDate: .*\r\nLocation: \/assets\/\r\nContent-Length: 0\r\n\r\n$/);
    const missing = await s.run("curl -si http://localhost:8123/nope");
    expect(missing.stdout).toMatch(/^HTTP\/1\.0 404 File not found\r\nServer: SimpleHTTP\/0\.6 Python\/3\.11\.2\r\nDate: .*\r\nConnection: close\r\nContent-Type: text\/html;charset=utf-8\r\nContent-Length: 335\r\n\r\n/);
    expect(await s.run("cat /srv/server.log")).toMatchObject({ stdout: expect.stringMatching(/^127\.0\.0\.1 - - \[\d\d\/Nov\/2026 \d\d:\d\d:\d\d\] "GET \/ HTTP\/1\.1" 200 -\n[\s\S]*127\.0\.0\.1 - - \[.*\] code 404, message File not found\n127\.0\.0\.1 - - \[.*\] "GET \/nope HTTP\/1\.1" 404 -\n$/) });
    expect((await s.run("ss -tln")).stdout).toMatch(/\nLISTEN 0 +5 +0\.0\.0\.0:8123 +0\.0\.0\.0:\*/);
  });
});
