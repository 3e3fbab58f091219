import { createServer, type Server } from "node:http";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseSession } from "../testkit.ts";

/**
 * Nothing a candidate types may reach the machine the server runs on: the
 * simulated shell has no path to the real filesystem, processes, network or
 * environment. Each test plants something real (a file with a secret, a
 * listening socket, an environment variable) and tries the ways a shell
 * user would reach it.
 */

const SECRET = `prodloop-canary-${process.pid}-${Date.now()}`;
let dir: string;
let secretFile: string;
let server: Server;
let port: number;
let connections = 0;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "isolation-"));
  secretFile = path.join(dir, "secret.txt");
  writeFileSync(secretFile, `${SECRET}\n`);
  process.env.PRODLOOP_CANARY = SECRET;
  server = createServer((_req, res) => res.end(SECRET));
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  delete process.env.PRODLOOP_CANARY;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

async function typed(lines: string[]): Promise<string> {
  const s = baseSession();
  let out = "";
  for (const line of lines) {
    const r = await s.run(line);
    out += r.stdout + r.stderr;
  }
  return out;
}

describe("the simulated shell cannot reach the real machine", () => {
  it("cannot read a real file, however it asks", async () => {
    const out = await typed([
      `cat ${secretFile}`,
      `sudo cat ${secretFile}`,
      `head -1 ${secretFile}; tail ${secretFile}; grep -r canary ${dir}`,
      `echo "$(< ${secretFile})"`,
      `while read l; do echo "$l"; done < ${secretFile}`,
      `source ${secretFile}; . ${secretFile}`,
      `bash ${secretFile}; sh -c 'cat ${secretFile}'`,
      `ls -la ${dir}; find ${dir}; stat ${secretFile}`,
      `cp ${secretFile} /tmp/copied && cat /tmp/copied`,
      "cat /proc/self/environ /proc/1/cmdline /proc/self/cmdline",
    ]);
    expect(out).not.toContain(SECRET);
    expect(out).toContain(`cat: ${secretFile}: No such file or directory`);
  });

  it("cannot write or delete real files", async () => {
    const planted = path.join(dir, "planted");
    await typed([
      `echo pwned > ${planted}`,
      `mkdir -p ${dir}/sub && touch ${dir}/sub/x`,
      `sudo rm -rf ${dir}`,
      `sudo rm -f ${secretFile}`,
      `sudo truncate -s 0 ${secretFile}`,
    ]);
    expect(existsSync(planted)).toBe(false);
    expect(existsSync(path.join(dir, "sub"))).toBe(false);
    expect(existsSync(secretFile)).toBe(true);
  });

  it("cannot see or signal real processes", async () => {
    const out = await typed([`ps aux | grep -c ${process.pid}`, `sudo kill -9 ${process.pid}; echo "exit $?"`, "ps -ef"]);
    // This process is alive (we are running) and invisible: ps shows only the simulated host's table.
    expect(out).not.toMatch(/vitest|node_modules/);
    expect(out).toContain("exit 1");
  });

  it("cannot connect to a real socket on this machine", async () => {
    const out = await typed([
      `curl -s http://127.0.0.1:${port}/`,
      `curl -s http://localhost:${port}/`,
      `exec 3<>/dev/tcp/127.0.0.1/${port}; echo hi >&3`,
      `cat < /dev/tcp/127.0.0.1/${port}`,
    ]);
    expect(out).not.toContain(SECRET);
    expect(connections).toBe(0);
  });

  it("does not see the server's environment", async () => {
    const out = await typed(["env", "printenv PRODLOOP_CANARY", "echo $PRODLOOP_CANARY", "sudo env", "set"]);
    expect(out).not.toContain(SECRET);
  });

  it("cannot run JavaScript or a real interpreter", async () => {
    const out = await typed([
      `node -e "require('fs').readFileSync('${secretFile}','utf8')"`,
      `python3 -c "print(open('${secretFile}').read())"`,
      `perl -e 'print "x"'`,
      `js-exec "1+1"`,
    ]);
    expect(out).not.toContain(SECRET);
    expect(out).toContain("-bash: node: command not found");
  });
});
