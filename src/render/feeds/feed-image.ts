import type { Enclosure, Extension } from "feed";
import type { ArticleImage } from "../../model/article.ts";
import { isServedImage } from "../../model/paths.ts";
import type { Site } from "../../model/site.ts";
import { html } from "../html.ts";
import { imageUrl } from "../links.ts";

/**
 * How an RSS item carries its article's image. An image the site serves is an `<enclosure>`,
 * whose url, length (bytes) and type RSS 2.0 requires, all known for it. A remote image's
 * length is unknown, and an enclosure with a made-up length misleads readers that preallocate
 * or check it, so it is a Media RSS (https://www.rssboard.org/media-rss) `<media:content url medium="image" type>` instead,
 * whose namespace src/render/feeds/rss-adjustments.ts declares.
 */
export function rssImage(
  site: Site,
  image: ArticleImage | undefined,
): { enclosure?: Enclosure; extensions?: Extension[] } {
  if (image === undefined) return {};
  const url = imageUrl(site, image);
  const { mediaType, length } = image;
  if (isServedImage(image) && mediaType !== undefined && length !== undefined) {
    return { enclosure: { url, type: mediaType, length } };
  }
  // xml-js escapes only '"' in attributes: parsed, the URL has "<" and ">" percent-encoded, and
  // "&" is written as a reference here, as feed does for the URLs it writes.
  const attributes = {
    url: new URL(url).href.replaceAll("&", "&amp;"),
    medium: "image",
    ...(mediaType === undefined ? {} : { type: mediaType }),
  };
  return { extensions: [{ name: "media:content", objects: { _attributes: attributes } }] };
}

/**
 * Atom's enclosure link (RFC 4287 §4.2.7.2): "potentially large in size"; `length` is
 * optional (§4.2.7.6), so a remote image has one too, with its length left out.
 */
export function atomImageLink(site: Site, image: ArticleImage | undefined) {
  if (image === undefined) return "";
  const { mediaType, length } = image;
  return html`<link rel="enclosure"${mediaType === undefined ? "" : html` type="${mediaType}"`}${
    length === undefined || !isServedImage(image) ? "" : html` length="${length}"`
  } href="${imageUrl(site, image)}"/>
`;
}
