// The Worker the HTTP tests reach through `exports.default`: the real app over the articles in
// articles/, published for the test site rather than whatever src/site-config.ts holds.
import { loadArticles } from "../../../src/load/load-articles.ts";
import { TEST_WORKER_ORIGIN, testSite } from "../../support/test-site.ts";
import { publishedApp } from "./published-app.ts";

// workerd reads no disk: Vite inlines the files' text when it bundles this module.
const texts = import.meta.glob<string>("../../../articles/*.txt", { query: "?raw", import: "default", eager: true });
const files = Object.entries(texts).map(([path, text]) => ({
  path: path.replace(/^(\.\.\/)+/, ""),
  bytes: new TextEncoder().encode(text),
}));
const { articles, errors } = loadArticles(files, "UTC");
if (errors.length > 0) throw new Error(`articles/ does not build: ${errors.map((e) => e.message).join("; ")}`);

const app = publishedApp({ bundle: { articles, revisedAt: Date.UTC(2024, 0, 1) }, site: testSite(TEST_WORKER_ORIGIN) });

export default { fetch: (request: Request) => app.fetch(request) };
