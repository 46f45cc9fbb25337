import { LinkifyIt } from "linkify-it";
import type { Site } from "../model/site.ts";
import { html } from "./html.ts";

type Template = ReturnType<typeof html>;

/**
 * The link finder: markdown-it's, which knows where a URL written in prose ends (trailing
 * punctuation, balanced parentheses, quotes). Only web addresses: `http://`, `https://`, and
 * `www.` names, which linkify-it finds as "fuzzy" links (a host with a known top-level domain
 * and no scheme). Other fuzzy links are dropped below: in news text "example.com" is as often
 * a name being mentioned as an address, and a file name such as "report.pdf" would become a
 * link to a stranger's domain. No e-mail addresses (they would hand harvesters a mailto:),
 * no "//" or ftp:, no user:password@ (urlAuth off), and no host that is an IP address or a
 * name without a dot such as "localhost" (below).
 */
const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: false, fuzzyIP: false })
  .add("ftp:", null)
  .add("//", null)
  .add("mailto:", null);

/**
 * A paragraph's text as HTML in which every web address written in it is a link. The link's
 * text is exactly what was written; its href is linkify-it's normalised URL (scheme added to a
 * `www.` address). Both go through the one escaping template, so the text is escaped exactly
 * once and nothing else in it becomes markup. A link that leaves the site gets
 * rel="nofollow noopener": the site vouches for none of them (nofollow), and the page opened
 * gets no handle on this one (noopener). A link to the site itself gets no rel.
 */
export function linkedText(site: Site, text: string): Template {
  const links = findLinks(text);
  if (links.length === 0) return html`${text}`;
  const siteOrigin = new URL(site.baseUrl).origin;
  const parts: Template[] = [];
  let at = 0;
  for (const link of links) {
    parts.push(html`${text.slice(at, link.index)}`);
    const written = text.slice(link.index, link.lastIndex);
    parts.push(
      link.origin === siteOrigin
        ? html`<a href="${link.url}">${written}</a>`
        : html`<a href="${link.url}" rel="nofollow noopener">${written}</a>`,
    );
    at = link.lastIndex;
  }
  parts.push(html`${text.slice(at)}`);
  return html`${parts}`;
}

interface FoundLink {
  readonly index: number;
  readonly lastIndex: number;
  readonly url: string;
  readonly origin: string;
}

function findLinks(text: string): FoundLink[] {
  const found: FoundLink[] = [];
  for (const match of linkify.match(text) ?? []) {
    // A fuzzy link has no schema; of those only the ones written with "www." are addresses.
    if (match.schema === "" && !match.raw.toLowerCase().startsWith("www.")) continue;
    const parsed = URL.parse(match.url);
    if (parsed === null || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) continue;
    if (!isPublicName(parsed.hostname)) continue;
    found.push({ index: match.index, lastIndex: match.lastIndex, url: match.url, origin: parsed.origin });
  }
  return found;
}

/**
 * A host named in the public DNS, not an IP address (seldom what an article means to send a
 * reader to, and a common disguise) nor a dotless name like "localhost", which would lead to
 * the reader's own machine or network. The URL parser has already rewritten every IPv4
 * spelling ("0x7f.1", "2130706433") as four decimal numbers; an IPv6 host keeps its brackets.
 */
function isPublicName(hostname: string): boolean {
  if (hostname.startsWith("[") || !hostname.includes(".")) return false;
  return !/^\d+\.\d+\.\d+\.\d+$/.test(hostname);
}
