import { createApp } from "./app.ts";
import { bundle } from "./generated/articles.ts";

export default createApp({ bundle });
