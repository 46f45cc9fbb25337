// A deterministic synthetic corpus in the article format (docs/article-format.md), for the
// scale benchmarks, its text news-like (bench/news-text.ts). The same count always yields the
// same bytes: a seeded generator, fixed dates in the past, no clock.
// Usage: node bench/generate-corpus.ts --count N --out DIR
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { articleText } from "../scripts/article-text.ts";
import { articleFileName } from "../src/model/paths.ts";
import { corpusImage } from "./corpus-images.ts";
import { createRandom, makeParagraph, makeTitle, type Random } from "./news-text.ts";

/** About this many bytes of UTF-8 per article: ~5 KB, a long news report. */
const TARGET_BYTES = 5_000;
/**
 * 2012-01-01T00:00:00Z: 100,000 articles an hour apart end in 2023, so every one is in the
 * past and published (from 2020 the newest ~46,000 would be scheduled, one state each).
 */
const FIRST_EPOCH_MS = Date.UTC(2012, 0, 1);
const HOUR_MS = 3_600_000;

function makeHexId(random: Random, used: Set<string>): string {
  for (;;) {
    let id = "";
    for (let i = 0; i < 16; i++) id += Math.floor(random() * 16).toString(16);
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

function formatDateLine(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace("T", " ");
}

export interface CorpusFile {
  readonly name: string;
  readonly text: string;
}

export interface CorpusOptions {
  /**
   * Every this many articles, counted from the newest, has an `Image:` (so the newest has one):
   * a PNG of its own in media/. None unless given, so the other measurements' corpora stay as
   * they were.
   */
  readonly imageEvery?: number;
}

/** The media file of article `n` (from 0, oldest first), or undefined when it has no picture. */
function imageName(n: number, count: number, options: CorpusOptions): string | undefined {
  const every = options.imageEvery;
  return every !== undefined && (count - 1 - n) % every === 0 ? `photo-${n}.png` : undefined;
}

/**
 * The `count` articles of the synthetic corpus, oldest first, one hour apart; file names are
 * numbered for a corpus of `namedFor` (so a corpus one larger can repeat a smaller one's names).
 */
export function generateCorpus(count: number, namedFor = count, options: CorpusOptions = {}): CorpusFile[] {
  const random = createRandom(0x5eed_0001);
  const used = new Set<string>();
  const digits = Math.max(3, String(namedFor - 1).length);
  const files: CorpusFile[] = [];
  for (let n = 0; n < count; n++) {
    const id = makeHexId(random, used);
    const title = `${makeTitle(random)} (${n})`;
    const abstract = makeParagraph(random, 2);
    const paragraphs: string[] = [];
    let size = title.length + abstract.length + 40;
    while (size < TARGET_BYTES) {
      const paragraph = makeParagraph(random, 3 + Math.floor(random() * 4));
      paragraphs.push(paragraph);
      size += Buffer.byteLength(paragraph) + 2;
    }
    const date = formatDateLine(FIRST_EPOCH_MS + n * HOUR_MS);
    const image = imageName(n, count, options);
    const fields = image === undefined ? [] : [`Image: media/${image}`];
    const text = articleText({ title, date, fields, abstract, paragraphs });
    files.push({ name: articleFileName(n, id, digits), text });
  }
  return files;
}

/** Replaces `dir` with the corpus of `count` articles, and their pictures in `dir`/media/. */
export function writeCorpus(count: number, dir: string, options: CorpusOptions = {}): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of generateCorpus(count, count, options)) writeFileSync(join(dir, file.name), file.text);
  for (let n = 0; n < count; n++) {
    const image = imageName(n, count, options);
    if (image === undefined) continue;
    mkdirSync(join(dir, "media"), { recursive: true });
    // Seeded apart from the text, so a picture never changes an article's words.
    writeFileSync(join(dir, "media", image), corpusImage(n, createRandom(0x1a6e_0000 + n)));
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { count: { type: "string" }, out: { type: "string" } } });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1 || !values.out) {
    process.stderr.write("usage: node bench/generate-corpus.ts --count N --out DIR\n");
    process.exit(2);
  }
  writeCorpus(count, values.out);
  process.stdout.write(`wrote ${count} article(s) into ${values.out}\n`);
}
