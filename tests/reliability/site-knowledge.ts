import type { SiteKnowledge } from "./request-generator.ts";

/**
 * Where a crawler starts without a link: the home page, the feeds readers subscribe to, and
 * the files found by convention (robots.txt names the sitemap index, RFC 9309 and sitemaps.org).
 */
const STARTS = ["/", "/rss.xml", "/atom.xml", "/feed.json", "/robots.txt", "/favicon.ico"];
/** Enough for every path of a small site; the fuzz and soak serve articles/. */
const MAX_PATHS = 2_000;

/**
 * Every published path with its current validators, read from the running Worker as a
 * crawler reads it: from the starts, every same-origin URL in a text answer, so the sitemap
 * index leads to its sitemaps and they to every article and list page.
 */
export async function learnSite(origin: string): Promise<SiteKnowledge> {
  const paths = [...STARTS];
  const known = new Set(paths);
  const etags: string[] = [];
  const lastModified: string[] = [];
  // A path ends where the markup or escaping around it begins (slugs are [a-z0-9-]).
  const onSite = new RegExp(`${origin.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(/[^\\s<>"'&\\\\]*)`, "g");
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i] as string;
    const response = await fetch(`${origin}${path}`, { redirect: "manual" });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}; expected 200`);
    etags.push(response.headers.get("etag") ?? '"none"');
    lastModified.push(response.headers.get("last-modified") ?? "");
    if (!/^(text\/|application\/.*(xml|json))/.test(response.headers.get("content-type") ?? "")) continue;
    for (const [, found = "/"] of body.matchAll(onSite)) {
      const link = new URL(found, origin).pathname;
      if (known.has(link) || known.size >= MAX_PATHS) continue;
      known.add(link);
      paths.push(link);
    }
  }
  return { paths, etags, lastModified };
}
