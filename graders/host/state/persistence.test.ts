import { describe, expect, it } from "vitest";
import { Host } from "./host.ts";
import { Session } from "../shell/session.ts";
import { startScenario } from "../scenarios/runtime.ts";

const SCRIPT = [
  "df -h /", "sudo lsof +L1", "ps aux", "cd /var/log/app; ls -l", "journalctl -u app -n 5",
  "sudo systemctl restart app", "echo note > /tmp/notes; X=$(pgrep app-server)", "top -bn1 | head -8", "curl -s localhost:8080/health",
];

async function transcript(session: Session, lines: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const line of lines) {
    const r = await session.run(line);
    out.push(`${r.exitCode}|${r.stdout}|${r.stderr}`);
  }
  return out;
}

describe("host state persistence and determinism", () => {
  it("the same seed and the same commands give the same transcript", async () => {
    const a = await transcript(startScenario("disk-full-deleted-log", 77).session, SCRIPT);
    const b = await transcript(startScenario("disk-full-deleted-log", 77).session, SCRIPT);
    expect(a).toEqual(b);
  });

  it("a host saved mid-run and restored continues exactly as the original does", async () => {
    const original = startScenario("disk-full-deleted-log", 78).session;
    await transcript(original, SCRIPT.slice(0, 4));
    const hostJson = original.host.serialize();
    const sessionJson = JSON.stringify(original.state);
    expect(hostJson.length + sessionJson.length).toBeLessThan(1_000_000);
    const restored = Session.restore(hostJson, JSON.parse(sessionJson));
    expect(restored.host.serialize()).toBe(hostJson);
    // Same clock, same random sequence, same processes: both sides print the same from here on.
    const rest = SCRIPT.slice(4);
    expect(await transcript(restored, rest)).toEqual(await transcript(original, rest));
    expect(restored.host.serialize()).toBe(original.host.serialize());
  });

  it("refuses state from an unknown version instead of misreading it", () => {
    const json = startScenario("disk-full-deleted-log", 1).session.host.serialize().replace('"version":1', '"version":2');
    expect(() => Host.restore(json)).toThrow(/unsupported host state version 2/);
  });
});
