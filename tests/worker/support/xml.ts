import { SaxesParser } from "saxes";

/** Parses with a strict, namespace-aware XML 1.0 parser; throws on the first well-formedness error. */
export function assertWellFormedXml(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let failure: Error | undefined;
  parser.on("error", (error) => {
    failure ??= error;
  });
  parser.write(xml).close();
  if (failure) throw failure;
}

/** An element as a namespace-aware reader names it: namespace URI and local name, and its parent's. */
export interface QualifiedElement {
  readonly uri: string;
  readonly local: string;
  readonly parent: { readonly uri: string; readonly local: string } | undefined;
}

/** Every element of `xml` in document order, named by namespace URI, so a prefix cannot fake one. */
export function qualifiedElements(xml: string): QualifiedElement[] {
  const parser = new SaxesParser({ xmlns: true });
  const elements: QualifiedElement[] = [];
  const open: { uri: string; local: string }[] = [];
  let failure: Error | undefined;
  parser.on("error", (error) => {
    failure ??= error;
  });
  parser.on("opentag", (tag) => {
    const name = { uri: tag.uri ?? "", local: tag.local ?? tag.name };
    elements.push({ ...name, parent: open.at(-1) });
    open.push(name);
  });
  // saxes closes a self-closing element too, right after opening it.
  parser.on("closetag", () => {
    open.pop();
  });
  parser.write(xml).close();
  if (failure) throw failure;
  return elements;
}
