import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";
import { applyMode } from "./index.ts";

describe("chmod", () => {
  it("computes octal and symbolic modes like GNU chmod", () => {
    expect(applyMode("640", 0o600, false)).toBe(0o640);
    expect(applyMode("0755", 0o644, false)).toBe(0o755);
    expect(applyMode("o+w", 0o640, false)).toBe(0o642);
    expect(applyMode("go-rwx", 0o777, false)).toBe(0o700);
    expect(applyMode("u=rw,g=r,o=", 0o777, false)).toBe(0o640);
    expect(applyMode("a+r", 0o600, false)).toBe(0o644);
    expect(applyMode("+x", 0o644, false)).toBe(0o755);
    expect(applyMode("+w", 0o444, false)).toBe(0o644); // the umask (022) keeps group and others
    expect(applyMode("g=u", 0o640, false)).toBe(0o660);
    expect(applyMode("a+X", 0o644, false)).toBe(0o644);
    expect(applyMode("a+X", 0o644, true)).toBe(0o755);
    expect(applyMode("u+s", 0o755, false)).toBe(0o4755);
    expect(applyMode("nonsense", 0o644, false)).toBeNull();
    expect(applyMode("8", 0o644, false)).toBeNull();
  });

  it("needs the owner or root, and words failures as coreutils 9.1 does", async () => {
    const s = baseSession();
    expect(await s.run("chmod 644 /etc/hostname")).toEqual({ stdout: "", stderr: "chmod: changing permissions of '/etc/hostname': Operation not permitted\n", exitCode: 1 });
    expect(await s.run("chmod 644 /nope")).toEqual({ stdout: "", stderr: "chmod: cannot access '/nope': No such file or directory\n", exitCode: 1 });
    expect((await s.run("chmod 644 /root/x")).stderr).toBe("chmod: cannot access '/root/x': Permission denied\n");
    expect((await s.run("chmod xyz /etc/hostname")).stderr).toBe("chmod: invalid mode: 'xyz'\nTry 'chmod --help' for more information.\n");
    expect((await s.run("chmod 644")).stderr).toBe("chmod: missing operand after '644'\nTry 'chmod --help' for more information.\n");
    await s.run("touch /tmp/f");
    expect((await s.run("chmod go-r /tmp/f && stat -c %a /tmp/f")).stdout).toBe("600\n");
    expect((await s.run("sudo chmod 4750 /etc/hostname && stat -c %a /etc/hostname")).stdout).toBe("4750\n");
    await s.run("mkdir -p /tmp/d/e && touch /tmp/d/e/g && chmod -R o-rwx /tmp/d");
    expect((await s.run("stat -c %a /tmp/d/e/g /tmp/d/e")).stdout).toBe("640\n750\n");
  });
});
