import type { Random } from "../support/random.ts";

/** What the generator knows of the site: real paths and their current validators. */
export interface SiteKnowledge {
  readonly paths: readonly string[];
  readonly etags: readonly string[];
  readonly lastModified: readonly string[];
}

export interface GeneratedRequest {
  readonly method: string;
  readonly bytes: Buffer;
  /** A short label of the request line, for reports. */
  readonly label: string;
  /**
   * Whether it breaks HTTP/1.1 syntax (RFC 9112) on purpose: the runtime may refuse it with
   * 400 or close the connection before the Worker sees it.
   */
  readonly malformed: boolean;
}

const METHODS = [
  "GET",
  "GET",
  "GET",
  "GET",
  "GET",
  "HEAD",
  "HEAD",
  "POST",
  "PUT",
  "DELETE",
  "PATCH",
  "OPTIONS",
  "TRACE",
  "PROPFIND",
  "get",
  "G3T",
  "X".repeat(300),
];

/** Route-shaped paths that are not (yet) published, so they exercise the 404 and future routes. */
const NEAR_MISSES = [
  "/articles/",
  "/articles",
  "/articles/0000000000000000",
  "/articles/0000000000000000/no-such-slug/",
  "/articles/no-such-first-version-slug",
  "/page/2",
  "/page/0",
  "/page/-1",
  "/page/1e3",
  "/page/99999999999999999999",
  "/sitemap.xml",
  "/robots.txt",
  "/favicon.ico",
  "/RSS.XML",
  "/rss.xml/",
  "/index.html",
  "/feed",
  "/.well-known/security.txt",
];

/** Pieces that attack path handling: traversal in all spellings, encoded separators, bad escapes. */
const PATH_PIECES = [
  "..",
  "%2e%2e",
  "%2E%2e",
  ".%2e",
  "%2e.",
  "%2F",
  "%2f",
  "%5C",
  "\\",
  "//",
  "%00",
  "%",
  "%g1",
  "%zz",
  "%1",
  "%C0%AE",
  "%C0%AF",
  "%E0%80%AE",
  "%FF",
  "%ef%bf%bf",
  "%ed%a0%80",
  ";",
  ";jsessionid=1",
  "%3B",
  "%23",
  "%3F",
  "~",
  "$",
  "@",
  ":",
  "*",
  "%20",
  "+",
  "'",
  '"',
  "<x>",
  "%3Cscript%3E",
  "статті",
  "%D1%81%D1%82%D0%B0%D1%82%D1%82%D1%96",
  "😀",
  "\u202e",
  "\u0000",
  "\u0001",
  "\u007f",
  " ",
  "\t",
  "#frag",
];

const DATES = [
  (d: Date) => d.toUTCString(),
  (d: Date) =>
    d
      .toUTCString()
      .replace(
        /^(\w{3}),/,
        (day) =>
          ({
            "Mon,": "Monday,",
            "Tue,": "Tuesday,",
            "Wed,": "Wednesday,",
            "Thu,": "Thursday,",
            "Fri,": "Friday,",
            "Sat,": "Saturday,",
            "Sun,": "Sunday,",
          })[day] ?? day,
      )
      .replace(/ (\d{4}) /, (_, y: string) => `-${y.slice(2)} `)
      .replace(/(\d{2}) (\w{3})-/, "$1-$2-"),
  (d: Date) => {
    const [day, , month, year, time] = d.toUTCString().replace(",", "").split(" ");
    return `${day} ${month} ${String(d.getUTCDate()).padStart(2, " ")} ${time} ${year}`;
  },
  (d: Date) => d.toISOString(),
  (d: Date) => String(Math.floor(d.getTime() / 1000)),
  (d: Date) => d.toUTCString().toLowerCase(),
  (d: Date) => d.toUTCString().replace("GMT", "+0000"),
  (d: Date) => d.toUTCString().replace("GMT", "UTC"),
  (d: Date) => d.toString(),
  () => "",
  () => "Sun, 31 Feb 2025 00:00:00 GMT",
  () => "Thu, 01 Jan 1970 00:00:00 GMT",
  () => "Fri, 31 Dec 9999 23:59:59 GMT",
  () => "Mon, 01 Jan 0001 00:00:00 GMT",
  () => "Tue, 99 Zzz 2025 99:99:99 GMT",
  () => "yesterday",
  () => "\u00ff\u00fe",
];

const ACCEPTS = [
  "*/*",
  "text/html",
  "text/html;q=0",
  "application/rss+xml",
  "application/atom+xml, text/html;q=0.9",
  "application/feed+json",
  "application/json",
  "application/xml;q=0.1, */*;q=0",
  "image/png",
  "garbage",
  ";;;,,,",
  "*/*;q=abc",
  "text/*",
  `${"a/b, ".repeat(500)}*/*`,
  "",
];
const RANGES = [
  "bytes=0-10",
  "bytes=-5",
  "bytes=999999-",
  "bytes=5-1",
  "bytes=a-b",
  "bytes=0-0,1-1,2-2",
  "items=0-1",
  "bytes=",
  "bytes=0-99999999999999999999999",
];
const HOSTS = [
  "127.0.0.1",
  "evil.example",
  "",
  "localhost:1",
  "[::1]:80",
  "a".repeat(300),
  "127.0.0.1:99999",
  "exa mple",
  "ex%41mple",
  "Ünïcödé.example",
];

function randomPath(random: Random, site: SiteKnowledge): string {
  const base = random.chance(0.6) ? random.pick(site.paths) : random.pick(NEAR_MISSES);
  if (random.chance(0.3)) return base;
  let path = base;
  for (let i = random.int(1, 4); i > 0; i--) {
    const piece = random.pick(PATH_PIECES);
    const at = random.int(0, path.length);
    path = random.chance(0.5) ? `${path.slice(0, at)}${piece}${path.slice(at)}` : `${path}/${piece}`;
  }
  if (random.chance(0.02)) path = `${path}/${"a".repeat(random.int(1000, 16_384))}`;
  if (random.chance(0.02)) path = `${"/..".repeat(random.int(1, 200))}${path}`;
  if (random.chance(0.01)) path = `http://evil.example${path}`;
  if (random.chance(0.005)) path = "*";
  return path;
}

function randomQuery(random: Random): string {
  if (random.chance(0.7)) return "";
  const pairs = Array.from(
    { length: random.int(1, 5) },
    () => `${random.pick(PATH_PIECES)}=${random.pick(PATH_PIECES)}`,
  );
  if (random.chance(0.05)) pairs.push(`q=${"x".repeat(random.int(1000, 8000))}`);
  return `?${pairs.join("&")}`;
}

function ifNoneMatch(random: Random, site: SiteKnowledge): string {
  const etag = random.pick(site.etags);
  return random.pick([
    () => etag,
    () => `W/${etag}`,
    () => "*",
    () => ` * `,
    () => `"nope", ${etag}, "other"`,
    () => `"a","b",W/"c"`,
    () => etag.replaceAll('"', ""),
    () => `${etag.slice(0, -1)}`,
    () => "garbage",
    () => '""',
    () => ",,,",
    () => Array.from({ length: 200 }, (_, i) => `"${i}"`).join(", "),
    () => `"${"x".repeat(4000)}"`,
    () => `W/"\u0000"`,
  ])();
}

function randomHeaders(random: Random, site: SiteKnowledge): string[] {
  const headers: string[] = [];
  if (!random.chance(0.03)) headers.push(`Host: ${random.chance(0.85) ? "127.0.0.1" : random.pick(HOSTS)}`);
  if (random.chance(0.3)) headers.push(`If-None-Match: ${ifNoneMatch(random, site)}`);
  if (random.chance(0.3)) {
    const known = random.chance(0.5) ? new Date(random.pick(site.lastModified)) : new Date(random.int(-1e12, 4e12));
    const date = Number.isNaN(known.getTime()) ? new Date(0) : known;
    headers.push(`If-Modified-Since: ${random.pick(DATES)(date)}`);
  }
  if (random.chance(0.3)) headers.push(`Accept: ${random.pick(ACCEPTS)}`);
  if (random.chance(0.1)) headers.push(`Range: ${random.pick(RANGES)}`);
  if (random.chance(0.1))
    headers.push(`Accept-Encoding: ${random.pick(["gzip", "br", "gzip, deflate, br", "identity;q=0", "*"])}`);
  if (random.chance(0.03)) headers.push(`X-Big: ${"b".repeat(random.int(1000, 32_000))}`);
  if (random.chance(0.03)) for (let i = random.int(2, 100); i > 0; i--) headers.push(`X-Repeat: ${i}`);
  if (random.chance(0.02))
    headers.push(`If-None-Match: ${ifNoneMatch(random, site)}`, `If-None-Match: ${ifNoneMatch(random, site)}`);
  if (random.chance(0.01)) headers.push("No colon here");
  if (random.chance(0.01)) headers.push("Bad Name: x");
  if (random.chance(0.01)) headers.push(`X-Ctl: a\u0000b`);
  if (random.chance(0.01)) headers.push("X-Folded: a", " continued");
  return headers;
}

/** One random request, as the bytes to put on the wire. */
export function generateRequest(random: Random, site: SiteKnowledge): GeneratedRequest {
  const method = random.pick(METHODS);
  const target = `${randomPath(random, site)}${randomQuery(random)}`;
  const headers = randomHeaders(random, site);
  let body = "";
  if (["POST", "PUT", "PATCH"].includes(method) && random.chance(0.8)) {
    body = random.chance(0.5) ? "x=1" : "<?xml version='1.0'?><a/>";
    headers.push(random.chance(0.8) ? `Content-Length: ${Buffer.byteLength(body)}` : "Transfer-Encoding: chunked");
    if (headers.at(-1)?.startsWith("Transfer"))
      body = `${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n0\r\n\r\n`;
  }
  const version = random.chance(0.02)
    ? random.pick(["HTTP/1.0", "HTTP/2.0", "HTTP/1.1 extra", "HTTX/1.1"])
    : "HTTP/1.1";
  const head = `${method} ${target} ${version}\r\n${headers.join("\r\n")}${headers.length > 0 ? "\r\n" : ""}\r\n`;
  const malformed =
    !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(method) ||
    !/^[\x21-\x7e]+$/.test(target) ||
    version !== "HTTP/1.1" ||
    headers.some((h) => !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+:[\t\x20-\x7e]*$/.test(h));
  return {
    method,
    bytes: Buffer.concat([Buffer.from(head, "utf8"), Buffer.from(body, "utf8")]),
    label: `${method.slice(0, 10)} ${JSON.stringify(target.slice(0, 60))}`,
    malformed,
  };
}
