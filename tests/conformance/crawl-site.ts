import { linksInHtml, linksInJson, linksInText, linksInXml } from "./extract-links.ts";
import { BROWSER_ACCEPT, type Fetched, fetchResource } from "./http-client.ts";

export type ContentKind = "html" | "xml" | "json" | "text" | "other";

export interface CrawledResource extends Fetched {
  readonly kind: ContentKind;
  /** The pages and feeds that link here ("(start)" for the seeds). */
  readonly linkedFrom: string[];
  /** Asked for as a browser would (Accept: text/html), not as a feed reader. */
  readonly asBrowser: boolean;
}

export interface Crawl {
  /** Every same-origin URL reached, asked for as a feed reader would. */
  readonly resources: ReadonlyMap<string, CrawledResource>;
  /** The HTML a browser gets for URLs whose feed-reader answer was XML or JSON, if any. */
  readonly browserViews: readonly CrawledResource[];
  /** Links leaving the site: counted, not followed (CI has no internet). */
  readonly external: ReadonlySet<string>;
  /** Bodies whose links could not be read, e.g. malformed XML. */
  readonly unreadable: readonly string[];
}

const MAX_URLS = 2_000;
const PARALLEL = 6;

export function kindOf(contentType: string | null): ContentKind {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "text/html") return "html";
  if (type.endsWith("xml")) return "xml";
  if (type.endsWith("json")) return "json";
  if (type.startsWith("text/")) return "text";
  return "other";
}

function linksIn(resource: Fetched, kind: ContentKind): string[] {
  if (kind === "html") return linksInHtml(resource.text);
  if (kind === "xml") return linksInXml(resource.text);
  if (kind === "json") return linksInJson(JSON.parse(resource.text));
  if (kind === "text") return linksInText(resource.text);
  return [];
}

/**
 * Follows every link from the seeds, breadth first, staying on the site's origin. Feeds
 * and other XML or JSON are also requested with a browser's Accept, so an HTML preview,
 * when the site offers one, is crawled and validated like any other page.
 */
export async function crawlSite(baseUrl: string, seeds: readonly string[]): Promise<Crawl> {
  const origin = new URL(baseUrl).origin;
  const resources = new Map<string, CrawledResource>();
  const linkedFrom = new Map<string, string[]>(seeds.map((seed) => [new URL(seed, baseUrl).href, ["(start)"]]));
  const queue = [...linkedFrom.keys()];
  const browserViews: CrawledResource[] = [];
  const external = new Set<string>();
  const unreadable: string[] = [];

  const follow = (from: string, links: readonly string[]) => {
    for (const link of links) {
      let url: URL;
      try {
        url = new URL(link, from);
      } catch {
        unreadable.push(`${from}: link ${JSON.stringify(link)} is not a URL`);
        continue;
      }
      url.hash = "";
      if (url.protocol !== "http:" && url.protocol !== "https:") continue;
      if (url.origin !== origin) {
        external.add(url.href);
        continue;
      }
      const sources = linkedFrom.get(url.href);
      if (sources) {
        if (!sources.includes(from)) sources.push(from);
      } else if (linkedFrom.size < MAX_URLS) {
        linkedFrom.set(url.href, [from]);
        queue.push(url.href);
      }
    }
  };

  const visit = async (url: string) => {
    const fetched = await fetchResource(url);
    const kind = kindOf(fetched.headers.get("content-type"));
    resources.set(url, { ...fetched, kind, linkedFrom: linkedFrom.get(url) ?? [], asBrowser: false });
    if (fetched.status !== 200) return;
    try {
      follow(url, linksIn(fetched, kind));
    } catch (error) {
      unreadable.push(`${url}: ${(error as Error).message.split("\n")[0]}`);
    }
    if (kind === "xml" || kind === "json") {
      const view = await fetchResource(url, { headers: { accept: BROWSER_ACCEPT } });
      if (kindOf(view.headers.get("content-type")) === "html") {
        browserViews.push({ ...view, kind: "html", linkedFrom: [url], asBrowser: true });
        if (view.status === 200) follow(url, linksInHtml(view.text));
      }
    }
  };

  while (queue.length > 0) {
    await Promise.all(queue.splice(0, PARALLEL).map(visit));
  }
  return { resources, browserViews, external, unreadable };
}
