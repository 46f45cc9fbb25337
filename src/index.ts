import { env } from "cloudflare:workers";
import { createApp } from "./app.ts";
import { manifest } from "./generated/site-manifest.ts";

// Built while the script is evaluated, before any request: a request then only runs its route.
const app = createApp({ manifest, assets: env.ASSETS });
// Hono compiles its route matcher on the first match; do that now too, not on a reader's request.
app.router.match("GET", "/");

export default app;
