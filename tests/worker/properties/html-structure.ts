/** What an HTML parser (workerd's lol-html) builds from a page: the part markup decides. */
export interface HtmlStructure {
  /** One entry per element or comment, in document order: name and sorted attribute names. */
  readonly nodes: readonly string[];
  /** Raw text of the first <h1>. */
  readonly heading: string;
  /** Raw text of the JSON-LD script element. */
  readonly structuredData: string;
}

export async function readHtmlStructure(page: string): Promise<HtmlStructure> {
  const nodes: string[] = [];
  let heading = "";
  let headings = 0;
  let structuredData = "";
  const rewriter = new HTMLRewriter()
    .on("*", {
      element(element) {
        const names = [...element.attributes].map(([name]) => name).sort();
        nodes.push(`${element.tagName}[${names.join(",")}]`);
        if (element.tagName === "h1") headings++;
      },
    })
    .on("h1", {
      text(chunk) {
        if (headings === 1) heading += chunk.text;
      },
    })
    .on('script[type="application/ld+json"]', {
      text(chunk) {
        structuredData += chunk.text;
      },
    })
    .onDocument({
      comments() {
        nodes.push("#comment");
      },
    });
  await rewriter.transform(new Response(page)).text();
  return { nodes, heading, structuredData };
}
