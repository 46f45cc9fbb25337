import type { RawResponse } from "./raw-http.ts";

/**
 * Statuses the Worker's design allows: 301 only from another name of a page to its canonical
 * URL (docs/urls.md), which is always on the configured base URL.
 */
export const APP_STATUSES = new Set([200, 301, 304, 404, 405]);
/** What workerd itself may answer, before the Worker runs, to a request it cannot parse. */
export const RUNTIME_STATUSES = new Set([400]);
/**
 * Methods workerd knows. For any other it answers 501 itself, as RFC 9110 §9.1 recommends
 * for an unrecognized method; the Worker never sees the request.
 */
const KNOWN_METHODS = new Set([
  "GET",
  "HEAD",
  "POST",
  "PUT",
  "DELETE",
  "CONNECT",
  "OPTIONS",
  "TRACE",
  "PATCH",
  "PROPFIND",
]);

/** Traces of a leaked error: V8 stack frames, source positions, runtime internals. */
const STACK_TRACE =
  /\n\s+at \S+ \(|\w+\.(?:ts|js|mjs):\d+:\d+|node_modules\/|(?:Type|Reference|Range|Syntax)Error:|Internal Server Error/;

/** Every way a response can be wrong, as short reasons; none means it is fine. */
export function findProblems(response: RawResponse, method: string, baseUrl: string): string[] {
  const problems: string[] = [];
  // Only the Worker's own responses carry its security headers; the runtime's do not.
  const fromApp = response.headers.has("x-content-type-options");
  const allowed = fromApp ? APP_STATUSES : RUNTIME_STATUSES;
  const unknownMethod = !fromApp && response.status === 501 && !KNOWN_METHODS.has(method);
  if (unknownMethod) return problems;
  if (response.status >= 500) problems.push(`5xx (${response.status})`);
  else if (!allowed.has(response.status))
    problems.push(`unexpected ${fromApp ? "app" : "runtime"} status ${response.status}`);
  if (STACK_TRACE.test(response.body.toString("utf8"))) problems.push("stack trace or error text in body");
  const location = response.headers.get("location");
  if (response.status === 301 && !location?.startsWith(`${baseUrl}/`)) problems.push("301 off the base URL");
  if (response.status !== 301 && location !== undefined) problems.push("Location header on a non-redirect");
  if ((response.status === 304 || method === "HEAD") && response.body.length > 0) problems.push("body on 304 or HEAD");
  if (response.status === 405 && !response.headers.has("allow")) problems.push("405 without Allow");
  return problems;
}
