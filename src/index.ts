import { createApp } from "./app.ts";
import { baseUrl, bundle } from "./generated/articles.ts";
import { iconData } from "./generated/icons.ts";
import { siteConfig } from "./site-config.ts";

export default createApp({ bundle, site: { ...siteConfig, baseUrl }, icons: iconData });
