/** A page the browser tests visit, named as its screenshots are. */
export interface SitePage {
  readonly name: string;
  readonly path: string;
  readonly status: number;
}

interface JsonFeedItem {
  readonly id: string;
  readonly url: string;
  readonly title: string;
}

/** The hand-written fixtures of tests/browser/fixtures/, by file id. */
export const IDS = {
  /** No header fields: a title, a date, an abstract and a few long paragraphs, as most articles are. */
  plain: "91a1000000000005",
  script: "5c71b7e0a11e7000",
  rightToLeft: "b1d1a0000000000a",
  longWords: "10c0ffee00000000",
  /** Tags, an author, a correction and an image of its own (media/substation.png). */
  image: "1a9e000000000001",
  /** Tags and an author with &, <, quotes and Arabic, and an image on another site. */
  remoteImage: "a11ce00000000002",
} as const;

/** The first link with `rel` on the page at `path`, as a site path. */
async function linkWithRel(baseUrl: string, path: string, rel: string): Promise<string> {
  const html = await (await fetch(`${baseUrl}${path}`)).text();
  const tag = [...html.matchAll(/<a\b[^>]*>/g)].map((match) => match[0]).find((a) => a.includes(` rel="${rel}"`));
  const href = tag && /\shref="([^"]*)"/.exec(tag)?.[1];
  if (!href) throw new Error(`tests/browser: ${path} has no <a rel="${rel}">; are topic pages built?`);
  return new URL(href.replaceAll("&amp;", "&"), baseUrl).pathname;
}

/**
 * Finds the article pages through the JSON Feed, and a topic's and an author's page through an
 * article page's rel="tag" and rel="author" links, so no test hard-codes a slug.
 */
export async function discoverPages(baseUrl: string): Promise<{ pages: SitePage[]; titles: Record<string, string> }> {
  const feed = (await (await fetch(`${baseUrl}/feed.json`)).json()) as { items: JsonFeedItem[] };
  const item = (id: string): JsonFeedItem => {
    const found = feed.items.find((entry) => entry.id === id);
    if (!found) throw new Error(`tests/browser: article ${id} is not in ${baseUrl}/feed.json; is the corpus built?`);
    return found;
  };
  const path = (id: string) => new URL(item(id).url).pathname;
  const withImage = path(IDS.image);
  return {
    pages: [
      { name: "index", path: "/", status: 200 },
      { name: "page-2", path: "/page/2", status: 200 },
      { name: "page-3", path: "/page/3", status: 200 },
      { name: "article", path: path(IDS.plain), status: 200 },
      { name: "article-rtl", path: path(IDS.rightToLeft), status: 200 },
      { name: "article-long-words", path: path(IDS.longWords), status: 200 },
      { name: "article-script", path: path(IDS.script), status: 200 },
      { name: "article-image", path: withImage, status: 200 },
      { name: "article-remote-image", path: path(IDS.remoteImage), status: 200 },
      { name: "tags", path: "/tags", status: 200 },
      { name: "tag", path: await linkWithRel(baseUrl, withImage, "tag"), status: 200 },
      { name: "author", path: await linkWithRel(baseUrl, withImage, "author"), status: 200 },
      { name: "author-hostile", path: await linkWithRel(baseUrl, path(IDS.remoteImage), "author"), status: 200 },
      { name: "feeds", path: "/feeds", status: 200 },
      { name: "feed-rss", path: "/rss.xml", status: 200 },
      { name: "feed-atom", path: "/atom.xml", status: 200 },
      { name: "feed-json", path: "/feed.json", status: 200 },
      { name: "not-found", path: "/no-such-page", status: 404 },
    ],
    titles: Object.fromEntries(Object.entries(IDS).map(([key, id]) => [key, item(id).title])),
  };
}
