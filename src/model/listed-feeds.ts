import type { TopicKind } from "./article.ts";
import { type FeedFormat, RSS_FORMAT, topicPath } from "./paths.ts";
import type { Site } from "./site.ts";
import { type TopicGroup, topicDescription, topicTitle } from "./topics.ts";

/** One feed of the site as the feed list (/feeds) and its OPML name it. */
export interface ListedFeed {
  /** Whose feed it is: the whole site's, or a tag's or an author's. */
  readonly kind: "site" | TopicKind;
  /** What a reader calls it once subscribed: the feed's own title ("Ukraine Briefing: Energy"). */
  readonly title: string;
  /** What the list shows under its heading: the site's title, or the topic as written. */
  readonly label: string;
  readonly description: string;
  /** The folder its formats live in (feedPathIn): "" for the site's, "/tags/energy". */
  readonly folder: string;
  /** The page the feed mirrors: "/" or the topic's page. */
  readonly pagePath: string;
}

/**
 * The format a list gives as the address to copy, and the one the OPML subscribes to: RSS 2.0,
 * which every reader reads. The list links the other two beside it.
 */
export const LISTED_FORMAT: FeedFormat = RSS_FORMAT;

/**
 * Every feed of one publication state: the site's first, then each topic's in the order of
 * `groups` (tags, then authors, each by address, as their index pages list them).
 */
export function listedFeeds(site: Site, groups: readonly TopicGroup[]): ListedFeed[] {
  const topics = groups.map((group): ListedFeed => {
    const folder = topicPath(group.kind, group.topic);
    return {
      kind: group.kind,
      title: topicTitle(site, group),
      label: group.topic.label,
      description: topicDescription(site, group),
      folder,
      pagePath: folder,
    };
  });
  const whole: ListedFeed = {
    kind: "site",
    title: site.title,
    label: site.title,
    description: site.description,
    folder: "",
    pagePath: "/",
  };
  return [whole, ...topics];
}
