// The floor under any Worker serving these bytes: a hand-tuned script that looks the path up
// in a Map of precomputed UTF-8 bodies and header sets, with an exact If-None-Match check and
// no router. What it costs is workerd's own; what ours costs beyond it is ours.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { WorkerdModule } from "../scripts/workerd-server.ts";
import type { MirroredFile } from "./mirror-worker.ts";

/** Writes the floor Worker's modules next to the mirrored bodies; returns them, main module first. */
export function writeFloorWorker(dir: string, root: string, files: readonly MirroredFile[]): WorkerdModule[] {
  const imports = files.map((_, i) => `import body${i} from "./body${i}.txt";`).join("\n");
  const entries = files
    .map((f, i) => {
      const headers = Object.fromEntries([
        ["content-type", f.contentType],
        ["etag", f.etag],
        ["last-modified", f.lastModified],
        ...f.headers,
      ]);
      return `  [${JSON.stringify(f.path)}, { body: encoder.encode(body${i}), etag: ${JSON.stringify(f.etag)}, headers: ${JSON.stringify(headers)} }],`;
    })
    .join("\n");
  const source = `${imports}
const encoder = new TextEncoder();
const resources = new Map([
${entries}
]);
export default {
  fetch(request) {
    const resource = resources.get(new URL(request.url).pathname);
    if (resource === undefined) return new Response("Not Found", { status: 404 });
    if (request.headers.get("if-none-match") === resource.etag) {
      const { "content-type": _, ...headers } = resource.headers;
      return new Response(null, { status: 304, headers });
    }
    return new Response(resource.body, { headers: resource.headers });
  },
};
`;
  const main = join(dir, "floor-worker.js");
  writeFileSync(main, source);
  return [
    { name: "floor-worker.js", path: main },
    ...files.map((f, i) => ({ name: `body${i}.txt`, path: join(root, f.file), type: "text" as const })),
  ];
}
