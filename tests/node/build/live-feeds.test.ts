import { afterAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../../scripts/free-port.ts";
import { builtFeedsAt, feedsChangedOnLiveSite } from "../../../scripts/live-feeds.ts";
import type { SiteManifest } from "../../../src/model/site-manifest.ts";
import { EARLIEST } from "../../../src/model/site-manifest.ts";
import { publishSite } from "../../../src/publish/publish-site.ts";
import { bundleOf, plainArticle } from "../../support/articles.ts";
import { testSite } from "../../support/test-site.ts";
import { type LiveSiteStandIn, startLiveSite } from "./live-site-stand-in.ts";

const site = testSite("https://news.example");
const NOW = Date.UTC(2025, 5, 1);
const SITE_FEEDS = ["/atom.xml", "/feed.json", "/rss.xml"];
/** Every publication state, so NOW may be anywhere; no icons, which no feed test needs. */
const publishInMemory = (bundle: ReturnType<typeof bundleOf>) =>
  publishSite({ site, bundle, icons: new Map(), from: EARLIEST });
const twoArticles = [plainArticle(1, "2025-03-01 10:00:00"), plainArticle(2, "2025-03-02 10:00:00")];
const published = await publishInMemory(bundleOf(twoArticles));
const withThird = await publishInMemory(bundleOf([...twoArticles, plainArticle(3, "2025-04-01 10:00:00")]));
/** One more article, scheduled for 2099: its page is uploaded now, but no feed shows it yet. */
const scheduledEdit = await publishInMemory(
  bundleOf([...twoArticles, plainArticle(4, "2099-01-01 10:00:00", "A later title")]),
);

const sites: LiveSiteStandIn[] = [];
afterAll(() => Promise.all(sites.map((site) => site.close())));

/** The live site serving `build` as it is at NOW. */
async function liveSite(build: Awaited<ReturnType<typeof publishInMemory>>) {
  const site = await startLiveSite(build.manifest, NOW);
  sites.push(site);
  return site;
}

describe("which feeds a deployment changes, asked of the live site", () => {
  it("none when the new build serves every feed with the live bytes, though other files changed", async () => {
    const live = await liveSite(published);
    // The scheduled article adds its page and a later publication state, but changes no feed now.
    expect(scheduledEdit.manifest.states).toHaveLength(published.manifest.states.length + 1);
    for (const build of [published, scheduledEdit]) {
      const feeds = builtFeedsAt(build.manifest, NOW);
      expect(feeds.map((feed) => feed.path).sort()).toEqual(SITE_FEEDS);
      expect(await feedsChangedOnLiveSite(live.origin, feeds, fetch)).toEqual([]);
    }
    // Each asked for the feed itself with the new build's tags, and was answered 304.
    expect(live.seen.map((request) => request.status)).toEqual(Array(6).fill(304));
    for (const request of live.seen) {
      expect(request.accept).toMatch(/^application\/(rss\+xml|atom\+xml|feed\+json)$/);
      expect(request.ifNoneMatch).toMatch(/^"[^"]+"(, "[^"]+")?$/);
    }
  });

  it("every feed whose bytes the new build changes", async () => {
    const live = await liveSite(published);
    const feeds = builtFeedsAt(withThird.manifest, NOW);
    expect(await feedsChangedOnLiveSite(live.origin, feeds, fetch)).toEqual(SITE_FEEDS);
    expect(live.seen.map((request) => request.status)).toEqual(Array(3).fill(200));
  });

  it("every feed when no site answers there yet (a first deployment)", async () => {
    const origin = `http://127.0.0.1:${await findFreePort()}`;
    expect(await feedsChangedOnLiveSite(origin, builtFeedsAt(published.manifest, NOW), fetch)).toEqual(SITE_FEEDS);
  });

  it("takes topic feeds too, with the tags of both codings, and nothing that is not a feed", () => {
    const manifest: SiteManifest = {
      ...published.manifest,
      files: [
        {
          path: "/s/0",
          contentType: "application/atom+xml; charset=utf-8",
          kind: "feed",
          etag: '"a"',
          lastModifiedMs: 0,
          length: 1,
          gzip: { path: "/s/1", etag: '"b"', length: 1 },
        },
        {
          path: "/s/2",
          contentType: "text/html; charset=utf-8",
          kind: "index",
          etag: '"c"',
          lastModifiedMs: 0,
          length: 1,
        },
      ],
      states: [
        {
          from: EARLIEST,
          pageCount: 1,
          completePages: 0,
          routes: { "/tags/energy/atom.xml": 0, "/tags/energy": 1 },
          previews: {},
        },
      ],
    };
    expect(builtFeedsAt(manifest, NOW)).toEqual([
      { path: "/tags/energy/atom.xml", mediaType: "application/atom+xml", etags: ['"a"', '"b"'] },
    ]);
  });
});
