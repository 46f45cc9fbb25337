// How many asset files a deployment may hold, and how many the build fills.

/** Cloudflare's free plan refuses a deployment of more asset files (paid plans: 100,000). */
export const FREE_PLAN_ASSET_FILES = 20_000;

/**
 * The files a build fills with article pages the asset server answers alone
 * (docs/static-assets.md#served-alone): the free plan's limit less a tenth, room for the
 * publication states of articles scheduled in between.
 */
export const SERVED_ALONE_MAX_FILES = 18_000;
