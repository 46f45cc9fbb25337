// The real Worker over a site published in memory by the build's own publishSite, so each test
// serves the articles and the site it chose, with the bytes a build would write.
import { createApp } from "../../../src/app.ts";
import { iconData } from "../../../src/generated/icons.ts";
import type { ArticleBundle } from "../../../src/model/article.ts";
import type { Site } from "../../../src/model/site.ts";
import { EARLIEST } from "../../../src/model/site-manifest.ts";
import { type PublishedSite, publishSite } from "../../../src/publish/publish-site.ts";
import type { Assets } from "../../../src/serve/asset-reader.ts";

export interface PublishedAppOptions {
  readonly bundle: ArticleBundle;
  readonly site: Site;
  /** The request clock; by default the real one. */
  readonly now?: () => number;
  /** Icon files in base64 by name; by default the real ones (src/icons/). */
  readonly icons?: Readonly<Record<string, string>>;
  /** The articles' served images by site path, as the loader returns them. */
  readonly media?: ReadonlyMap<string, Uint8Array>;
}

/** The app once its site is published: `request` and `fetch` as Hono's, awaited. */
export interface PublishedApp {
  request(input: string, init?: RequestInit): Promise<Response>;
  fetch(request: Request): Promise<Response>;
  /** The patterns the app registered, each with its method ("GET", or "ALL" for the 405s), as Hono lists them. */
  routes(): Promise<readonly { readonly method: string; readonly path: string }[]>;
}

export function publishedApp({ bundle, site, now, icons = iconData, media }: PublishedAppOptions): PublishedApp {
  const ready = publishInMemory(bundle, site, icons, media).then((published) =>
    createApp({ manifest: published.manifest, assets: memoryAssets(published.files), ...(now ? { now } : {}) }),
  );
  return {
    request: async (input, init) => (await ready).request(input, init),
    fetch: async (request) => (await ready).fetch(request),
    routes: async () => (await ready).routes.map(({ method, path }) => ({ method, path })),
  };
}

/** Every publication state, so a test's clock may be anywhere in time. */
export function publishInMemory(
  bundle: ArticleBundle,
  site: Site,
  icons: Readonly<Record<string, string>> = iconData,
  media?: ReadonlyMap<string, Uint8Array>,
): Promise<PublishedSite> {
  const iconBytes = new Map(
    Object.entries(icons).map(([name, base64]) => [name, Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0))]),
  );
  return publishSite({ site, bundle, icons: iconBytes, from: EARLIEST, ...(media ? { media } : {}) });
}

/** The asset server as the Worker sees it: a file's bytes, or an empty 404. */
export function memoryAssets(files: ReadonlyMap<string, Uint8Array>): Assets {
  return {
    fetch: async (url) => {
      const bytes = files.get(new URL(url).pathname);
      return bytes === undefined ? new Response(null, { status: 404 }) : new Response(bytes.slice());
    },
  };
}
