import { decodeHTMLAttribute } from "entities";
import { SaxesParser } from "saxes";

/**
 * Links in an HTML document or fragment: every href, src and action attribute, plus the
 * URLs in srcset. Attribute values are decoded (so "&amp;" in a query is "&").
 */
export function linksInHtml(html: string): string[] {
  const links: string[] = [];
  for (const tag of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
    for (const attribute of tag[0].matchAll(/\s(href|src|action|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
      const value = decodeHTMLAttribute(attribute[2] ?? attribute[3] ?? attribute[4] ?? "");
      if (attribute[1]?.toLowerCase() === "srcset") {
        links.push(...value.split(",").map((candidate) => candidate.trim().split(/\s+/)[0] ?? ""));
      } else {
        links.push(value);
      }
    }
  }
  return links.filter((link) => link !== "");
}

const ABSOLUTE_URL = /^https?:\/\/\S+$/;

/**
 * Links in an XML document (RSS, Atom, a sitemap): attributes named href, src or url,
 * element text that is an absolute URL (<link>, <loc>, a permalink <guid>), and the links
 * inside text that carries HTML (<description>, <content:encoded>, Atom type="html").
 * Throws when the document is not well-formed.
 */
export function linksInXml(xml: string): string[] {
  const links: string[] = [];
  const parser = new SaxesParser({ xmlns: false });
  let text = "";
  parser.on("opentag", (tag) => {
    text = "";
    for (const [name, value] of Object.entries(tag.attributes)) {
      if (/^(href|src|url)$/i.test(name) && typeof value === "string") links.push(value);
    }
  });
  parser.on("text", (chunk) => {
    text += chunk;
  });
  parser.on("cdata", (chunk) => {
    text += chunk;
  });
  parser.on("closetag", () => {
    const trimmed = text.trim();
    if (ABSOLUTE_URL.test(trimmed)) links.push(trimmed);
    else if (trimmed.includes("<")) links.push(...linksInHtml(trimmed));
    text = "";
  });
  parser.write(xml).close();
  return links;
}

/** Links in a JSON document: strings that are absolute URLs, and links inside `*_html` fields. */
export function linksInJson(value: unknown, key = ""): string[] {
  if (typeof value === "string") {
    if (key.endsWith("_html")) return linksInHtml(value);
    return ABSOLUTE_URL.test(value) ? [value] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item) => linksInJson(item, key));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([name, item]) => linksInJson(item, name));
  }
  return [];
}

/** Links in plain text such as robots.txt: absolute URLs anywhere in it. */
export function linksInText(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s<>"']+/g)].map((match) => match[0]);
}
