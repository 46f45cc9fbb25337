import { LinkifyIt } from "linkify-it";

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

export interface FoundLink {
  /** Where the address as written starts and ends in the text (UTF-16 offsets). */
  readonly index: number;
  readonly lastIndex: number;
  /** linkify-it's normalised URL: the scheme added to a `www.` address. */
  readonly url: string;
  readonly origin: string;
}

/**
 * The web addresses in `text`, as linkify-it finds them reading the whole of it: what a reader
 * of the text would take for a link. Its cost follows the text's length: the search for hosts
 * without a scheme runs a Unicode-class RegExp at every character. `findLinks` gives the same
 * answer for less.
 */
export function linkifyLinks(text: string): FoundLink[] {
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
 * Where linkify-it's text breaks: its whitespace and control characters (uc.micro's Z and Cc).
 * None is ever part of a link, and on either side of a link linkify-it reads one as it reads
 * the start or end of the text, so the links of a text are the links of its words.
 */
const BREAK = new RegExp(linkify.re.src_ZCc);
const NEXT_BREAK = new RegExp(linkify.re.src_ZCc, "g");

/**
 * Exactly `linkifyLinks(text)`, with linkify-it reading only the words that hold "http:",
 * "https:" or "www." (in any letter case): every link kept starts with one of them. Text
 * without them, most of an article, costs one scan for those letters. Each such word is read
 * whole, not from the letters on: linkify-it reads a word left to right, so a name it finds and
 * we drop ("example.com/www.example.org", "news.ua/https://example.org") takes in what follows
 * it, which is then no link, as when all of the text is read.
 */
export function findLinks(text: string): FoundLink[] {
  const found: FoundLink[] = [];
  const candidates = /https?:|www\./gi;
  for (let hit = candidates.exec(text); hit !== null; hit = candidates.exec(text)) {
    const start = wordStart(text, hit.index);
    const end = wordEnd(text, hit.index);
    for (const link of linkifyLinks(text.slice(start, end))) {
      found.push({ ...link, index: start + link.index, lastIndex: start + link.lastIndex });
    }
    candidates.lastIndex = end;
  }
  return found;
}

function wordStart(text: string, at: number): number {
  let start = at;
  while (start > 0 && !BREAK.test(text.charAt(start - 1))) start--;
  return start;
}

function wordEnd(text: string, at: number): number {
  NEXT_BREAK.lastIndex = at;
  return NEXT_BREAK.exec(text)?.index ?? text.length;
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
