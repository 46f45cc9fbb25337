// The Worker the HTTP tests reach through `exports.default`: the real app over the articles in
// articles/, published for the test site rather than whatever src/site-config.ts holds.
import { TEST_WORKER_ORIGIN, testSite } from "../../support/test-site.ts";
import { publishedApp } from "./published-app.ts";
import { shippedArticles } from "./shipped-articles.ts";

const app = publishedApp({
  bundle: { articles: shippedArticles, revisedAt: Date.UTC(2024, 0, 1) },
  site: testSite(TEST_WORKER_ORIGIN),
});

export default { fetch: (request: Request) => app.fetch(request) };
