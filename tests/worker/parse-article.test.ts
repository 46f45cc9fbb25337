import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/load/parse-article.ts";
import { formatProblem } from "../../src/load/problem.ts";
import { toRfc3339 } from "../../src/model/time.ts";

const PATH = "articles/001_0a1b2c3d4e5f6a7b.txt";

function parsed(text: string, timeZone = "UTC") {
  const result = parseArticle(PATH, text, timeZone);
  if (!result.ok) throw new Error(result.errors.map(formatProblem).join("\n"));
  return result.article;
}

function errorsOf(text: string, timeZone = "UTC"): string[] {
  const result = parseArticle(PATH, text, timeZone);
  return result.ok ? [] : result.errors.map(formatProblem);
}

const VALID = "Title\n\n2025-02-24 01:27:00\n\nAbstract: The summary.\n\nFirst paragraph.\n\nSecond paragraph.\n";

/**
 * An article as an author writes one: typographic characters, quotes, an ampersand and an
 * ellipsis in the text, several paragraphs, and no newline at the end of the file. The test's
 * own, so editing the articles in articles/ never breaks it.
 */
const WRITTEN = [
  "Kyiv libraries stay open late through the winter – and lend power banks",
  "",
  "2025-02-24 01:27:00",
  "",
  "Abstract: Libraries stay open until 22:00 & lend power banks. The city pays for heating and generators.",
  "",
  "Forty-two of the city's libraries will stay open until 22:00 every day until March, the city council said on Monday.",
  "",
  'The head of the libraries\' network said: "People come to charge their phones, read and keep warm… we want them to stay."',
  "",
  "Each library lends power banks for a week – 1,200 of them in all – and keeps a generator for outages.",
  "",
  "The council will decide in March whether the longer hours stay for the rest of the year.",
].join("\n");

describe("an article as an author writes it", () => {
  const article = parsed(WRITTEN);

  it("has exactly its title", () => {
    expect(article.title).toBe("Kyiv libraries stay open late through the winter – and lend power banks");
  });

  it("was published at the date line's time, in the site's zone", () => {
    expect(toRfc3339(article.published)).toBe("2025-02-24T01:27:00Z");
  });

  it("has its abstract without the Abstract: label", () => {
    expect(article.abstract).toBe(
      "Libraries stay open until 22:00 & lend power banks. The city pays for heating and generators.",
    );
  });

  it("has 4 body paragraphs, the last one ending where the file ends", () => {
    expect(article.paragraphs).toHaveLength(4);
    expect(article.paragraphs[0]).toMatch(/^Forty-two of the city's libraries/);
    expect(article.paragraphs[3]).toMatch(/for the rest of the year\.$/);
  });

  it("keeps typographic characters and quotes intact", () => {
    expect(article.paragraphs[2]).toContain("for a week – 1,200 of them in all – and");
    expect(article.paragraphs[1]).toContain('said: "People come to charge their phones, read and keep warm… we');
  });
});

describe("variations the format accepts", () => {
  it("reads CRLF line endings like LF", () => {
    expect(parsed(VALID.replace(/\n/g, "\r\n"))).toEqual(parsed(VALID));
  });

  it("ignores trailing spaces, trailing blank lines and a missing final newline", () => {
    const messy =
      "Title   \n\n2025-02-24 01:27:00 \n\nAbstract: The summary.\t\n\nFirst paragraph.  \n\nSecond paragraph.\n\n\n";
    expect(parsed(messy)).toEqual(parsed(VALID));
    expect(parsed(VALID.trimEnd())).toEqual(parsed(VALID));
  });

  it("treats whitespace-only lines as paragraph breaks", () => {
    expect(parsed(VALID.replace("First paragraph.\n\n", "First paragraph.\n   \t\n")).paragraphs).toEqual([
      "First paragraph.",
      "Second paragraph.",
    ]);
  });

  it("keeps a single line break inside its paragraph", () => {
    const text = VALID.replace("First paragraph.", "First line\nsecond line");
    expect(parsed(text).paragraphs).toEqual(["First line\nsecond line", "Second paragraph."]);
  });

  it("keeps any Unicode as text: Cyrillic, right-to-left, emoji, quotes and markup characters", () => {
    const title = "Київ “quoted” ’s – שלום 👋🏽 <b>&amp;</b> ]]>";
    expect(parsed(VALID.replace("Title", title)).title).toBe(title);
  });

  it("finds fields by position: a title may start with Abstract:, a body line may look like a date", () => {
    const text =
      "Abstract: not the abstract\n\n2025-02-24 01:27:00\n\nAbstract: The summary.\n\n2025-01-01 00:00:00\n\nAbstract: body text\n";
    const article = parsed(text);
    expect(article.title).toBe("Abstract: not the abstract");
    expect(article.abstract).toBe("The summary.");
    expect(article.paragraphs).toEqual(["2025-01-01 00:00:00", "Abstract: body text"]);
  });

  it("ends lines only at LF and CRLF: VT, FF, U+0085, U+2028 and U+2029 stay inside the line", () => {
    const result = parseArticle(
      PATH,
      VALID.replace("Title", "A\u0085B\u2028C\u2029D").replace("First paragraph.", "one\u000btwo\u000cthree"),
      "UTC",
    );
    // VT, FF and NEL are then removed as unshowable; the words stay one title, one paragraph.
    expect(result.ok && result.article.title).toBe("AB\u2028C\u2029D");
    expect(result.ok && result.article.paragraphs[0]).toBe("onetwothree");
  });

  it("drops characters XML cannot carry, and says on which line", () => {
    const result = parseArticle(PATH, VALID.replace("Title", "Ti\u0001tle\uFFFE"), "UTC");
    expect(result.ok && result.article.title).toBe("Title");
    expect(result.warnings.map(formatProblem)).toEqual([
      `warning: ${PATH}:1: removed 2 control or noncharacter code point(s) that no reader can show`,
    ]);
  });

  it("drops DEL, C1 controls and noncharacters in every plane, counting each code point once", () => {
    const unshowable = "\u007F\u0080\u0085\u009B\u009F\uFDD0\uFDEF\u{1FFFE}\u{1FFFF}\u{10FFFF}";
    const showable = "\u00A0\uFDCF\uFDF0\uFFFD\u{1FFFD}\u{20000}🚀";
    const text = VALID.replace("Title", `T${unshowable}${showable}`)
      .replace("The summary.", `Sum${unshowable}mary.`)
      .replace("Second paragraph.", `Second${unshowable} paragraph.`);
    const result = parseArticle(PATH, text, "UTC");
    expect(result.ok && result.article).toMatchObject({
      title: `T${showable}`,
      abstract: "Summary.",
      paragraphs: ["First paragraph.", "Second paragraph."],
    });
    expect(result.warnings.map(formatProblem)).toEqual(
      [1, 5, 9].map(
        (line) => `warning: ${PATH}:${line}: removed 10 control or noncharacter code point(s) that no reader can show`,
      ),
    );
  });

  it("reads the date line in the site's time zone and keeps the offset", () => {
    expect(toRfc3339(parsed(VALID, "Europe/Kyiv").published)).toBe("2025-02-24T01:27:00+02:00");
    expect(toRfc3339(parsed(VALID.replace("2025-02-24", "2025-07-01"), "Europe/Kyiv").published)).toBe(
      "2025-07-01T01:27:00+03:00",
    );
    expect(toRfc3339(parsed(VALID, "America/New_York").published)).toBe("2025-02-24T01:27:00-05:00");
  });
});

describe("errors the format rejects, each naming the file and line", () => {
  it.each([
    ["an empty first line", `\n${VALID}`, `${PATH}:1: the first line is empty; expected the article's title on line 1`],
    [
      "a date in another form",
      VALID.replace("2025-02-24 01:27:00", "24/02/2025 01:27"),
      `${PATH}:3: date "24/02/2025 01:27" is not a date line; expected YYYY-MM-DD HH:MM:SS (24-hour clock)`,
    ],
    [
      "a time that does not exist",
      VALID.replace("2025-02-24 01:27:00", "2025-02-30 25:61:00"),
      `${PATH}:3: date "2025-02-30 25:61:00" is not a real time; expected YYYY-MM-DD HH:MM:SS (24-hour clock)`,
    ],
    [
      "30 February at a real hour",
      VALID.replace("2025-02-24", "2025-02-30"),
      `${PATH}:3: date "2025-02-30 01:27:00" is not a real time; expected YYYY-MM-DD HH:MM:SS (24-hour clock)`,
    ],
    [
      "a missing abstract",
      VALID.replace("Abstract: The summary.", "The summary."),
      `${PATH}:5: no abstract after the date (found "The summary."); expected a line starting with "Abstract:"`,
    ],
    [
      "an empty abstract",
      VALID.replace("Abstract: The summary.", "Abstract:   "),
      `${PATH}:5: the abstract is empty; expected a summary after "Abstract:"`,
    ],
    [
      "no body",
      "Title\n\n2025-02-24 01:27:00\n\nAbstract: The summary.\n\n\n",
      `${PATH}:6: there is no body; expected at least one paragraph after the abstract and a blank line`,
    ],
    [
      "an empty file",
      "\n  \n",
      `${PATH}:1: the file is empty; expected the article's title on line 1, then its date, abstract and body`,
    ],
    [
      "a file that ends after the date",
      "Title\n\n2025-02-24 01:27:00\n",
      `${PATH}:5: no abstract after the date (the file ends); expected a line starting with "Abstract:", then the body`,
    ],
    [
      "a file that ends after the title",
      "Title\n",
      `${PATH}:3: the file ends after the title; expected YYYY-MM-DD HH:MM:SS (24-hour clock) on the line after a blank line, then the abstract and the body`,
    ],
  ])("rejects %s", (_name, text, message) => {
    expect(errorsOf(text)).toEqual([message]);
  });

  it("rejects a wall-clock time the zone skips when clocks go forward", () => {
    expect(errorsOf(VALID.replace("2025-02-24 01:27:00", "2025-03-30 03:30:00"), "Europe/Kyiv")).toEqual([
      `${PATH}:3: date "2025-03-30 03:30:00" does not exist in time zone Europe/Kyiv (the clocks skip it); expected a time that occurs there`,
    ]);
  });
});

describe("every problem in a file, found in one pass", () => {
  it("reports a bad date, a missing abstract and a missing body together", () => {
    expect(errorsOf("Title\n\n2025-02-30 10:00:00\n\nThe summary.\n")).toEqual([
      `${PATH}:3: date "2025-02-30 10:00:00" is not a real time; expected YYYY-MM-DD HH:MM:SS (24-hour clock)`,
      `${PATH}:5: no abstract after the date (found "The summary."); expected a line starting with "Abstract:"`,
      `${PATH}:6: there is no body; expected at least one paragraph after the abstract and a blank line`,
    ]);
  });

  it("still finds the abstract and body after a date line that is not one", () => {
    expect(errorsOf("Title\n\n24/02/2025\n\nAbstract:\n\nBody.\n")).toEqual([
      `${PATH}:3: date "24/02/2025" is not a date line; expected YYYY-MM-DD HH:MM:SS (24-hour clock)`,
      `${PATH}:5: the abstract is empty; expected a summary after "Abstract:"`,
    ]);
  });

  it("reports a missing title and a bad date, reading the date line where it stands", () => {
    expect(errorsOf("\n\n2025-13-01 10:00:00\n\nAbstract: A.\n\nBody.\n")).toEqual([
      `${PATH}:1: the first line is empty; expected the article's title on line 1`,
      `${PATH}:3: date "2025-13-01 10:00:00" is not a real time; expected YYYY-MM-DD HH:MM:SS (24-hour clock)`,
    ]);
  });

  it("reports a missing date line once, and reads the Abstract: line that stands in its place", () => {
    expect(errorsOf("Title\n\nAbstract: A.\n\n\n")).toEqual([
      `${PATH}:3: no date line before the abstract; expected YYYY-MM-DD HH:MM:SS (24-hour clock) on the line after the title and a blank line`,
      `${PATH}:4: there is no body; expected at least one paragraph after the abstract and a blank line`,
    ]);
  });

  it("points at the line after a long abstract when there is no body", () => {
    expect(errorsOf("Title\n\n2025-02-24 01:27:00\n\nAbstract: one\ntwo\nthree\n")).toEqual([
      `${PATH}:8: there is no body; expected at least one paragraph after the abstract and a blank line`,
    ]);
  });
});
