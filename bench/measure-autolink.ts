// What finding the web addresses in an article's body costs (src/render/find-links.ts): linkify-it
// reading every paragraph whole, as the build did, against linkify-it reading only the words
// that could hold a link, as it does now, over every body of the synthetic corpus, parsed as
// the build parses it. Both must find the same links; the run stops if they do not.
// Usage: node bench/measure-autolink.ts [--count 10000] [--rounds 5]
import { parseArgs } from "node:util";
import { parseArticle } from "../src/load/parse-article.ts";
import { findLinks, linkifyLinks } from "../src/render/find-links.ts";
import { generateCorpus } from "./generate-corpus.ts";
import { median } from "./stats.ts";

type Finder = (text: string) => readonly unknown[];

const { values } = parseArgs({
  options: { count: { type: "string", default: "10000" }, rounds: { type: "string", default: "5" } },
});
const count = Number(values.count);
const rounds = Number(values.rounds);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(rounds) || rounds < 1) {
  process.stderr.write("usage: node bench/measure-autolink.ts [--count N] [--rounds N]\n");
  process.exit(2);
}

function bodiesOf(articles: number): string[][] {
  return generateCorpus(articles).map((file) => {
    const parsed = parseArticle(file.name, file.text, "UTC");
    if (!parsed.ok) throw new Error(`${file.name}: the build would refuse it: ${parsed.errors[0]?.message}`);
    return [...parsed.article.paragraphs];
  });
}

/** Milliseconds per article to find the links of every paragraph, and how many were found. */
function timeFinder(find: Finder, bodies: readonly (readonly string[])[]): { ms: number; links: number } {
  let links = 0;
  const started = performance.now();
  for (const paragraphs of bodies) for (const paragraph of paragraphs) links += find(paragraph).length;
  return { ms: (performance.now() - started) / bodies.length, links };
}

function checkSameLinks(bodies: readonly (readonly string[])[]): void {
  for (const paragraph of bodies.flat()) {
    if (JSON.stringify(findLinks(paragraph)) !== JSON.stringify(linkifyLinks(paragraph))) {
      throw new Error(`the two finders disagree on: ${paragraph}`);
    }
  }
}

const bodies = bodiesOf(count);
const bytes = bodies.reduce((sum, paragraphs) => sum + Buffer.byteLength(paragraphs.join("\n\n")), 0);
checkSameLinks(bodies);
const wholeText: number[] = [];
const byWord: number[] = [];
let links = 0;
// One warm-up round, then alternating which goes first, so a drift in the machine's load falls on both.
for (let round = 0; round <= rounds; round++) {
  const order: [Finder, number[]][] = [
    [linkifyLinks, wholeText],
    [findLinks, byWord],
  ];
  if (round % 2 === 1) order.reverse();
  for (const [find, times] of order) {
    const { ms, links: found } = timeFinder(find, bodies);
    if (round > 0) times.push(ms);
    links = found;
  }
}
const whole = median(wholeText);
const word = median(byWord);
process.stdout.write(
  `${count} articles, ${(bytes / count / 1024).toFixed(1)} KiB of body text and ${(links / count).toFixed(2)} links each; median of ${rounds} rounds:\n` +
    `  linkify-it over every paragraph: ${whole.toFixed(3)} ms per article (rounds ${wholeText.map((ms) => ms.toFixed(3)).join(", ")})\n` +
    `  only words that could hold a link: ${word.toFixed(3)} ms per article (rounds ${byWord.map((ms) => ms.toFixed(3)).join(", ")})\n` +
    `  ${(whole / word).toFixed(1)}× less\n`,
);
