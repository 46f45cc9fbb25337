import type { SiteKnowledge } from "./request-generator.ts";

/** Every published path with its current validators, read from the running Worker. */
export async function learnSite(origin: string): Promise<SiteKnowledge> {
  const feed = (await (await fetch(`${origin}/feed.json`)).json()) as { items: { url: string }[] };
  const paths = ["/", "/rss.xml", "/atom.xml", "/feed.json", ...feed.items.map((i) => new URL(i.url).pathname)];
  const etags: string[] = [];
  const lastModified: string[] = [];
  for (const path of paths) {
    const response = await fetch(`${origin}${path}`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}; expected 200`);
    etags.push(response.headers.get("etag") ?? '"none"');
    lastModified.push(response.headers.get("last-modified") ?? "");
  }
  return { paths, etags, lastModified };
}
