/**
 * The path of a request URL as sent, still percent-encoded. Sliced, not parsed: behind a
 * hostile Host the runtime's URL may not parse again (`new URL` throws on it).
 */
export function rawPathOf(url: string): string {
  const start = url.indexOf("/", url.indexOf("://") + 3);
  if (start < 0) return "/";
  const end = url.slice(start).search(/[?#]/);
  return end < 0 ? url.slice(start) : url.slice(start, start + end);
}
