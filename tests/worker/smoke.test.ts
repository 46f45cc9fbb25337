import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("smoke", () => {
  it("serves the index", async () => {
    const response = await exports.default.fetch("http://127.0.0.1:8787/");
    expect(response.status).toBe(200);
  });
});
