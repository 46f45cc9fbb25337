// The article format written out: what `npm run new` writes, and what the tests and the
// benchmark write for their corpora, so all of them write the layout docs/article-format.md gives.

export interface ArticleParts {
  readonly title: string;
  /** As written on the date line: "YYYY-MM-DD HH:MM:SS", the site's wall clock. */
  readonly date: string;
  /** Header field lines ("Tags: Energy, Kyiv"), between the date line and the abstract. */
  readonly fields?: readonly string[];
  readonly abstract: string;
  /** Each paragraph's text; a paragraph may hold line breaks. */
  readonly paragraphs: readonly string[];
}

/** An article file's text, every line ended with `lineEnd`. */
export function articleText(parts: ArticleParts, lineEnd: "\n" | "\r\n" = "\n"): string {
  const lines = [
    parts.title,
    "",
    parts.date,
    ...(parts.fields ?? []),
    "",
    `Abstract: ${parts.abstract}`,
    "",
    parts.paragraphs.join("\n\n"),
  ];
  return `${lines.join("\n")}\n`.replaceAll("\n", lineEnd);
}
