import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { articleText, fileNameOf } from "../../support/articles.ts";
import { readBuild, runBuild } from "../../support/build-fixtures.ts";
import { PNG_3X2 } from "../../support/images.ts";
import { makeTempDir, removeTempDirs, writeGoodArticles } from "../../support/project-copy.ts";

afterAll(removeTempDirs);

/** A folder of two good articles and one that shows `media/<image>`, with the media folder given. */
function folderWithImage(image: string, media: Readonly<Record<string, Uint8Array>>) {
  const dir = makeTempDir("media");
  const articles = join(dir, "articles");
  writeGoodArticles(articles, 2);
  writeFileSync(
    join(articles, fileNameOf(2)),
    articleText({
      title: "Pictured",
      date: "2025-03-03 10:00:00",
      fields: [`Image: media/${image}`],
      abstract: "A picture.",
      paragraphs: ["Text."],
    }),
  );
  for (const [name, bytes] of Object.entries(media)) {
    mkdirSync(join(articles, "media", name, ".."), { recursive: true });
    writeFileSync(join(articles, "media", name), bytes);
  }
  return { articles, out: join(dir, "generated", "site-manifest.ts") };
}

describe("images under articles/media/", () => {
  it("are published at their digest's path with the bytes as written; unnamed ones are not", () => {
    const { articles, out } = folderWithImage("2025/grid.png", { "2025/grid.png": PNG_3X2, "unused.png": PNG_3X2 });
    const run = runBuild(articles, out);
    expect(run.status, run.stderr).toBe(0);
    const digest = createHash("sha256").update(PNG_3X2).digest("hex");
    const { module, files } = readBuild(out);
    expect(module).toContain(`/media/${digest.slice(0, 16)}/2025/grid.png`);
    const pngs = Object.values(files).filter((base64) => base64 === Buffer.from(PNG_3X2).toString("base64"));
    expect(pngs).toHaveLength(1);
  });

  it("fail the build with the file and line when the named file is missing, writing nothing", () => {
    const { articles, out } = folderWithImage("nope.png", { "grid.png": PNG_3X2 });
    const run = runBuild(articles, out);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `${fileNameOf(2)}:4: image "media/nope.png" is not in articles/media/; expected a PNG, JPEG, GIF, WebP or AVIF file`,
    );
    expect(run.stderr).toMatch(/build failed: 1 error\(s\) in 1 file\(s\); nothing was written/);
  });
});
