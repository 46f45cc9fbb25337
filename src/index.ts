import { createApp } from "./app.ts";
import { bundle } from "./generated/articles.ts";
import { iconData } from "./generated/icons.ts";

export default createApp({ bundle, icons: iconData });
