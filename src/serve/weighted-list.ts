// The list form Accept and Accept-Encoding share: `value;param=x;q=0.5, value` (RFC 9110 §5.6.1,
// §12.4.2). Total, like every parser here: a malformed entry is skipped, never an error.

/** RFC 9110 §12.4.2 qvalue: 0 to 1 with at most three decimals. */
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

export interface WeightedEntry {
  /** The entry before its parameters, trimmed and lowercased. */
  readonly value: string;
  /** Its q parameter, 1 when it has none. */
  readonly quality: number;
}

/** The entries of a weighted list, each with its quality; entries with a malformed q are skipped. */
export function parseWeightedList(header: string): WeightedEntry[] {
  const entries: WeightedEntry[] = [];
  for (const entry of header.split(",")) {
    const [value = "", ...parameters] = entry.split(";").map((part) => part.trim().toLowerCase());
    let quality = 1;
    let valid = true;
    for (const parameter of parameters) {
      const [name, weight = ""] = parameter.split("=").map((part) => part.trim());
      if (name !== "q") continue;
      valid = QVALUE.test(weight);
      quality = Number(weight);
    }
    if (valid) entries.push({ value, quality });
  }
  return entries;
}
