import { describe, expect, it } from "vitest";
import { createFile, mkdir } from "../state/fs.ts";
import { baseSession } from "../testkit.ts";
import { GOLDEN_FILES } from "./cases.ts";
import recorded from "./text-tools.json" with { type: "json" };

/**
 * Replays the lines recorded on a real Debian 12 box (scripts/golden/record.ts)
 * in the simulated shell, in a directory with the same files, and expects the
 * same bytes: what a candidate's pipelines print must not give the host away.
 */

const DIR = "/home/admin/golden";
const ADMIN = { uid: 1000, gid: 1000, groups: [1000] };

async function goldenSession() {
  const s = baseSession();
  mkdir(s.host.state, ADMIN, DIR, { uid: 1000, gid: 1000 });
  for (const [name, text] of Object.entries(GOLDEN_FILES)) createFile(s.host.state, ADMIN, `${DIR}/${name}`, text, { uid: 1000, gid: 1000, mode: 0o644 });
  await s.run(`cd ${DIR}`);
  return s;
}

describe("text tools against outputs recorded on Debian 12", () => {
  it("recorded every case line", async () => {
    const { GOLDEN_LINES } = await import("./cases.ts");
    expect(recorded.records.map((r) => r.line)).toEqual(GOLDEN_LINES);
  });

  it.each(recorded.records.map((r) => [r.line, r] as const))("%s", async (line, want) => {
    const s = await goldenSession();
    const got = await s.run(line);
    expect({ stdout: got.stdout, stderr: got.stderr, exitCode: got.exitCode }).toEqual({ stdout: want.stdout, stderr: want.stderr, exitCode: want.exitCode });
  });
});
