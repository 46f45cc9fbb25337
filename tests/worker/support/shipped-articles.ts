// The articles in articles/, through the real loader: what the HTTP tests' Worker serves
// (test-worker.ts), and what a test expects of it, read from the files at run time so that
// editing articles/ never breaks a test.
import { loadArticles } from "../../../src/load/load-articles.ts";

// workerd reads no disk: Vite inlines the files' text when it bundles this module.
const texts = import.meta.glob<string>("../../../articles/*.txt", { query: "?raw", import: "default", eager: true });
const files = Object.entries(texts).map(([path, text]) => ({
  path: path.replace(/^(\.\.\/)+/, ""),
  bytes: new TextEncoder().encode(text),
}));
const { articles, errors } = loadArticles(files, "UTC");
if (errors.length > 0) throw new Error(`articles/ does not build: ${errors.map((e) => e.message).join("; ")}`);

export const shippedArticles = articles;
