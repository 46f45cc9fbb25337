import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type SiteManifest, stateIndexAt } from "../../../src/model/site-manifest.ts";

/** One request the live site stand-in answered. */
export interface LiveSiteRequest {
  readonly path: string;
  readonly accept: string;
  readonly ifNoneMatch: string;
  readonly status: number;
}

export interface LiveSiteStandIn {
  /** Where the stand-in answers, as http://127.0.0.1:<port>. */
  readonly origin: string;
  readonly seen: readonly LiveSiteRequest[];
  /** Serves another build from now on, as a deployment replaces the live one. */
  serve(manifest: SiteManifest): void;
  close(): Promise<void>;
}

/**
 * The live site as a stand-in on 127.0.0.1: answers each feed of the state of `manifest` in
 * force at `at` as the Worker does a conditional GET (RFC 9110 §13.1.2), 304 when
 * If-None-Match names the tag of either coding of the file it serves, else 200; 404 for
 * anything else.
 */
export async function startLiveSite(manifest: SiteManifest, at: number): Promise<LiveSiteStandIn> {
  let served = manifest;
  const seen: LiveSiteRequest[] = [];
  const server = createServer((request, response) => {
    const path = request.url ?? "";
    const index = served.states[stateIndexAt(served.states, at)]?.routes[path];
    const file = index === undefined ? undefined : served.files[index];
    const ifNoneMatch = request.headers["if-none-match"] ?? "";
    const tags = [...ifNoneMatch.matchAll(/"[^"]*"/g)].map((match) => match[0]);
    const status = !file ? 404 : tags.includes(file.etag) || tags.includes(file.gzip?.etag ?? "") ? 304 : 200;
    seen.push({ path, accept: request.headers.accept ?? "", ifNoneMatch, status });
    response.writeHead(status, file ? { ETag: file.etag } : {}).end(status === 200 ? "feed bytes" : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    serve: (next) => {
      served = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
