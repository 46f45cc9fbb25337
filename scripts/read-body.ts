// Reads an article's body again from its file, for a build that keeps none in memory
// (src/load/body-on-disk.ts).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { decodeUtf8 } from "../src/load/decode-utf8.ts";
import { bodyParagraphs } from "../src/load/parse-article.ts";
import type { BodyOnDisk } from "../src/model/article.ts";

export const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** An article file that changed between its parsing and its rendering. */
export class ArticleChangedError extends Error {
  override name = "ArticleChangedError";
}

/**
 * The paragraphs the build parsed. A file changed since then fails the build, which then
 * writes nothing: its pages would otherwise mix the old fields with the new text.
 */
export function readBody(body: BodyOnDisk): readonly string[] {
  const bytes = readFileSync(body.file);
  if (sha256Hex(bytes) !== body.sha256) {
    throw new ArticleChangedError(
      `${body.file}: changed while the build read it; expected it unchanged until the build ends`,
    );
  }
  return bodyParagraphs(decodeUtf8(bytes).text, body.bodyStart);
}
