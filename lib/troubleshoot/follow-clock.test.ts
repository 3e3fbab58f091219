import { describe, expect, it } from "vitest";
import { elapsedSincePoll, FOLLOW_MAX_STEP_MS, forgetPolls, markPolled } from "./follow-clock.ts";

describe("follow clock", () => {
  it("advances by the real time between polls, capped, with a default after a restart", () => {
    forgetPolls("r1");
    expect(elapsedSincePoll("r1", 10_000)).toBe(1000);
    expect(elapsedSincePoll("r1", 11_200)).toBe(1200);
    expect(elapsedSincePoll("r1", 11_200 + 60_000)).toBe(FOLLOW_MAX_STEP_MS);
    markPolled("r1", 100_000);
    expect(elapsedSincePoll("r1", 99_000)).toBe(0);
  });
});
