import type { FeedDocument } from "../../model/feed-document.ts";
import { lastUpdate } from "../../model/last-update.ts";
import { feedPathIn, ICON_LARGE, ICON_SMALL, JSON_FEED_FORMAT } from "../../model/paths.ts";
import type { Site } from "../../model/site.ts";
import { toRfc3339 } from "../../model/time.ts";
import { authorOf } from "../../model/topics.ts";
import { renderContentHtml } from "../article-html.ts";
import { absoluteUrl, articleUrl, imageUrl } from "../links.ts";
import { hubOf } from "./feed-paging.ts";
import { jsonFeedNextUrl } from "./json-feed-paging.ts";

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/); `feed` only writes 1.0. */
export interface JsonFeed {
  readonly version: "https://jsonfeed.org/version/1.1";
  readonly title: string;
  readonly home_page_url: string;
  readonly feed_url: string;
  readonly description: string;
  /**
   * "the URL of a feed that provides the next n items": here the next older archive document
   * (src/model/archive-feeds.ts). Never the feed_url or an earlier next_url, as 1.1 requires.
   */
  readonly next_url?: string;
  /** "should be square and relatively large — such as 512 x 512 pixels". */
  readonly icon: string;
  /** "should be square and relatively small, but not smaller than 64 x 64". */
  readonly favicon: string;
  readonly language: string;
  readonly authors: readonly JsonFeedAuthor[];
  /** 1.1: endpoints to subscribe to for real-time notification; here the WebSub hub, if any. */
  readonly hubs?: readonly JsonFeedHub[];
  readonly items: readonly JsonFeedItem[];
}

export interface JsonFeedHub {
  readonly type: "WebSub";
  readonly url: string;
}

export interface JsonFeedAuthor {
  readonly name: string;
}

export interface JsonFeedItem {
  /** 1.1: "id (required, string)"; the file's permanent id, like the RSS guid. */
  readonly id: string;
  readonly url: string;
  /** Plain text, not HTML. */
  readonly title: string;
  /** Plain text, not HTML. */
  readonly summary: string;
  readonly content_html: string;
  /** "the URL of the main image for the item", absolute. */
  readonly image?: string;
  /** RFC 3339 with the site's offset. */
  readonly date_published: string;
  /** When it was corrected, RFC 3339; only for an article that says so. */
  readonly date_modified?: string;
  readonly authors: readonly JsonFeedAuthor[];
  /** The article's topics as written; absent when it has none. */
  readonly tags?: readonly string[];
  readonly language: string;
}

export function toJsonFeed(site: Site, document: FeedDocument): JsonFeed {
  const authors = [{ name: site.author }];
  const hub = hubOf(site, document);
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: document.title,
    home_page_url: absoluteUrl(site, document.pagePath),
    feed_url: absoluteUrl(site, feedPathIn(document.folder, JSON_FEED_FORMAT)),
    description: document.description,
    ...jsonFeedNextUrl(site, document),
    icon: absoluteUrl(site, ICON_LARGE.path),
    favicon: absoluteUrl(site, ICON_SMALL.path),
    language: site.language,
    authors,
    // W3C WebSub §4 for JSON: the hub here, and feed_url above as the topic (rel="self").
    ...(hub === undefined ? {} : { hubs: [{ type: "WebSub", url: hub }] }),
    items: document.entries.map((article) => ({
      id: article.id,
      url: articleUrl(site, article),
      title: article.title,
      summary: article.abstract,
      content_html: renderContentHtml(site, article),
      ...(article.image ? { image: imageUrl(site, article.image) } : {}),
      date_published: toRfc3339(article.published),
      ...(article.updated === undefined ? {} : { date_modified: toRfc3339(lastUpdate(article)) }),
      authors: [{ name: authorOf(site, article).label }],
      ...(article.tags?.length ? { tags: article.tags.map((tag) => tag.label) } : {}),
      language: site.language,
    })),
  };
}

export function renderJsonFeed(site: Site, document: FeedDocument): string {
  return `${JSON.stringify(toJsonFeed(site, document), null, 2)}\n`;
}
