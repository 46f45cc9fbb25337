import { defineConfig } from "vitest/config";

// Browser tests: plain Node drives Debian's Chromium through playwright-core against a real
// `wrangler dev` started once by global-setup.ts.
export default defineConfig({
  test: {
    name: "browser",
    include: ["tests/browser/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/browser/global-setup.ts"],
    // One file at a time: a single Chromium beside workerd, so no page load waits on another's
    // and the timeouts hold on a small machine.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
