import { answer } from "./answer.ts";
import { prefersHtmlPreview } from "./negotiate.ts";
import type { ServedSite } from "./served-site.ts";

/** A feed path: the feed for readers, its preview page for a browser (src/serve/negotiate.ts). */
export function answerFeed(site: ServedSite, request: Request, path: string, mediaType: string): Promise<Response> {
  const preview = prefersHtmlPreview(request.headers.get("accept"), mediaType);
  return answer(
    site,
    request,
    (state) => (preview ? site.files.previewOf(state, path) : site.files.resourceOf(state, path)),
    "Accept",
  );
}
