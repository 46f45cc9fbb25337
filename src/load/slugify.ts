/** Ukrainian national transliteration (2010), with the Russian letters it lacks. */
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
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

export const MAX_SLUG_LENGTH = 80;

/**
 * A readable ASCII slug for a title: transliterated, lowercase, words joined by "-",
 * at most MAX_SLUG_LENGTH characters (cut at a word boundary where one is near).
 * May be empty when nothing in the title is a letter or digit we can spell in ASCII.
 */
export function slugify(title: string): string {
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
