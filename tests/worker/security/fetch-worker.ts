import { exports } from "cloudflare:workers";
import { TEST_WORKER_ORIGIN } from "../../support/test-site.ts";

export const ORIGIN = TEST_WORKER_ORIGIN;

/** A request to the Worker as built from articles/, through its real fetch handler. */
export function fetchWorker(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(`${ORIGIN}${path}`, init));
}
