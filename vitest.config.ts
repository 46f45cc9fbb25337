import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        // Unit and HTTP tests run inside workerd, the runtime that serves production.
        plugins: [
          cloudflareTest({
            // The built articles/ served as the test site, never the site owner's configuration.
            main: "./tests/worker/support/test-worker.ts",
            wrangler: { configPath: "./wrangler.toml" },
          }),
        ],
        test: { name: "worker", include: ["tests/worker/**/*.test.ts"] },
      },
      {
        // Tests of the build script itself: it runs on Node and touches the disk.
        test: { name: "node", include: ["tests/node/**/*.test.ts"], environment: "node", testTimeout: 60_000 },
      },
    ],
  },
});
