import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";

/** Expected lines are file 5.44's on Debian 12 for the same kinds of files. */
describe("file", () => {
  it("describes binaries, directories, links and devices, aligned like file 5.44", async () => {
    const s = baseSession();
    const out = (await s.run("file /usr/bin/ls /usr/bin/sudo /etc /usr/bin/awk /dev/null nope /var/log/journal")).stdout.split("\n");
    expect(out[0]).toMatch(/^\/usr\/bin\/ls:      ELF 64-bit LSB pie executable, x86-64, version 1 \(SYSV\), dynamically linked, interpreter \/lib64\/ld-linux-x86-64\.so\.2, BuildID\[sha1\]=[0-9a-f]{40}, for GNU\/Linux 3\.2\.0, stripped$/);
    expect(out[1]).toMatch(/^\/usr\/bin\/sudo:    setuid ELF 64-bit LSB pie executable/);
    expect(out.slice(2)).toEqual([
      "/etc:             directory",
      "/usr/bin/awk:     symbolic link to /etc/alternatives/awk",
      "/dev/null:        character special (1/3)",
      "nope:             cannot open `nope' (No such file or directory)",
      "/var/log/journal: setgid, directory",
      "",
    ]);
  });

  it("tells scripts, line terminators, JSON and unreadable files apart", async () => {
    const s = baseSession();
    await s.run("cd /tmp && printf '#!/bin/bash\\necho\\n' > s.sh && printf '#!/usr/bin/env python3\\n' > py && printf 'a\\r\\nb\\r\\n' > crlf && printf 'noeol' > ne && printf '{\"a\": 1}\\n' > j.json && : > empty");
    expect((await s.run("file s.sh py crlf ne j.json empty")).stdout).toBe(
      "s.sh:   Bourne-Again shell script, ASCII text executable\n" +
      "py:     Python script, ASCII text executable\n" +
      "crlf:   ASCII text, with CRLF line terminators\n" +
      "ne:     ASCII text, with no line terminators\n" +
      "j.json: JSON text data\n" +
      "empty:  empty\n",
    );
    expect((await s.run("file /etc/shadow")).stdout).toBe("/etc/shadow: regular file, no read permission\n");
    expect((await s.run("file -b /etc/hostname")).stdout).toBe("ASCII text\n");
    expect((await s.run("ln -s /nowhere /tmp/broken; file /tmp/broken")).stdout).toBe("/tmp/broken: broken symbolic link to /nowhere\n");
  });
});
