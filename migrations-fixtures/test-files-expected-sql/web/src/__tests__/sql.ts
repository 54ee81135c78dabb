import { describe, expect, it } from "vitest";
import { buildCount } from "../count";

describe("buildCount", () => {
  it("counts a made-up table", () => {
    expect(buildCount("gadgets")).toBe("SELECT count(*) FROM gadgets");
  });
});
