import { defineConfig } from "vitest/config";

// Suites that drive the real wrangler (`wrangler dev`, `wrangler deploy --dry-run`) on a copy of
// the project, the build killed at random points (a thousand-article build, a dozen times), and
// the suites that run the build over and over (a bad file each, git histories and clones):
// `npm run test:integration`, which CI runs after `npm test`. Each takes tens of seconds of
// both cores, so they stay out of the quick unit run.
export default defineConfig({
  test: {
    name: "integration",
    include: ["tests/integration/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
  },
});
