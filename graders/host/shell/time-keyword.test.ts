import { describe, expect, it } from "vitest";
import { baseSession } from "../testkit.ts";
import { timedPipeline } from "./time-keyword.ts";

describe("the time keyword", () => {
  it("reports the simulated time a pipeline took, in bash's format on stderr", async () => {
    const s = baseSession();
    const r = await s.run("time sleep 3");
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/^\nreal\t0m3\.0\d\ds\nuser\t0m0\.\d{3}s\nsys\t0m0\.\d{3}s\n$/);
    const piped = await s.run("time ls / | wc -l");
    expect(piped.stdout).toMatch(/^\d+\n$/);
    expect(piped.stderr).toMatch(/^\nreal\t0m0\.\d{3}s\n/);
  });

  it("leaves lists and time -p to the interpreter", () => {
    expect(timedPipeline("time getent hosts db")).toBe("getent hosts db");
    expect(timedPipeline("time curl -s 'a;b' | grep x")).toBe("curl -s 'a;b' | grep x");
    expect(timedPipeline("time true; echo hi")).toBeNull();
    expect(timedPipeline("time a && b")).toBeNull();
    expect(timedPipeline("time -p ls")).toBeNull();
    expect(timedPipeline("timeout 3 ls")).toBeNull();
  });
});
