/**
 * The text a reader displays for an HTML fragment such as an RSS title or an Atom
 * type="html" title: tags dropped, character references decoded once. Our renderers only
 * write the five XML entities and numeric references, so those are the named ones handled;
 * any other named reference is left as written, where a comparison will show it.
 */
export function displayHtml(fragment: string): string {
  return decodeReferences(fragment.replace(/<[^>]*>/g, ""));
}

const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeReferences(text: string): string {
  return text.replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z]+));/g, (whole, dec, hex, name) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const codePoint = Number.parseInt(dec ?? hex, dec === undefined ? 16 : 10);
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
  });
}
