import { html, raw } from "hono/html";

/**
 * The one place HTML is escaped: hono's `html` template escapes every interpolated value
 * (& < > " ') unless it is itself the result of `html`. Feeds and pages both build their
 * HTML here, so article text is escaped exactly once.
 */
export { html, raw };

type Template = ReturnType<typeof html>;

/** Our templates never interpolate promises, so rendering is synchronous. */
export function toHtmlString(template: Template): string {
  if (template instanceof Promise) throw new TypeError("HTML template unexpectedly async");
  // hono returns a String object marked as escaped; callers want the primitive.
  return template.toString();
}

/** Plain text as an HTML fragment (what RSS and Atom "html" titles and summaries carry). */
export function escapeHtml(text: string): string {
  return toHtmlString(html`${text}`);
}

/**
 * JSON inside <script type="application/ld+json">: HTML does not decode entities there, so
 * instead "<", ">" and "&" become JSON escapes and no text can close the element.
 */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
