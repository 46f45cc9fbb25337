import type { Article, Topic, TopicKind } from "./article.ts";
import type { Site } from "./site.ts";
import { slugify } from "./slugify.ts";

/** The published articles of one tag or author, newest first like every list. */
export interface TopicGroup {
  readonly kind: TopicKind;
  readonly topic: Topic;
  readonly articles: readonly Article[];
}

/** Who wrote an article: its Author: field, or the site's author. */
export function authorOf(site: Site, article: Article): Topic {
  const label = article.author ?? site.author;
  return { label, slug: slugify(label) };
}

/**
 * Whether authors get pages and feeds: only when the site's articles, scheduled ones included,
 * have more than one author. Decided over all of them, so an article's page (rendered once for
 * every publication state) links its author's page in every state it is shown in.
 */
export function hasAuthorPages(site: Site, all: readonly Article[]): boolean {
  const slugs = new Set(all.map((article) => authorOf(site, article).slug));
  return slugs.size > 1;
}

/** What a topic's page and feeds are called: "Ukraine Briefing: Energy". */
export function topicTitle(site: Site, group: TopicGroup): string {
  return `${site.title}: ${group.topic.label}`;
}

export function topicDescription(site: Site, group: TopicGroup): string {
  return group.kind === "tags"
    ? `Articles about ${group.topic.label} from ${site.title}.`
    : `Articles by ${group.topic.label} in ${site.title}.`;
}

/** Every tag used by a published article, by address; none is listed before it is published. */
export function tagGroups(published: readonly Article[]): TopicGroup[] {
  return groupTopics("tags", published, (article) => article.tags ?? []);
}

/** Every author of a published article, when the site has author pages at all. */
export function authorGroups(site: Site, all: readonly Article[], published: readonly Article[]): TopicGroup[] {
  if (!hasAuthorPages(site, all)) return [];
  return groupTopics("authors", published, (article) => [authorOf(site, article)]);
}

/**
 * Groups by slug, so "Energy" and "energy" in two articles are one topic. It is labelled as
 * its oldest article spells it: publishing a newer article never renames a topic.
 */
function groupTopics(kind: TopicKind, newestFirst: readonly Article[], topicsOf: (a: Article) => readonly Topic[]) {
  const groups = new Map<string, { topic: Topic; articles: Article[] }>();
  for (const article of newestFirst) {
    for (const topic of topicsOf(article)) {
      if (topic.slug === "") continue;
      const group = groups.get(topic.slug);
      if (group) {
        group.articles.push(article);
        group.topic = topic;
      } else groups.set(topic.slug, { topic, articles: [article] });
    }
  }
  return [...groups.values()]
    .map(({ topic, articles }) => ({ kind, topic, articles }))
    .sort((a, b) => (a.topic.slug < b.topic.slug ? -1 : 1));
}
