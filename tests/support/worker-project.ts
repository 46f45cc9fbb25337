import { cloudflareTest } from "@cloudflare/vitest-plugin";
import type { Plugin, TestProjectInlineConfiguration } from "vitest/config";
import type {} from "./provided-context.ts";

/**
 * Dependencies load without their `//# sourceMappingURL=` comments. Some ship a comment for
 * a map they do not ship (feed: lib/feed.js.map) or one that points outside the package
 * (saxes), and Vite prints a stack trace or a warning for each; no test debugs into them.
 */
const dependenciesWithoutSourceMaps: Plugin = {
  name: "dependencies-without-source-maps",
  enforce: "pre",
  async load(id) {
    if (!/\/node_modules\/.*\.[cm]?js$/.test(id)) return null;
    const { readFile } = await import("node:fs/promises");
    const code = await readFile(id, "utf8").catch(() => null);
    return code?.replace(/^\/\/# sourceMappingURL=.*$/gm, "") ?? null;
  },
};

export interface WorkerProjectOptions {
  readonly name: string;
  readonly include: string[];
  /**
   * Property tests run a fixed seed, so a share of their runs is the first cases of the full
   * sequence: the unit run makes a share, the integration run all of them.
   */
  readonly propertyRunShare: number;
}

/** Tests that run inside workerd, the runtime that serves production. */
export function workerProject({
  name,
  include,
  propertyRunShare,
}: WorkerProjectOptions): TestProjectInlineConfiguration {
  return {
    plugins: [
      dependenciesWithoutSourceMaps,
      cloudflareTest({
        // The built articles/ served as the test site, never the site owner's configuration.
        main: "./tests/worker/support/test-worker.ts",
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          // Vitest's runner asks for node:inspector in every test isolate; without the
          // module workerd logs it as missing, twice per test file. The flag adds only that
          // module (a no-op stub), which the Worker itself never imports.
          compatibilityFlags: ["enable_nodejs_inspector_module"],
        },
      }),
    ],
    test: {
      name,
      include,
      provide: { propertyRunShare },
      // One workerd isolate runs every file in turn instead of starting one per file, whose
      // start-up would outlast most files' tests. No test depends on a fresh module: src/'s
      // module-level maps only memoise pure functions of their keys, and each test builds its
      // own app and manifest.
      isolate: false,
    },
  };
}
