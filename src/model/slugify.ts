import { CYRILLIC_TO_LATIN } from "./legacy-slug.ts";

export const MAX_SLUG_LENGTH = 80;

/**
 * Apostrophes and the letters and marks that stand in for them (’ ʼ ʻ ′ ´ and the like). They
 * sit inside words ("user's", "Kyiv's", Ukrainian "м'ята"), so they are dropped rather than
 * read as a break between words; the Ukrainian transliteration drops them too.
 */
const APOSTROPHES = /['\u2018\u2019\u201b\u2032\u02b9\u02bb\u02bc\u02bd\u00b4\u0060\ua78c\uff07]/g;

/**
 * The readable part of an article's address: its title transliterated, lowercase ASCII, words
 * joined by "-", at most MAX_SLUG_LENGTH characters. A longer title is cut after its last
 * whole word that fits; only a single word longer than the limit is cut inside. May be empty
 * when nothing in the title is a letter or digit we can spell in ASCII.
 */
export function slugify(title: string): string {
  const latin = [...title.toLowerCase()].map((ch) => CYRILLIC_TO_LATIN[ch] ?? ch).join("");
  // Lowercase again after decomposing: compatibility forms such as 𝔘 decompose to capitals.
  // Apostrophes are dropped on both sides of NFKD: ´ decomposes to a space, ＇ to '.
  const ascii = latin
    .replace(APOSTROPHES, "")
    .normalize("NFKD")
    .replace(APOSTROPHES, "")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  const slug = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  // A "-" at index MAX_SLUG_LENGTH or before ends the last whole word that fits.
  const lastBreak = slug.lastIndexOf("-", MAX_SLUG_LENGTH);
  return lastBreak > 0 ? slug.slice(0, lastBreak) : slug.slice(0, MAX_SLUG_LENGTH);
}
