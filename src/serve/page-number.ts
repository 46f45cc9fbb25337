/** A list page number as the site writes it: no sign, no leading zero. */
const PAGE_NUMBER = /^[1-9][0-9]{0,8}$/;

/**
 * The page a path segment names, or undefined for any other spelling of a number ("01", "+1"),
 * so that each page has one address.
 */
export function pageNumberOf(segment: string): number | undefined {
  return PAGE_NUMBER.test(segment) ? Number(segment) : undefined;
}
