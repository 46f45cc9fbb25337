import { defineConfig } from "vitest/config";
import { workerProject } from "../support/worker-project.ts";

// Suites that drive the real wrangler (`wrangler dev`, `wrangler deploy --dry-run`) on a copy of
// the project, a thousand-article build killed at a dozen points of its writes, the suites that
// run the build over and over (a bad file each, git histories and clones), and every run of the
// property tests: `npm run test:integration`, which CI runs after `npm test`. Each runs whole
// builds or servers, so they stay out of the quick unit run.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
        },
      },
      workerProject({ name: "properties", include: ["tests/worker/properties/**/*.test.ts"], propertyRunShare: 1 }),
    ],
  },
});
