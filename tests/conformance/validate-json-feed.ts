import { Ajv, type ErrorObject } from "ajv";
import addFormats from "ajv-formats";
import { JSON_FEED_1_1_SCHEMA } from "./json-feed-schema.ts";

// strictRequired off: "anyOf: [{ required: [a] }, { required: [b] }]" is how "one or both" is said.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);
const validate = ajv.compile(JSON_FEED_1_1_SCHEMA);

/** Every way `document` breaks JSON Feed 1.1, as "path: message" lines; empty when valid. */
export function validateJsonFeed(document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map(describe);
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === "" ? "(feed)" : error.instancePath;
  const extra = error.keyword === "additionalProperties" ? ` (${String(error.params.additionalProperty)})` : "";
  return `${where}: ${error.message ?? error.keyword}${extra}`;
}

const GOOD_ITEM = { id: "0a1b2c3d4e5f6a7b", content_html: "<p>x</p>", date_published: "2025-02-24T01:27:00Z" };
const GOOD_FEED = { version: "https://jsonfeed.org/version/1.1", title: "t", items: [GOOD_ITEM] };

/**
 * Feeds the schema must reject, one per rule the brief names, so a schema that accepts
 * everything fails the suite instead of passing every feed.
 */
export const MUST_REJECT: readonly (readonly [string, unknown])[] = [
  ["version 1.0", { ...GOOD_FEED, version: "https://jsonfeed.org/version/1" }],
  ["single author", { ...GOOD_FEED, author: { name: "a" } }],
  ["item author", { ...GOOD_FEED, items: [{ ...GOOD_ITEM, author: { name: "a" } }] }],
  ["empty author object", { ...GOOD_FEED, authors: [{}] }],
  ["numeric id", { ...GOOD_FEED, items: [{ ...GOOD_ITEM, id: 1 }] }],
  ["no content", { ...GOOD_FEED, items: [{ id: "x" }] }],
  ["date without zone", { ...GOOD_FEED, items: [{ ...GOOD_ITEM, date_published: "2025-02-24T01:27:00" }] }],
  ["RFC 822 date", { ...GOOD_FEED, items: [{ ...GOOD_ITEM, date_published: "Mon, 24 Feb 2025 01:27:00 GMT" }] }],
  ["relative url", { ...GOOD_FEED, items: [{ ...GOOD_ITEM, url: "/articles/x" }] }],
  ["no items", { version: GOOD_FEED.version, title: "t" }],
];

/** The schema accepts a minimal valid feed and rejects each MUST_REJECT case. */
export function checkSchemaDiscriminates(): string[] {
  const problems = validateJsonFeed(GOOD_FEED).map((p) => `rejects a valid minimal feed: ${p}`);
  for (const [name, document] of MUST_REJECT) {
    if (validateJsonFeed(document).length === 0) problems.push(`accepts a feed with ${name}`);
  }
  return problems;
}
