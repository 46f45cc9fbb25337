import type { Article, ArticleBundle } from "../model/article.ts";
import type { Site } from "../model/site.ts";
import { hasAuthorPages } from "../model/topics.ts";
import type { AssetStore } from "./asset-store.ts";
import { ModifiedTimes } from "./modified-times.ts";
import type { TopicCache } from "./topic-cache.ts";

/**
 * What every part of a site's publication reads (src/publish/publish-site.ts), made once and
 * passed whole: the site, every article, when requests begin, the bodies' dates, the store of
 * whole files, and what one publication state renders that later ones reuse.
 */
export interface PublishContext {
  readonly site: Site;
  /** Every article, newest first, scheduled ones included. */
  readonly all: readonly Article[];
  /** No request is answered earlier than this instant (PublishInput.from). */
  readonly from: number;
  readonly times: ModifiedTimes;
  readonly store: AssetStore;
  /** Whether authors have pages and feeds: the articles have more than one (src/model/topics.ts). */
  readonly hasAuthorPages: boolean;
  /** Topics a state has rendered, which a later state with the same articles reuses. */
  readonly topicCache: TopicCache;
  /**
   * The file of each article sitemap that is full, by part number: a full part reads the same
   * in every later state, so it is rendered once.
   */
  readonly fullSitemapParts: Map<number, number>;
}

export function createPublishContext(
  site: Site,
  bundle: ArticleBundle,
  from: number,
  store: AssetStore,
): PublishContext {
  const all = bundle.articles;
  return {
    site,
    all,
    from,
    times: new ModifiedTimes(site, bundle),
    store,
    hasAuthorPages: hasAuthorPages(site, all),
    topicCache: new Map(),
    fullSitemapParts: new Map(),
  };
}
