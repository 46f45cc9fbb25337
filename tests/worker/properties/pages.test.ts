import { decodeHTML } from "entities";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Article } from "../../../src/model/article.ts";
import { renderArticlePage } from "../../../src/render/pages/article-page.ts";
import { renderIndexPage } from "../../../src/render/pages/index-page.ts";
import { testSite } from "../../support/test-site.ts";
import { buildArticles } from "./build-article.ts";
import { articleFields, hexId, settings } from "./hostile-text.ts";
import { readHtmlStructure } from "./html-structure.ts";

const site = testSite("https://pages.example");
const TIMEOUT_MS = 60_000;

const oneArticle = fc
  .record({ id: hexId, fields: articleFields(80), lineEnd: fc.constantFrom<"\n" | "\r\n">("\n", "\r\n") })
  .map((generated) => buildArticles([generated])[0])
  .filter((article): article is Article => article !== undefined);

/** The same article with harmless text: its page has the markup the template alone makes. */
function plain(article: Article): Article {
  return { ...article, title: "Title", abstract: "Abstract", paragraphs: article.paragraphs.map(() => "Text") };
}

describe("pages of arbitrary articles", () => {
  it(
    "an article page has exactly the elements and attributes of the template, and shows the text as text",
    async () => {
      await fc.assert(
        fc.asyncProperty(oneArticle, async (article) => {
          const page = await readHtmlStructure(renderArticlePage(site, article));
          const template = await readHtmlStructure(renderArticlePage(site, plain(article)));
          expect(page.nodes).toEqual(template.nodes);
          expect(decodeHTML(page.heading)).toBe(article.title);
          const data = JSON.parse(page.structuredData) as { headline: string; description: string };
          expect(data.headline).toBe(article.title);
          expect(data.description).toBe(article.abstract);
        }),
        settings(1500),
      );
    },
    TIMEOUT_MS,
  );

  it(
    "neighbour links keep the template's elements whatever the neighbours' titles, and show them as text",
    async () => {
      const three = fc.uniqueArray(
        fc.record({ id: hexId, fields: articleFields(40), lineEnd: fc.constant<"\n">("\n") }),
        { selector: (g) => g.id, minLength: 3, maxLength: 3 },
      );
      await fc.assert(
        fc.asyncProperty(three, async (generated) => {
          const [article, newer, older] = buildArticles(generated);
          if (!article || !newer || !older) return;
          const page = renderArticlePage(site, article, { newer, older });
          const structure = await readHtmlStructure(page);
          const template = await readHtmlStructure(
            renderArticlePage(site, article, { newer: plain(newer), older: plain(older) }),
          );
          expect(structure.nodes).toEqual(template.nodes);
          const titles = [...page.matchAll(/rel="(?:prev|next)">[^<]*<span dir="auto">([^<]*)<\/span>/g)];
          expect(titles.map((match) => decodeHTML(match[1] ?? ""))).toEqual([newer.title, older.title]);
        }),
        settings(500),
      );
    },
    TIMEOUT_MS,
  );

  it(
    "the index page has exactly the elements and attributes of the template",
    async () => {
      const articles = fc.uniqueArray(
        fc.record({ id: hexId, fields: articleFields(60), lineEnd: fc.constant<"\n">("\n") }),
        { selector: (g) => g.id, minLength: 1, maxLength: 4 },
      );
      await fc.assert(
        fc.asyncProperty(articles, async (generated) => {
          const built = buildArticles(generated);
          const page = await readHtmlStructure(renderIndexPage(site, built));
          const template = await readHtmlStructure(renderIndexPage(site, built.map(plain)));
          expect(page.nodes).toEqual(template.nodes);
        }),
        settings(1000),
      );
    },
    TIMEOUT_MS,
  );
});
