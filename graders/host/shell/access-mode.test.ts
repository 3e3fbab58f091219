import { describe, expect, it } from "vitest";
import { baseSession } from "../testkit.ts";

describe("file tests use the caller's credentials", () => {
  it("answers test -r/-w/-x, [ ] and [[ ]] for whoever runs them", async () => {
    const s = baseSession();
    const ask = async (expr: string): Promise<string> => (await s.run(`${expr} && echo yes || echo no`)).stdout;
    expect(await ask("test -r /etc/passwd")).toBe("yes\n");
    expect(await ask("test -w /etc/passwd")).toBe("no\n");
    expect(await ask("[ -w /tmp ]")).toBe("yes\n");
    expect(await ask("[ -x /usr/bin/ls ]")).toBe("yes\n");
    expect(await ask("[[ -r /root ]]")).toBe("no\n");
    await s.run("sudo touch /srv/secret && sudo chmod 600 /srv/secret");
    expect(await ask("[ -r /srv/secret ]")).toBe("no\n");
    expect(await ask("sudo test -r /srv/secret")).toBe("yes\n");
    // The owner keeps the owner bits, even without permission.
    await s.run("touch /tmp/mine && chmod 000 /tmp/mine");
    expect(await ask("[ -r /tmp/mine ]")).toBe("no\n");
    expect((await s.run("stat -c %a /srv/secret /tmp/mine")).stdout).toBe("600\n0\n");
  });

  it("says a file on a read-only mount is not writable, even for root", async () => {
    const s = baseSession();
    await s.run("sudo mount -o remount,ro /");
    expect((await s.run("sudo test -w /etc/hostname && echo yes || echo no")).stdout).toBe("no\n");
    expect((await s.run("test -w /dev/shm && echo yes || echo no")).stdout).toBe("yes\n");
  });
});
