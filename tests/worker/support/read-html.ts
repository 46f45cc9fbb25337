import { decodeHTML } from "entities";

/** Where a link off the site points: nofollow noopener. */
export const OUTWARD = "nofollow noopener";

export interface Anchor {
  readonly href: string | null;
  readonly rel: string | null;
  /** The link's text as a browser shows it. */
  readonly text: string;
}

export interface ReadHtml {
  readonly anchors: readonly Anchor[];
  /** Every element the parser saw, by name. */
  readonly elements: readonly string[];
  /** All the text as a browser shows it. */
  readonly text: string;
}

/** What a browser makes of an HTML fragment: its elements, its links and its text (workerd's parser). */
export async function readHtml(fragment: string): Promise<ReadHtml> {
  const anchors: { href: string | null; rel: string | null; raw: string }[] = [];
  const elements: string[] = [];
  let raw = "";
  let open: { raw: string } | undefined;
  await new HTMLRewriter()
    .on("*", {
      element(element) {
        elements.push(element.tagName);
        if (element.tagName !== "a") return;
        // HTMLRewriter gives attribute values as written; a browser decodes them like text.
        const href = element.getAttribute("href");
        const anchor = { href: href === null ? null : decodeHTML(href), rel: element.getAttribute("rel"), raw: "" };
        anchors.push(anchor);
        open = anchor;
        element.onEndTag(() => {
          open = undefined;
        });
      },
    })
    .onDocument({
      text(chunk) {
        raw += chunk.text;
        if (open) open.raw += chunk.text;
      },
    })
    .transform(new Response(fragment))
    .text();
  return {
    anchors: anchors.map(({ href, rel, raw: text }) => ({ href, rel, text: decodeHTML(text) })),
    elements,
    text: decodeHTML(raw),
  };
}
