import type { SitemapEntry } from "../render/site-files/sitemap.ts";
import type { PathFiles } from "./path-files.ts";

/** What one publication state serves for its topics, to add to the state's own. */
export interface PublishedTopics extends PathFiles {
  /** How many list pages each topic has, by folder: the last is a route, the others in shards. */
  readonly topicPages: Record<string, number>;
  /** The topic pages, for the sitemap. */
  readonly pages: SitemapEntry[];
}

/**
 * A topic's files, by its path and article count: publishing only ever adds a newer article, so
 * a topic with as many articles as in an earlier state is unchanged and is not rendered again.
 */
export type TopicCache = Map<string, PublishedTopics>;
