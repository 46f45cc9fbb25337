/**
 * `feed` writes every RSS title and description as a CDATA section, through xml-js. Two things
 * about that need mending before a reader sees it:
 *
 * - xml-js ends a "]]>" in the text by splitting the section, but only at the first one
 *   (`cdata.replace("]]>", …)`), so a second "]]>" would close the section early and break the
 *   feed. `forFeedCdata` splits every later one the same way, leaving the first to xml-js.
 * - RSS has no way to say that a title is plain text. The RSS Advisory Board's profile asks
 *   plain text to write "&" and "<" as hexadecimal character references, which no reader can
 *   mistake for markup; the W3C Feed Validator warns about a CDATA title holding "<" or "&".
 *   `titlesAsCharacterReferences` rewrites the title sections as the
 *   same characters, escaped that way. An XML parser returns identical text for both forms
 *   (XML 1.0 §2.7), so this changes how the text is written, never what it says.
 */
export function forFeedCdata(text: string): string {
  const first = text.indexOf("]]>");
  if (first === -1) return text;
  const rest = first + 3;
  return text.slice(0, rest) + text.slice(rest).replaceAll("]]>", "]]]]><![CDATA[>");
}

/** A title whose whole content is one or more adjacent CDATA sections. */
const CDATA_TITLE = /<title>((?:<!\[CDATA\[[\s\S]*?\]\]>)+)<\/title>/g;
const CDATA_SECTION = /<!\[CDATA\[([\s\S]*?)\]\]>/g;

/**
 * `xml` with the CDATA content of every title written as escaped text instead. In well-formed XML "<![CDATA[" can only start a real section (in text and
 * attributes "<" is always escaped) and a section's text cannot hold "]]>", so the patterns
 * find exactly the sections.
 */
export function titlesAsCharacterReferences(xml: string): string {
  return xml.replace(CDATA_TITLE, (_, sections: string) => {
    const text = sections.replace(CDATA_SECTION, (_section, content: string) => content);
    return `<title>${escapeAsReferences(text)}</title>`;
  });
}

function escapeAsReferences(text: string): string {
  return text.replace(/[&<>]/g, (ch) => (ch === "&" ? "&#x26;" : ch === "<" ? "&#x3C;" : "&#x3E;"));
}

/** A channel title or description written by xml-js as escaped text (no CDATA). */
const ESCAPED_CHANNEL_TEXT = /<(title|description)>([^<]*)<\/\1>/g;

/**
 * `xml` with the channel's own title and description (and its image title), which `feed` writes
 * as escaped text, using the same character references as the item titles: the W3C Feed
 * Validator warns about "&amp;" and "&lt;" in them as it does in a title. Only the channel's
 * head is touched: item descriptions are HTML and stay escaped HTML.
 */
export function channelTextAsCharacterReferences(xml: string): string {
  const firstItem = xml.indexOf("<item>");
  const head = firstItem < 0 ? xml : xml.slice(0, firstItem);
  const rewritten = head.replace(
    ESCAPED_CHANNEL_TEXT,
    (_, element: string, text: string) =>
      `<${element}>${escapeAsReferences(text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&"))}</${element}>`,
  );
  return firstItem < 0 ? rewritten : rewritten + xml.slice(firstItem);
}
