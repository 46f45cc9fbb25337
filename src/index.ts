import { createApp } from "./app.ts";
import { manifest } from "./generated/site-manifest.ts";

/** One app per isolate, over the assets the build published (wrangler.toml [assets]). */
let app: ReturnType<typeof createApp> | undefined;

export default {
  fetch(request, env, context) {
    app ??= createApp({ manifest, assets: env.ASSETS });
    return app.fetch(request, env, context);
  },
} satisfies ExportedHandler<Env>;
