import type { ArticleImage } from "../../model/article.ts";
import { isServedImage } from "../../model/paths.ts";
import type { Site } from "../../model/site.ts";
import { html } from "../html.ts";
import { imageUrl } from "../links.ts";
import type { PageImage } from "./page-layout.ts";

/** The image for a page's social preview (Open Graph, Twitter card): absolute, with what is known. */
export function pageImage(site: Site, image: ArticleImage): PageImage {
  const { mediaType, width, height } = image;
  return {
    url: imageUrl(site, image),
    ...(mediaType === undefined ? {} : { mediaType }),
    ...(width === undefined ? {} : { width }),
    ...(height === undefined ? {} : { height }),
  };
}

/** schema.org ImageObject for an article's JSON-LD `image`. */
export function structuredImage(site: Site, image: ArticleImage): Record<string, unknown> {
  const { mediaType, width, height } = image;
  return {
    "@type": "ImageObject",
    url: imageUrl(site, image),
    ...(mediaType === undefined ? {} : { encodingFormat: mediaType }),
    ...(width === undefined ? {} : { width }),
    ...(height === undefined ? {} : { height }),
  };
}

/**
 * The picture on the article's page: only an image the site serves. Pages allow images from
 * their own origin alone (Content-Security-Policy `img-src 'self'`, src/serve/headers.ts), so a
 * remote image would not load; it goes only into the page's metadata and the feeds, where
 * readers fetch it themselves. Its width and height reserve its space before it arrives (CSS
 * scales it down keeping that ratio), so the text does not jump. alt is empty: the picture is
 * decoration beside the title, which says what the article is about.
 */
export function renderPageImage(site: Site, image: ArticleImage | undefined) {
  if (image === undefined || !isServedImage(image)) return "";
  const size =
    image.width === undefined || image.height === undefined
      ? ""
      : html` width="${image.width}" height="${image.height}"`;
  return html`<img class="picture" src="${imageUrl(site, image)}"${size} alt="">\n`;
}
