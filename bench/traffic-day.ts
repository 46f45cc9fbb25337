// The stated day of a news site (docs/performance.md): who asks the site for what, and when, as a list of
// requests. Pure: the site's addresses come in, a seeded generator picks, no clock and no I/O.
// bench/measure-traffic-day.ts replays it against wrangler dev's real routing.
import { articleSitemapPath, PAGES_SITEMAP_PATH, ROBOTS_PATH, SITEMAP_PATH } from "../src/model/paths.ts";
import { createRandom } from "./news-text.ts";

const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** What the replay needs to know of the built site. */
export interface SiteFacts {
  /** Published articles, newest first: the canonical path, and the image's path when it has one served. */
  readonly articles: readonly { readonly id: string; readonly path: string; readonly image?: string }[];
  /** Archive pages /page/1 … /page/pageCount. */
  readonly pageCount: number;
  /** Article sitemaps /sitemaps/articles-1.xml … */
  readonly sitemapParts: number;
}

/**
 * How a request revalidates: "current" sends the ETag and Last-Modified this client got the
 * last time (the replay fetches them first, uncounted), "stale" sends yesterday's, which no
 * longer match.
 */
export type Validators = "current" | "stale";

export interface DayRequest {
  readonly cls: ClassName;
  /** Milliseconds after 00:00 UTC. */
  readonly atMs: number;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly validators?: Validators;
  /** The statuses a correct site may answer. */
  readonly expect: readonly number[];
}

export const CLASS_NAMES = [
  "feed readers",
  "page views",
  "page views' icons",
  "image loads",
  "crawlers",
  "scanners' probes",
  "spike: the article",
  "spike: its image",
  "spike: icons",
] as const;
export type ClassName = (typeof CLASS_NAMES)[number];

/** The day's numbers, stated once: the report prints them from here. */
export const DAY = {
  feedReaders: 1_000,
  /** RSS, Atom, JSON Feed. */
  feedShares: [0.6, 0.25, 0.15],
  /** Readers that send If-None-Match and If-Modified-Since; the rest send neither. */
  conditionalReaders: 0.85,
  pageViews: 20_000,
  /** Of page views: the home page, an archive page; the rest are article pages. */
  homeShare: 0.25,
  archiveShare: 0.1,
  /** Zipf exponent over recency rank, for articles and archive pages alike. */
  zipf: 1,
  /** Views by a visitor with nothing cached, who loads the page's icon (/favicon.svg). */
  newVisitorShare: 0.4,
  imageLoads: 5_000,
  crawlerRobots: 72,
  crawlerSitemapIndex: 24,
  /** Each sitemap (the pages one and every article part) fetched this many times. */
  crawlerSitemapFetches: 3,
  crawlerArticles: 6_000,
  /** Of the crawlers' article fetches: revalidations with what they got before. */
  crawlerConditional: 0.3,
  crawlerArchivePages: 500,
  /** /articles/<id>: an old link form that redirects to the canonical address. */
  crawlerIdAddresses: 300,
  probes: 300,
  spikeViews: 50_000,
  /** The spike starts at 12:00 UTC and halves every hour. */
  spikeStartMs: 12 * HOUR_MS,
  spikeHalfLifeMs: HOUR_MS,
  spikeNewVisitorShare: 0.9,
} as const;

/** What vulnerability scanners ask every site for. */
const PROBE_PATHS = [
  "/wp-login.php",
  "/wp-admin/",
  "/xmlrpc.php",
  "/.env",
  "/.git/config",
  "/admin.php",
  "/phpmyadmin/",
  "/wp-content/plugins/",
  "/config.json",
  "/backup.zip",
  "/server-status",
  "/.well-known/security.txt",
];

const BROWSER = {
  Accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "Accept-Encoding": "gzip, deflate, br",
};
const IMAGE = {
  Accept: "image/avif,image/webp,image/png,image/*;q=0.8,*/*;q=0.5",
  "Accept-Encoding": "gzip, deflate, br",
};
const CRAWLER = { Accept: "*/*", "Accept-Encoding": "gzip, deflate, br" };
const FEEDS = [
  { path: "/rss.xml", accept: "application/rss+xml, application/xml;q=0.9, */*;q=0.8" },
  { path: "/atom.xml", accept: "application/atom+xml, application/xml;q=0.9, */*;q=0.8" },
  { path: "/feed.json", accept: "application/feed+json, application/json;q=0.9, */*;q=0.8" },
] as const;

/** Draws 1..n with probability ∝ 1/rank^s. */
function zipf(n: number, s: number, random: () => number): () => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (let rank = 1; rank <= n; rank++) {
    sum += 1 / rank ** s;
    cumulative.push(sum);
  }
  return () => {
    const target = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}

/** A time of day for a reader's visit: more in the European afternoon, fewest at night (1 ± 0.6). */
function diurnal(random: () => number): number {
  for (;;) {
    const at = random() * DAY_MS;
    const weight = 1 + 0.6 * Math.sin((2 * Math.PI * (at - 8 * HOUR_MS)) / DAY_MS);
    if (random() * 1.6 < weight) return at;
  }
}

function pickOne<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** The day's requests, in no particular order; the same site always gives the same day. */
export function planDay(site: SiteFacts): DayRequest[] {
  const random = createRandom(0x19_da7);
  const out: DayRequest[] = [];
  const add = (request: DayRequest) => out.push(request);
  const newest = site.articles[0];
  if (!newest?.image) throw new Error("the newest article has no image; the spike loads one");
  const illustrated = site.articles.filter((a) => a.image !== undefined);

  // Feed readers poll each hour at their own minute; a reader that revalidates sends yesterday's
  // validators first (the feed changed overnight), then what that 200 gave it.
  for (let reader = 0; reader < DAY.feedReaders; reader++) {
    const draw = random();
    const feed =
      draw < DAY.feedShares[0] ? FEEDS[0] : draw < DAY.feedShares[0] + DAY.feedShares[1] ? FEEDS[1] : FEEDS[2];
    const conditional = random() < DAY.conditionalReaders;
    const offset = random() * HOUR_MS;
    for (let hour = 0; hour < 24; hour++) {
      const headers = { Accept: feed.accept, "Accept-Encoding": "gzip, deflate" };
      const validators: Validators | undefined = conditional ? (hour === 0 ? "stale" : "current") : undefined;
      const expect = validators === "current" ? [304] : [200];
      add({ cls: "feed readers", atMs: hour * HOUR_MS + offset, path: feed.path, headers, validators, expect });
    }
  }

  const articleRank = zipf(site.articles.length, DAY.zipf, random);
  // /page/<last> holds only what / shows, so readers go from / to /page/<last-1> and older.
  const olderPages = Math.max(1, site.pageCount - 1);
  const pageRank = zipf(olderPages, DAY.zipf, random);
  for (let view = 0; view < DAY.pageViews; view++) {
    const atMs = diurnal(random);
    const draw = random();
    const path =
      draw < DAY.homeShare
        ? "/"
        : draw < DAY.homeShare + DAY.archiveShare
          ? `/page/${olderPages + 1 - pageRank()}`
          : (site.articles[articleRank() - 1]?.path ?? "/");
    add({ cls: "page views", atMs, path, headers: BROWSER, expect: [200] });
    if (random() < DAY.newVisitorShare) {
      add({ cls: "page views' icons", atMs: atMs + 200, path: "/favicon.svg", headers: IMAGE, expect: [200] });
    }
  }

  const imageRank = zipf(illustrated.length, DAY.zipf, random);
  for (let load = 0; load < DAY.imageLoads; load++) {
    const image = illustrated[imageRank() - 1]?.image ?? newest.image;
    add({ cls: "image loads", atMs: diurnal(random), path: image, headers: IMAGE, expect: [200] });
  }

  const crawl = (path: string, expect: readonly number[], validators?: Validators) =>
    add({ cls: "crawlers", atMs: random() * DAY_MS, path, headers: CRAWLER, validators, expect });
  for (let i = 0; i < DAY.crawlerRobots; i++) crawl(ROBOTS_PATH, [200]);
  for (let i = 0; i < DAY.crawlerSitemapIndex; i++) crawl(SITEMAP_PATH, [304], "current");
  const sitemaps = [
    PAGES_SITEMAP_PATH,
    ...Array.from({ length: site.sitemapParts }, (_, k) => articleSitemapPath(k + 1)),
  ];
  for (const path of sitemaps) for (let i = 0; i < DAY.crawlerSitemapFetches; i++) crawl(path, [304], "current");
  for (let i = 0; i < DAY.crawlerArticles; i++) {
    const article = pickOne(site.articles, random);
    if (random() < DAY.crawlerConditional) crawl(article.path, [304], "current");
    else crawl(article.path, [200]);
  }
  for (let i = 0; i < DAY.crawlerArchivePages; i++) crawl(`/page/${1 + Math.floor(random() * site.pageCount)}`, [200]);
  for (let i = 0; i < DAY.crawlerIdAddresses; i++) crawl(`/articles/${pickOne(site.articles, random).id}`, [301]);
  for (let i = 0; i < DAY.probes; i++) {
    add({
      cls: "scanners' probes",
      atMs: random() * DAY_MS,
      path: pickOne(PROBE_PATHS, random),
      headers: CRAWLER,
      expect: [404],
    });
  }

  // The spike: a link to the newest article shared widely at 12:00, read less by the hour.
  const rate = Math.LN2 / DAY.spikeHalfLifeMs;
  for (let view = 0; view < DAY.spikeViews; view++) {
    let atMs: number;
    do atMs = DAY.spikeStartMs - Math.log(1 - random()) / rate;
    while (atMs >= DAY_MS);
    add({ cls: "spike: the article", atMs, path: newest.path, headers: BROWSER, expect: [200] });
    add({ cls: "spike: its image", atMs: atMs + 150, path: newest.image, headers: IMAGE, expect: [200] });
    if (random() < DAY.spikeNewVisitorShare) {
      add({ cls: "spike: icons", atMs: atMs + 200, path: "/favicon.svg", headers: IMAGE, expect: [200] });
    }
  }
  return out.map((r) => ({ ...r, atMs: Math.min(r.atMs, DAY_MS - 1) }));
}

/**
 * Every `every`th request of each class in time order, the first included: a uniform sample in
 * which each replayed request stands for `requests / replayed` of its class.
 */
export function sampleDay(day: readonly DayRequest[], every: number): DayRequest[] {
  const byClass = Map.groupBy(day, (r) => r.cls);
  const sampled = [...byClass.values()].flatMap((requests) =>
    requests.toSorted((a, b) => a.atMs - b.atMs).filter((_, index) => index % every === 0),
  );
  return sampled.toSorted((a, b) => a.atMs - b.atMs);
}

const percent = (share: number) => `${Math.round(share * 100)} %`;
const count = (n: number) => n.toLocaleString("en-US");
const clock = (ms: number) => `${String(Math.floor(ms / HOUR_MS)).padStart(2, "0")}:00 UTC`;

/** The day in words, from the numbers planDay uses, for the report. */
export function describeDay(): string[] {
  const [rss = 0, atom = 0, json = 0] = DAY.feedShares;
  return [
    `feed readers: ${count(DAY.feedReaders)} readers, each polling one feed hourly at its own minute (RSS ${percent(rss)}, Atom ${percent(atom)}, JSON Feed ${percent(json)}); ${percent(DAY.conditionalReaders)} send If-None-Match and If-Modified-Since, yesterday's on the first poll (a 200), then the last answer's (304s); the rest send neither`,
    `page views: ${count(DAY.pageViews)} by browsers over the day (most in the afternoon UTC): / ${percent(DAY.homeShare)}, archive pages ${percent(DAY.archiveShare)} (Zipf over the newest), article pages the rest, Zipf (s = ${DAY.zipf}) over recency rank across the whole archive`,
    `page views' icons: /favicon.svg (what every page links) for the ${percent(DAY.newVisitorShare)} of views by a visitor with nothing cached`,
    `image loads: ${count(DAY.imageLoads)} article pictures (/media/…), Zipf over the illustrated articles`,
    `crawlers: /robots.txt ×${DAY.crawlerRobots}; /sitemap.xml ×${DAY.crawlerSitemapIndex} and every sitemap ×${DAY.crawlerSitemapFetches}, revalidated (304); ${count(DAY.crawlerArticles)} article pages uniform over the whole archive, the oldest included, ${percent(DAY.crawlerConditional)} revalidated; ${DAY.crawlerArchivePages} archive pages; ${DAY.crawlerIdAddresses} old /articles/<id> links (301)`,
    `scanners' probes: ${DAY.probes} requests for /wp-login.php, /.env and the like (404)`,
    `spike: ${count(DAY.spikeViews)} views of the newest article from ${clock(DAY.spikeStartMs)}, halving every ${DAY.spikeHalfLifeMs / HOUR_MS} h, each loading its picture, and /favicon.svg for the ${percent(DAY.spikeNewVisitorShare)} who are new`,
  ];
}
