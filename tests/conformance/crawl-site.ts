import { Random } from "../support/random.ts";
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
  /** Same-origin URLs linked but left out of a sampled level, with the pages that link there. */
  readonly notRequested: ReadonlyMap<string, readonly string[]>;
}

/** Requests as a feed reader, at most: a crawl of a site of 100,000 articles stays bounded. */
const MAX_URLS = 2_000;
const PARALLEL = 6;
/** The sample of a level too large for the budget replays with the same seed. */
const SAMPLE_SEED = 20_261_127;

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
 *
 * A level that does not fit in what is left of MAX_URLS (a sitemap of every article of a large
 * site) is sampled down to half of it, so deeper levels still get requests: in each section of
 * the site alike, the first and the last new link of each page (the edges of each sitemap),
 * then a seeded random choice. What is left out is kept in `notRequested`.
 */
export async function crawlSite(baseUrl: string, seeds: readonly string[]): Promise<Crawl> {
  const origin = new URL(baseUrl).origin;
  const resources = new Map<string, CrawledResource>();
  const linkedFrom = new Map<string, string[]>(seeds.map((seed) => [new URL(seed, baseUrl).href, ["(start)"]]));
  /** New URLs found while visiting the current level, in the order each page links them. */
  const newLinks = new Map<string, string[]>([["(start)", [...linkedFrom.keys()]]]);
  const browserViews: CrawledResource[] = [];
  const external = new Set<string>();
  const unreadable: string[] = [];
  const random = new Random(SAMPLE_SEED);

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
      } else {
        linkedFrom.set(url.href, [from]);
        const found = newLinks.get(from);
        if (found) found.push(url.href);
        else newLinks.set(from, [url.href]);
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

  const notRequested = new Map<string, readonly string[]>();
  while (newLinks.size > 0) {
    const byPage = [...newLinks.values()];
    newLinks.clear();
    const level = byPage.flat();
    const room = MAX_URLS - resources.size;
    const chosen = level.length <= room ? level : sampleLevel(byPage, Math.floor(room / 2), random);
    const requested = new Set(chosen);
    for (const url of level) if (!requested.has(url)) notRequested.set(url, linkedFrom.get(url) ?? []);
    for (let at = 0; at < chosen.length; at += PARALLEL) {
      await Promise.all(chosen.slice(at, at + PARALLEL).map(visit));
    }
  }
  return { resources, browserViews, external, unreadable, notRequested };
}

/**
 * `size` URLs of a level, shared alike among the site's sections (the first segment of the
 * path: so list pages are not drowned by the articles), and in each section every page's
 * first and last new link first, then a random choice.
 */
function sampleLevel(byPage: readonly (readonly string[])[], size: number, random: Random): string[] {
  const edges = new Set(byPage.flatMap((links) => [links[0], links.at(-1)]).filter((url) => url !== undefined));
  const sections = new Map<string, string[]>();
  for (const url of byPage.flat()) {
    const section = new URL(url).pathname.split("/")[1] ?? "";
    const members = sections.get(section);
    if (members) members.push(url);
    else sections.set(section, [url]);
  }
  const chosen: string[] = [];
  // Smallest first: what a small section cannot use goes to the larger ones.
  const bySize = [...sections.values()].sort((a, b) => a.length - b.length);
  for (const [index, members] of bySize.entries()) {
    const share = Math.floor((size - chosen.length) / (bySize.length - index));
    const isEdge = (url: string) => edges.has(url);
    const ordered = [
      ...shuffle(members.filter(isEdge), random),
      ...shuffle(
        members.filter((url) => !isEdge(url)),
        random,
      ),
    ];
    chosen.push(...ordered.slice(0, share));
  }
  return chosen;
}

/** Fisher–Yates with the seeded generator. */
function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
