// The layers of src/ (docs/architecture.md, "Layers"), checked on every import, types
// included: a layer may use the ones below it and never the other way. Biome's noImportCycles
// catches cycles within a layer; this catches an import that goes the wrong way between them,
// such as a renderer reaching into the Worker's bundle.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/project-copy.ts";

interface Layer {
  /** A folder ("src/model/") or a file ("src/app.ts") of src/. */
  readonly at: string;
  /** The folders and files its modules may import from; packages are not checked. */
  readonly imports: readonly string[];
}

const MODEL = "src/model/";
const WORKER_MODULES = [MODEL, "src/serve/", "src/push/", "src/generated/"];

const LAYERS: readonly Layer[] = [
  // Types, formats, paths and the decisions every other layer shares: nothing below it.
  { at: MODEL, imports: [MODEL] },
  // Articles from bytes.
  { at: "src/load/", imports: [MODEL, "src/load/"] },
  // Pure functions from the model to text.
  { at: "src/render/", imports: [MODEL, "src/render/"] },
  // The build's bodies and manifest. headers-file.ts alone also takes the Worker's own headers
  // (src/serve/content-headers.ts), so a file the asset server answers alone gets them too.
  {
    at: "src/publish/headers-file.ts",
    imports: [MODEL, "src/render/", "src/publish/", "src/serve/content-headers.ts"],
  },
  { at: "src/publish/", imports: [MODEL, "src/render/", "src/publish/"] },
  // The Worker: what it bundles must hold no loader, renderer or publisher.
  { at: "src/serve/", imports: [MODEL, "src/serve/", "src/generated/"] },
  { at: "src/push/", imports: [MODEL, "src/push/", "src/generated/"] },
  { at: "src/app.ts", imports: WORKER_MODULES },
  { at: "src/index.ts", imports: [...WORKER_MODULES, "src/app.ts"] },
  // What the build writes for the Worker, and the site's settings, which the build reads.
  { at: "src/generated/", imports: [MODEL] },
  { at: "src/site-config.ts", imports: [MODEL] },
];

/** The most specific layer of a module: a file's own rule before its folder's. */
function layerOf(path: string): Layer | undefined {
  return LAYERS.find((layer) => path === layer.at) ?? LAYERS.find((layer) => path.startsWith(layer.at));
}

function sourceFiles(): string[] {
  return readdirSync(join(ROOT, "src"), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => `src/${name.split("\\").join("/")}`)
    .sort();
}

// `import … from "x"`, `export … from "x"`, `import "x"` and `import("x")`, over line breaks.
const SPECIFIERS = /\b(?:import|export)\b[^"'`;]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(?\s*["']([^"']+)["']/g;

/** Every module `path` imports from src/, as a path from the project's root. */
function importsOf(path: string): string[] {
  const text = readFileSync(join(ROOT, path), "utf8");
  return [...text.matchAll(SPECIFIERS)]
    .map((match) => match[1] ?? match[2] ?? "")
    .filter((specifier) => specifier.startsWith("."))
    .map((specifier) =>
      relative(ROOT, join(ROOT, dirname(path), specifier.split("?")[0] ?? ""))
        .split("\\")
        .join("/"),
    );
}

/** Each import that breaks its module's layer: "from → to". */
function wrongImports(files: readonly string[]): string[] {
  return files.flatMap((path) => {
    const layer = layerOf(path);
    if (layer === undefined) return [`${path} is in no layer`];
    return importsOf(path)
      .filter((target) => !layer.imports.some((allowed) => target === allowed || target.startsWith(allowed)))
      .map((target) => `${path} → ${target}`);
  });
}

describe("the layers of src/", () => {
  const files = sourceFiles();

  it("import only downwards: every module of src/ imports only what its layer may", () => {
    expect(wrongImports(files)).toEqual([]);
  });

  it("are read from every import the modules hold", () => {
    // So a scanner that found nothing could not pass the test above.
    expect(importsOf("src/index.ts")).toContain("src/app.ts");
    expect(importsOf("src/app.ts")).toContain("src/model/paths.ts");
    expect(importsOf("src/publish/headers-file.ts")).toContain("src/serve/content-headers.ts");
    expect(files).toContain("src/model/paths.ts");
  });
});
