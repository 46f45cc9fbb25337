export interface DecodedText {
  /** The text without a byte-order mark; invalid bytes became U+FFFD. */
  readonly text: string;
  /** 1-based numbers of the lines that held invalid UTF-8. */
  readonly invalidLines: readonly number[];
}

const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
const lenient = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });
const LF = 0x0a;

/** Decodes UTF-8, replacing invalid bytes with U+FFFD and saying on which lines they were. */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  const text = lenient.decode(bytes);
  try {
    strict.decode(bytes);
    return { text, invalidLines: [] };
  } catch {
    return { text, invalidLines: findInvalidLines(bytes) };
  }
}

function findInvalidLines(bytes: Uint8Array): number[] {
  const invalid: number[] = [];
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === LF) {
      try {
        strict.decode(bytes.subarray(start, i));
      } catch {
        invalid.push(line);
      }
      start = i + 1;
      line++;
    }
  }
  return invalid;
}
