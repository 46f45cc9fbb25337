// Bench-only prototype, not the product: the built Worker, plus a gzip body for clients that
// accept it. Each distinct 200 body (by ETag) is compressed once per isolate with
// CompressionStream and kept, as the Edition keeps identity bodies; a request then only picks
// one. `encodeBody: "manual"` makes workerd send the bytes as they are (already encoded).
import inner from "./index.js";

const gzipByEtag = new Map();

function acceptsGzip(request) {
  return /(?:^|,)\s*gzip\s*(?:;\s*q=(?!0(?:\.0*)?\s*(?:,|$))[\d.]+)?\s*(?:,|$)/i.test(
    request.headers.get("accept-encoding") ?? "",
  );
}

function compress(response) {
  return new Response(response.body.pipeThrough(new CompressionStream("gzip"))).arrayBuffer();
}

export default {
  async fetch(request, env, ctx) {
    const response = await inner.fetch(request, env, ctx);
    const etag = response.headers.get("etag");
    const coded = response.headers.has("content-encoding");
    // A body the product already gzipped (Atom, JSON Feed) goes out as it is.
    if (response.status !== 200 || etag === null || coded || request.method !== "GET" || !acceptsGzip(request)) {
      return response;
    }
    let gzipped = gzipByEtag.get(etag);
    if (gzipped === undefined) {
      gzipped = compress(response);
      gzipByEtag.set(etag, gzipped);
    } else {
      response.body?.cancel();
    }
    const headers = new Headers(response.headers);
    headers.set("content-encoding", "gzip");
    headers.set("vary", "accept-encoding");
    // A different representation needs a different strong validator (RFC 9110 §8.8.3).
    headers.set("etag", `${etag.slice(0, -1)}-gzip"`);
    return new Response(await gzipped, { status: 200, headers, encodeBody: "manual" });
  },
};
