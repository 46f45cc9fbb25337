// FROZEN. The slug algorithm of the publisher's first versions, which put pages at
// /articles/<slug>. Those addresses are still out there (links, bookmarks, readers' caches),
// and the Worker answers each with a 301 to the article's current address. It can only do so
// while this code gives exactly the slugs it gave then: never change it, not even to fix the
// slugs' spelling (that is what slugify.ts is for). docs/urls.md explains the scheme.

/**
 * Ukrainian national transliteration (2010), with the Russian letters it lacks. Frozen with the
 * rest; slugify.ts spells today's slugs with it too, and takes a table of its own if that ever
 * has to change.
 */
export const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: "a",
  б: "b",
  в: "v",
  г: "h",
  ґ: "g",
  д: "d",
  е: "e",
  є: "ie",
  ж: "zh",
  з: "z",
  и: "y",
  і: "i",
  ї: "i",
  й: "i",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ь: "",
  ю: "iu",
  я: "ia",
  ё: "io",
  ы: "y",
  э: "e",
  ъ: "",
};

const MAX_SLUG_LENGTH = 80;

/** Transliterated, lowercase, words joined by "-", at most 80 characters; may be empty. */
function legacySlugify(title: string): string {
  const latin = [...title.toLowerCase()].map((ch) => CYRILLIC_TO_LATIN[ch] ?? ch).join("");
  // Lowercase again after decomposing: compatibility forms such as 𝔘 decompose to capitals.
  const ascii = latin
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  const slug = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  const lastBreak = cut.lastIndexOf("-");
  return (lastBreak > MAX_SLUG_LENGTH / 2 ? cut.slice(0, lastBreak) : cut).replace(/-+$/, "");
}

/**
 * The slug each article had under the first versions, unique across the site. The oldest
 * article keeps the plain slug of a title; the others get their permanent id appended, and
 * an empty slug is replaced by the id alone.
 */
export function assignLegacySlugs(
  articles: readonly { id: string; title: string; epochMs: number }[],
): Map<string, string> {
  const oldestFirst = [...articles].sort((a, b) => a.epochMs - b.epochMs || a.id.localeCompare(b.id));
  const taken = new Set<string>();
  const slugs = new Map<string, string>();
  for (const article of oldestFirst) {
    const base = legacySlugify(article.title);
    let slug = base === "" ? article.id : base;
    if (taken.has(slug)) slug = `${base === "" ? "" : `${base.slice(0, MAX_SLUG_LENGTH - 17)}-`}${article.id}`;
    taken.add(slug);
    slugs.set(article.id, slug);
  }
  return slugs;
}
