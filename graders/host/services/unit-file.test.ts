import { describe, expect, it } from "vitest";
import { applyUnitFile, emptyConfig, parseTimespanMs } from "./unit-file.ts";

describe("unit files", () => {
  it("parses RestartSec= time spans as systemd does (a bare number is seconds)", () => {
    expect(parseTimespanMs("5")).toBe(5000);
    expect(parseTimespanMs("100ms")).toBe(100);
    expect(parseTimespanMs("1min 30s")).toBe(90_000);
    expect(parseTimespanMs("2.5s")).toBe(2500);
    expect(parseTimespanMs("soon")).toBeNull();
    const cfg = applyUnitFile(emptyConfig(), "[Service]\nRestart=always\nRestartSec=15\n");
    expect(cfg.restartSecMs).toBe(15_000);
    // A later drop-in wins, as for every other setting.
    expect(applyUnitFile(cfg, "[Service]\nRestartSec=250ms\n").restartSecMs).toBe(250);
  });
});
