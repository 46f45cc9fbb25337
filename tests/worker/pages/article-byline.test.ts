import { describe, expect, it } from "vitest";
import type { Site } from "../../../src/model/site.ts";
import { renderArticlePage } from "../../../src/render/pages/article-page.ts";
import { renderIndexPage } from "../../../src/render/pages/index-page.ts";
import { loadSources, plainArticle } from "../../support/articles.ts";
import { tagsOf } from "./page-fixtures.ts";

const kyiv: Site = {
  title: "Kyiv Desk",
  description: "News from Kyiv.",
  baseUrl: "https://kyiv.example",
  language: "en",
  author: "Olena Kovalenko",
  timeZone: "Europe/Kyiv",
  itemsPerFeed: 10,
  tagAuthority: "kyiv.example,2026",
};
const india: Site = { ...kyiv, timeZone: "Asia/Kolkata" };

/** One article dated `date` on the wall clock of `site`'s zone. */
function articleIn(site: Site, date: string) {
  const [article] = loadSources([plainArticle(1, date)], site.timeZone).articles;
  if (!article) throw new Error("the fixture article did not load");
  return article;
}
const summer = articleIn(kyiv, "2026-04-07 21:30:00");
const winter = articleIn(kyiv, "2026-01-07 21:30:00");
const kolkata = articleIn(india, "2026-01-07 21:30:00");

async function timesOn(html: string): Promise<string[]> {
  return (await tagsOf(html)).filter((e) => e.name === "time").map((e) => e.text);
}

describe("a human-readable time", () => {
  it("names the offset it was read in, so a reader elsewhere knows which 21:30 it was", async () => {
    expect(await timesOn(renderArticlePage(kyiv, summer))).toEqual(["April 7, 2026 at 21:30 UTC+3"]);
    expect(await timesOn(renderArticlePage(kyiv, winter))).toEqual(["January 7, 2026 at 21:30 UTC+2"]);
    expect(await timesOn(renderArticlePage(india, kolkata))).toEqual(["January 7, 2026 at 21:30 UTC+5:30"]);
  });

  it("names it on the index too", async () => {
    expect(await timesOn(renderIndexPage(kyiv, [summer]))).toEqual(["April 7, 2026 at 21:30 UTC+3"]);
  });
});

describe("the article page", () => {
  it("shows who wrote it", async () => {
    const author = (await tagsOf(renderArticlePage(kyiv, summer))).find((e) => e.attributes.get("class") === "author");
    expect(author?.text).toBe("Olena Kovalenko");
  });
});
