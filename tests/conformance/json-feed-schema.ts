// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) as a JSON Schema (draft-07), written
// from the spec's text. Custom fields are allowed only with the "_" prefix the spec reserves
// for extensions, so a misspelt or 1.0-only field is reported instead of silently ignored.

/** 1.1: "extensions ... must start with an _ (underscore)". */
const EXTENSIONS = { "^_": {} } as const;
const URL = { type: "string", format: "uri" } as const;
/** 1.1 dates are "in RFC 3339 format", which always carries a zone ("Z" or an offset). */
const DATE = { type: "string", format: "date-time" } as const;

/** 1.1 author object: name, url, avatar, all optional, but "must include at least one". */
const AUTHOR = {
  type: "object",
  properties: { name: { type: "string" }, url: URL, avatar: URL },
  anyOf: [{ required: ["name"] }, { required: ["url"] }, { required: ["avatar"] }],
  patternProperties: EXTENSIONS,
  additionalProperties: false,
} as const;

const AUTHORS = { type: "array", items: AUTHOR } as const;
/** 1.1 replaced the single `author` object with `authors`; a 1.1 feed must not use the old one. */
const NO_SINGLE_AUTHOR = false;

const ATTACHMENT = {
  type: "object",
  required: ["url", "mime_type"],
  properties: {
    url: URL,
    mime_type: { type: "string" },
    title: { type: "string" },
    size_in_bytes: { type: "number" },
    duration_in_seconds: { type: "number" },
  },
  patternProperties: EXTENSIONS,
  additionalProperties: false,
} as const;

const ITEM = {
  type: "object",
  // 1.1: "id (required, string)"; "content_html and content_text are each optional strings —
  // but one or both must be present".
  required: ["id"],
  anyOf: [{ required: ["content_html"] }, { required: ["content_text"] }],
  properties: {
    author: NO_SINGLE_AUTHOR,
    id: { type: "string", minLength: 1 },
    url: URL,
    external_url: URL,
    title: { type: "string" },
    content_html: { type: "string" },
    content_text: { type: "string" },
    summary: { type: "string" },
    image: URL,
    banner_image: URL,
    date_published: DATE,
    date_modified: DATE,
    authors: AUTHORS,
    tags: { type: "array", items: { type: "string" } },
    language: { type: "string", minLength: 1 },
    attachments: { type: "array", items: ATTACHMENT },
  },
  patternProperties: EXTENSIONS,
  additionalProperties: false,
} as const;

export const JSON_FEED_1_1_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "JSON Feed 1.1",
  type: "object",
  required: ["version", "title", "items"],
  properties: {
    author: NO_SINGLE_AUTHOR,
    version: { const: "https://jsonfeed.org/version/1.1" },
    title: { type: "string" },
    home_page_url: URL,
    feed_url: URL,
    description: { type: "string" },
    user_comment: { type: "string" },
    next_url: URL,
    icon: URL,
    favicon: URL,
    authors: AUTHORS,
    language: { type: "string", minLength: 1 },
    expired: { type: "boolean" },
    hubs: {
      type: "array",
      items: {
        type: "object",
        required: ["type", "url"],
        properties: { type: { type: "string" }, url: URL },
        patternProperties: EXTENSIONS,
        additionalProperties: false,
      },
    },
    items: { type: "array", items: ITEM },
  },
  patternProperties: EXTENSIONS,
  additionalProperties: false,
} as const;
