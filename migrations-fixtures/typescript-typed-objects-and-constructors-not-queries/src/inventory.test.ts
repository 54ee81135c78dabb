import { describe, expect, it, vi } from "vitest";
import { db, lowStock, restock } from "./inventory";

describe("lowStock", () => {
  it("lists the widgets below the limit", async () => {
    await db.none("DELETE FROM widgets");
    await db.none("INSERT INTO widgets (sku, stock) VALUES ('W-1', 2), ('W-2', 9)");
    // expect.any(String) is a matcher: `any` with a constructor, not a query.
    expect(await lowStock(5)).toEqual([{ id: expect.any(String), sku: "W-1" }]);
  });
});

describe("restock", () => {
  it("hands the step the sku", async () => {
    const step = { execute: vi.fn().mockResolvedValue({ ok: true }) };
    await restock(step, "W-1");
    expect(step.execute).toHaveBeenCalledWith({ sku: "W-1", reason: "restock" });
  });
});
