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
