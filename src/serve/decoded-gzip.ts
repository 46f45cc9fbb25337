/**
 * The bytes a gzip coding holds, decoded as they are sent, for a client that does not accept
 * gzip. Their length is known from the build: workerd sends a Content-Length only for a body
 * whose length it knows (a FixedLengthStream), and the stream fails rather than end short, so a
 * client never takes a cut body for a whole one.
 */
export function decodedGzip(gzip: Uint8Array, length: number): ReadableStream<Uint8Array> {
  return new Blob([gzip as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream("gzip"))
    .pipeThrough(new FixedLengthStream(length));
}
