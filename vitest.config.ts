import { defineConfig } from "vitest/config";
import { workerProject } from "./tests/support/worker-project.ts";

export default defineConfig({
  test: {
    // Every core: vitest's default leaves one idle, a large share of a small machine.
    maxWorkers: "100%",
    projects: [
      // A fifth of each property's runs; `npm run test:integration` makes them all.
      workerProject({ name: "worker", include: ["tests/worker/**/*.test.ts"], propertyRunShare: 0.2 }),
      {
        // Tests of the build script itself: it runs on Node and touches the disk. Suites that
        // start wrangler are in tests/integration/ (`npm run test:integration`).
        test: {
          name: "node",
          include: ["tests/node/**/*.test.ts"],
          environment: "node",
          // Files share a worker process instead of starting one each, which would cost more than
          // many of them take to run; none changes process state (env, cwd, mocks) that another could see.
          isolate: false,
          testTimeout: 60_000,
        },
      },
    ],
  },
});
