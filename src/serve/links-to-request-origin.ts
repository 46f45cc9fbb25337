/**
 * `wrangler dev` serves wherever it listens (any --ip and --port, or another port when 8787 is
 * taken), and wrangler tells its custom build only which command runs it, not that address.
 * So a dev build links to the configured address like a deployed one, and under `wrangler dev`
 * the Worker rewrites that address, in every text body and in Location, to the origin the
 * request came to: every link then leads back to the server that answered. A deployed build
 * never does this (src/index.ts): its links are fixed at build and never taken from a request.
 */

type Handler<Rest extends unknown[]> = (request: Request, ...rest: Rest) => Response | Promise<Response>;

/** A host as a server can be reached at: a DNS name or an IP literal, and a port. Nothing that could break out of an attribute or a string. */
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?$/i;
/** Bodies that hold links as text: HTML, XML (feeds, sitemaps), JSON Feed, plain text (robots.txt). */
const TEXT_TYPE = /^\s*(?:text\/|application\/(?:[\w.-]+\+)?(?:xml|json)\b)/i;

/** The origin of a request URL, lower-cased, or undefined when its host is not a plain one. */
export function requestOriginOf(url: string): string | undefined {
  const match = /^(https?):\/\/([^/?#]*)/i.exec(url);
  const [, scheme = "", host = ""] = match ?? [];
  if (!match || !HOST.test(host)) return undefined;
  const origin = `${scheme}://${host}`.toLowerCase();
  return origin.replace(/^http:\/\/(.*):80$/, "http://$1").replace(/^https:\/\/(.*):443$/, "https://$1");
}

/** `text` with every `from` origin that ends where an origin ends (not `from.example`) made `to`. */
export function replaceOrigin(text: string, from: string, to: string): string {
  const escaped = from.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  return text.replace(new RegExp(`${escaped}(?![\\w.:-])`, "g"), to);
}

/** `handler`, answering with links to the request's own origin wherever it differs from `builtOrigin`. */
export function withLinksToRequestOrigin<Rest extends unknown[]>(
  handler: Handler<Rest>,
  builtOrigin: string,
): Handler<Rest> {
  return async (request, ...rest) => {
    const origin = requestOriginOf(request.url);
    if (origin === undefined || origin === builtOrigin) return handler(request, ...rest);
    if (request.method !== "HEAD") return relink(await handler(request, ...rest), builtOrigin, origin);
    // Relinking changes a body's length, which a HEAD must still report as its GET would
    // (RFC 9110 §9.3.2): so answer the GET, relink it, and send its header fields alone.
    const full = await relink(await handler(new Request(request, { method: "GET" }), ...rest), builtOrigin, origin);
    await full.body?.cancel();
    return new Response(null, full);
  };
}

async function relink(response: Response, from: string, to: string): Promise<Response> {
  const headers = new Headers(response.headers);
  const location = headers.get("Location");
  if (location !== null) headers.set("Location", replaceOrigin(location, from, to));
  const init = { status: response.status, statusText: response.statusText, headers };
  if (response.body === null || !TEXT_TYPE.test(headers.get("Content-Type") ?? "")) {
    return location === null ? response : new Response(response.body, init);
  }
  const gzip = headers.get("Content-Encoding") === "gzip";
  const plain = gzip ? response.body.pipeThrough(new DecompressionStream("gzip")) : response.body;
  const text = new TextEncoder().encode(replaceOrigin(await new Response(plain).text(), from, to));
  // Whole bytes, not a stream, so the new length is known and sent like the build's (and a HEAD's).
  const bytes = gzip
    ? new Uint8Array(
        await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer(),
      )
    : text;
  headers.set("Content-Length", String(bytes.byteLength));
  if (!gzip) return new Response(bytes, init);
  // "manual": the bytes are gzip already; without it workerd would compress them again.
  return new Response(bytes, { ...init, encodeBody: "manual" });
}
