import { articlePath } from "../../src/model/paths.ts";
import { fetchResource, type RawResponse, rawRequest } from "./http-client.ts";
import type { Problems } from "./report.ts";
import { FEEDS, type SuiteContext } from "./suite-context.ts";

type Header = readonly [string, string | Buffer];

/**
 * Values no client should send; whatever they are, the answer is never a 5xx: a malformed
 * If-None-Match or If-Modified-Since counts as absent (src/serve/conditional.ts), and the
 * Worker reads none of the others.
 */
const GARBAGE: readonly Header[] = [
  ["If-None-Match", '"unterminated'],
  ["If-None-Match", "W/"],
  ["If-None-Match", "no quotes at all"],
  ["If-None-Match", ",,,"],
  ["If-None-Match", `"${"x".repeat(8_000)}"`],
  ["If-None-Match", Buffer.from([0x22, 0xff, 0xfe, 0x80, 0x22])],
  ["If-Modified-Since", "yesterday"],
  ["If-Modified-Since", "Thu, 31 Feb 2025 25:61:61 GMT"],
  ["If-Modified-Since", "99999999999999999999"],
  ["If-Modified-Since", "Sat, 01 Jan 10000 00:00:00 GMT"],
  ["If-Modified-Since", Buffer.from("Mon, 24 Feb 2025 01:27:00 G\xffT", "latin1")],
  ["If-Match", "garbage"],
  ["If-Unmodified-Since", "garbage"],
  ["If-Range", "garbage"],
  ["Range", "bytes=garbage"],
];

const LONG_AGO = "Mon, 01 Jan 1990 00:00:00 GMT";

/**
 * HTTP as feed readers use it (RFC 9110 §13, §9.3.2), over the wire, for every feed, the
 * home page and one article page.
 */
export async function checkHttp(context: SuiteContext): Promise<void> {
  const { report, name, baseUrl, corpus } = context;
  const newest = corpus.published[0];
  const paths = [...FEEDS.map((feed) => feed.path), "/", ...(newest ? [articlePath(newest)] : [])];
  for (const path of paths) await checkResource(context, path);

  if (newest) {
    const canonical = `${baseUrl}${articlePath(newest)}`;
    const otherNames = [`/articles/${newest.id}`, `${articlePath(newest)}/`, `/articles/${newest.legacySlug}`];
    await report.check(name("an article's other names are 301 to its canonical URL"), async () => {
      const problems: string[] = [];
      for (const path of otherNames) {
        const { status, headers } = await fetchResource(`${baseUrl}${path}`);
        const location = headers.get("location");
        if (status !== 301 || location !== canonical) problems.push(`${path}: ${status} to ${location}`);
      }
      return problems;
    });
  }

  await report.check(name("unknown slug is 404"), async () => {
    const { status } = await fetchResource(`${baseUrl}/articles/no-such-article-${Date.now()}`);
    return status === 404 ? [] : [`status ${status}`];
  });
  await report.check(name("unknown path is 404"), async () => {
    const { status } = await fetchResource(`${baseUrl}/no/such/path.xml`);
    return status === 404 ? [] : [`status ${status}`];
  });
}

async function checkResource(context: SuiteContext, path: string): Promise<void> {
  const { report, name, baseUrl } = context;
  const get = (headers: readonly Header[] = []) => rawRequest(baseUrl, "GET", path, headers);
  const first = await get();
  const etag = first.headers.get("etag") ?? "";
  const lastModified = first.headers.get("last-modified") ?? "";
  const opaque = etag.replace(/^W\//, "");

  await report.check(name(`${path}: 200 with ETag and Last-Modified`), () => {
    const problems: string[] = [];
    if (first.status !== 200) problems.push(`status ${first.status}`);
    if (!/^(W\/)?"[\x21\x23-\x7e\x80-\xff]*"$/.test(etag))
      problems.push(`ETag ${JSON.stringify(etag)} is not an entity-tag`);
    if (Number.isNaN(Date.parse(lastModified)) || !lastModified.endsWith(" GMT")) {
      problems.push(`Last-Modified ${JSON.stringify(lastModified)} is not an HTTP-date`);
    }
    if (first.afterHeaders.length === 0) problems.push("empty body");
    return problems;
  });
  if (first.status !== 200 || etag === "" || lastModified === "") return;

  const notModified = async (headers: readonly Header[]): Promise<Problems> =>
    expectNotModified(await get(headers), etag);
  await report.check(name(`${path}: If-None-Match (exact) → 304, empty body`), () =>
    notModified([["If-None-Match", etag]]),
  );
  await report.check(name(`${path}: If-None-Match (weak W/ form) → 304, empty body`), () =>
    notModified([["If-None-Match", `W/${opaque}`]]),
  );
  await report.check(name(`${path}: If-None-Match (a list) → 304, empty body`), () =>
    notModified([["If-None-Match", `"not-it", W/"nor-this", ${etag}, "after"`]]),
  );
  await report.check(name(`${path}: If-None-Match * → 304`), () => notModified([["If-None-Match", "*"]]));
  await report.check(name(`${path}: If-Modified-Since (= Last-Modified) → 304, empty body`), () =>
    notModified([["If-Modified-Since", lastModified]]),
  );
  await report.check(name(`${path}: If-None-Match (other tag) → 200`), async () =>
    expectFull(await get([["If-None-Match", '"some-other-version"']])),
  );
  await report.check(name(`${path}: If-Modified-Since (before Last-Modified) → 200`), async () =>
    expectFull(await get([["If-Modified-Since", LONG_AGO]])),
  );
  // RFC 9110 §13.1.3: a recipient must ignore If-Modified-Since when If-None-Match is present.
  await report.check(name(`${path}: If-None-Match wins over If-Modified-Since (mismatch + match → 200)`), async () =>
    expectFull(
      await get([
        ["If-None-Match", '"some-other-version"'],
        ["If-Modified-Since", lastModified],
      ]),
    ),
  );
  await report.check(name(`${path}: If-None-Match wins over If-Modified-Since (match + old → 304)`), () =>
    notModified([
      ["If-None-Match", etag],
      ["If-Modified-Since", LONG_AGO],
    ]),
  );

  await report.check(name(`${path}: HEAD has GET's headers and no body`), async () => {
    const head = await rawRequest(baseUrl, "HEAD", path);
    const problems: string[] = [];
    if (head.status !== 200) problems.push(`status ${head.status}`);
    for (const field of ["content-type", "etag", "last-modified", "cache-control"]) {
      if (head.headers.get(field) !== first.headers.get(field)) {
        problems.push(`${field}: HEAD ${head.headers.get(field)}, GET ${first.headers.get(field)}`);
      }
    }
    if (head.afterHeaders.length > 0) problems.push(`${head.afterHeaders.length} body bytes sent`);
    return problems;
  });

  await report.check(name(`${path}: ${GARBAGE.length} garbage conditional headers never give a 5xx`), async () => {
    const problems: string[] = [];
    for (const header of GARBAGE) {
      const response = await get([header]);
      if (response.status >= 500) problems.push(`${header[0]}: ${describe(header[1])} → ${response.status}`);
    }
    return problems;
  });

  await report.check(name(`${path}: POST, PUT, DELETE → 405 with Allow`), async () => {
    const problems: string[] = [];
    for (const method of ["POST", "PUT", "DELETE"]) {
      const response = await rawRequest(baseUrl, method, path);
      if (response.status !== 405) problems.push(`${method} → ${response.status}`);
      else if (!/\bGET\b/.test(response.headers.get("allow") ?? "")) problems.push(`${method}: no Allow with GET`);
    }
    return problems;
  });
}

/** RFC 9110 §15.4.5: 304 has no content, and carries the ETag a 200 would have. */
function expectNotModified(response: RawResponse, etag: string): Problems {
  const problems: string[] = [];
  if (response.status !== 304) problems.push(`status ${response.status}, expected 304`);
  if (response.afterHeaders.length > 0) problems.push(`${response.afterHeaders.length} body bytes sent`);
  if (response.status === 304 && response.headers.get("etag") !== etag) {
    problems.push(`304 ETag ${response.headers.get("etag")}, expected ${etag}`);
  }
  return problems;
}

function expectFull(response: RawResponse): Problems {
  if (response.status !== 200) return [`status ${response.status}, expected 200`];
  return response.afterHeaders.length > 0 ? [] : ["200 without a body"];
}

function describe(value: string | Buffer): string {
  const text = typeof value === "string" ? value : `bytes ${value.toString("hex")}`;
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
