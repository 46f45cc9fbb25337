import { describe, expect, it } from "vitest";
import { trackRevisions } from "../../scripts/track-revisions.ts";

const T1 = Date.UTC(2025, 0, 1);
const T2 = Date.UTC(2025, 0, 2);

describe("revisions remembered between builds", () => {
  const first = trackRevisions(
    undefined,
    "templates-a",
    new Map([
      ["a", "h1"],
      ["b", "h2"],
    ]),
    T1,
  );

  it("dates everything at the first build", () => {
    expect(first).toEqual({
      templateHash: "templates-a",
      templateRevisedAt: T1,
      articles: { a: { hash: "h1", revisedAt: T1 }, b: { hash: "h2", revisedAt: T1 } },
    });
  });

  it("keeps the old instant for what did not change and moves only what did", () => {
    const second = trackRevisions(
      first,
      "templates-a",
      new Map([
        ["a", "h1"],
        ["b", "h2-edited"],
        ["c", "h3"],
      ]),
      T2,
    );
    expect(second.templateRevisedAt).toBe(T1);
    expect(second.articles).toEqual({
      a: { hash: "h1", revisedAt: T1 },
      b: { hash: "h2-edited", revisedAt: T2 },
      c: { hash: "h3", revisedAt: T2 },
    });
  });

  it("moves the template instant when the renderers change", () => {
    expect(trackRevisions(first, "templates-b", new Map([["a", "h1"]]), T2).templateRevisedAt).toBe(T2);
  });
});
