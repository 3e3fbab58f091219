import { describe, expect, it } from "vitest";
import { joinRequirements, splitRequirements } from "../../components/design/requirements-split.ts";

describe("requirements split", () => {
  it("round-trips the two halves", () => {
    const parts = { functional: "- push metrics\n- query them", nonFunctional: "- 99.9 % available\n- p99 < 2 s" };
    expect(splitRequirements(joinRequirements(parts))).toEqual(parts);
  });

  it("stores nothing for two empty halves and keeps one empty half", () => {
    expect(joinRequirements({ functional: "  ", nonFunctional: "" })).toBe("");
    expect(splitRequirements(joinRequirements({ functional: "", nonFunctional: "- 60 s fresh" }))).toEqual({ functional: "", nonFunctional: "- 60 s fresh" });
  });

  it("keeps text in any other shape whole, in the functional half", () => {
    const md = "**Functional**\n- a\n\n**Non-functional**\n- b";
    expect(splitRequirements(md)).toEqual({ functional: md, nonFunctional: "" });
    const twice = "### Functional\n\nx\n\n### Non-functional\n\ny\n\n### Non-functional\n\nz\n";
    expect(splitRequirements(twice)).toEqual({ functional: twice, nonFunctional: "" });
  });
});
