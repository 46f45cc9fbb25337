// The Worker the HTTP tests reach through `exports.default`: the real app over the articles/
// build, serving the test site rather than whatever src/site-config.ts holds.
import { createApp } from "../../../src/app.ts";
import { bundle } from "../../../src/generated/articles.ts";
import { iconData } from "../../../src/generated/icons.ts";
import { TEST_WORKER_ORIGIN, testSite } from "../../support/test-site.ts";

export default createApp({ bundle, site: testSite(TEST_WORKER_ORIGIN), icons: iconData });
