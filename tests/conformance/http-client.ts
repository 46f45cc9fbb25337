import { connect } from "node:net";

/** What feed readers send: feeds first, anything else acceptable (so no HTML preview). */
export const FEED_READER_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8";
/** What a browser sends when a person opens a link. */
export const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

export interface Fetched {
  readonly url: string;
  readonly status: number;
  readonly headers: Headers;
  readonly body: Uint8Array;
  readonly text: string;
}

/** GET (or another method) with fetch; the body is read whole, redirects are not followed. */
export async function fetchResource(url: string, init: RequestInit = {}): Promise<Fetched> {
  const response = await fetch(url, {
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
    ...init,
    headers: { accept: FEED_READER_ACCEPT, ...(init.headers as Record<string, string> | undefined) },
  });
  const body = new Uint8Array(await response.arrayBuffer());
  return { url, status: response.status, headers: response.headers, body, text: new TextDecoder().decode(body) };
}

export interface RawResponse {
  readonly status: number;
  /** Lower-case names; repeated fields joined with ", ". */
  readonly headers: ReadonlyMap<string, string>;
  /** Every byte the server sent after the header block, undecoded. */
  readonly afterHeaders: Buffer;
}

/**
 * One HTTP/1.1 request over a plain socket, read until the server closes it. fetch hides
 * what was on the wire (it drops a body sent with a 304 or a HEAD answer, and refuses
 * header values that are not ByteStrings), so the checks that are about the wire use this.
 */
export function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  headers: readonly (readonly [string, string | Buffer])[] = [],
): Promise<RawResponse> {
  const { hostname, port, host } = new URL(baseUrl);
  const lines = [
    Buffer.from(
      `${method} ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\nAccept: ${FEED_READER_ACCEPT}\r\n`,
    ),
    ...headers.map(([name, value]) =>
      Buffer.concat([Buffer.from(`${name}: `), Buffer.from(value), Buffer.from("\r\n")]),
    ),
    Buffer.from(method === "POST" || method === "PUT" ? "Content-Length: 0\r\n\r\n" : "\r\n"),
  ];
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    socket.setTimeout(15_000, () => socket.destroy(new Error(`${method} ${path}: no answer within 15 s`)));
    // write, not end: some servers treat a half-closed socket as an aborted request.
    socket.on("connect", () => socket.write(Buffer.concat(lines)));
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      try {
        resolve(parseRawResponse(Buffer.concat(chunks)));
      } catch (error) {
        reject(new Error(`${method} ${path}: ${(error as Error).message}`));
      }
    });
  });
}

function parseRawResponse(bytes: Buffer): RawResponse {
  const end = bytes.indexOf("\r\n\r\n");
  if (end < 0) throw new Error(`incomplete response (${bytes.length} bytes)`);
  const [statusLine = "", ...fieldLines] = bytes.subarray(0, end).toString("latin1").split("\r\n");
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1];
  if (status === undefined) throw new Error(`not an HTTP/1.1 status line: ${JSON.stringify(statusLine)}`);
  const headers = new Map<string, string>();
  for (const line of fieldLines) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
  }
  return { status: Number(status), headers, afterHeaders: bytes.subarray(end + 4) };
}
