// Content-coding negotiation (RFC 9110 §12.5.3) for the bodies the Worker compresses itself.
// Like every parser here it is total: a malformed entry is skipped, never an error.

import { parseWeightedList } from "./weighted-list.ts";

const CODING = /^(?:[!#$%&'*+.^_`|~0-9a-z-]+)$/;

/**
 * The Accept-Encoding the client itself sent. Cloudflare sets the header a Worker sees to
 * `br, gzip` and keeps the client's value in `request.cf.clientAcceptEncoding` (Cloudflare
 * docs, "Cloudflare HTTP request headers", Accept-Encoding); Miniflare's entry worker does the
 * same under `wrangler dev`, with "" for a client that sent none. Where there is no `cf`
 * value (tests, workerd on its own) the header is the client's own.
 */
export function clientAcceptEncoding(request: Request): string | null {
  const original: unknown = request.cf?.clientAcceptEncoding;
  return typeof original === "string" ? original : request.headers.get("accept-encoding");
}

/**
 * Whether to send gzip to a client with this Accept-Encoding: gzip (or its alias x-gzip,
 * §8.4.1.3), else `*`, has a non-zero weight no lower than one the client gives identity by
 * name. No header at all also allows any coding (§12.5.3), but such clients are often simple
 * tools (`curl` without `--compressed`) that show whatever bytes arrive: they get identity.
 */
export function acceptsGzip(header: string | null): boolean {
  if (header === null) return false;
  let gzip: number | undefined;
  let star: number | undefined;
  let identity = 0;
  for (const { value: coding, quality: weight } of parseWeightedList(header)) {
    if (!CODING.test(coding)) continue;
    if (coding === "gzip" || coding === "x-gzip") gzip = Math.max(gzip ?? 0, weight);
    else if (coding === "*") star = weight;
    else if (coding === "identity") identity = weight;
  }
  const weight = gzip ?? star ?? 0;
  return weight > 0 && weight >= identity;
}
