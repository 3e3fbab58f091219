import { describe, expect, it } from "vitest";
import { startScenario } from "../../scenarios/runtime.ts";
import { baseSession } from "../../testkit.ts";

describe("curl", () => {
  it("talks to the app on this host and shows its health turning from 503 to 200", async () => {
    const run = startScenario("disk-full-deleted-log", 3);
    const s = run.session;
    expect(await s.run("curl -s http://localhost:8080/health")).toEqual({
      stdout: '{"status":"unhealthy","error":"write /var/log/app/app.log: no space left on device"}\n',
      stderr: "",
      exitCode: 0,
    });
    expect((await s.run("curl -sf localhost:8080/health")).exitCode).toBe(22);
    expect((await s.run("curl -f localhost:8080/health")).stderr).toBe("curl: (22) The requested URL returned error: 503\n");
    await s.run("sudo systemctl restart app");
    expect((await s.run("curl -s -o /dev/null -w '%{http_code}\\n' http://127.0.0.1:8080/health")).stdout).toBe("200\n");
    expect((await s.run("curl -i localhost:8080/health")).stdout).toMatch(/^HTTP\/1\.1 200 OK\r\nContent-Type: application\/json\r\nContent-Length: 16\r\nDate: Wed, 25 Nov 2026 \d\d:\d\d:\d\d GMT\r\n\r\n\{"status":"ok"\}\n$/);
  });

  it("reports refused connections and unknown names with curl's codes", async () => {
    const s = baseSession();
    expect(await s.run("curl http://localhost:9999/")).toEqual({ stdout: "", stderr: "curl: (7) Failed to connect to localhost port 9999 after 0 ms: Couldn't connect to server\n", exitCode: 7 });
    expect((await s.run("curl -s http://nosuch.example/")).exitCode).toBe(6);
    expect((await s.run("curl -sS http://nosuch.example/")).stderr).toBe("curl: (6) Could not resolve host: nosuch.example\n");
  });
});
