import { clientAcceptEncoding } from "./accepts-gzip.ts";
import { type RequestMoment, type Resource, respondMovedPermanently, respondNotFound, respondWith } from "./respond.ts";
import type { ServedSite } from "./served-site.ts";
import type { ServedState } from "./site-states.ts";

/**
 * What a route finds in the state in force at `at`: a resource, the absolute URL an old
 * address moved to, or nothing (the 404 page).
 */
export type Lookup = (state: ServedState, at: number) => Promise<Resource | string | undefined> | Resource | undefined;

/**
 * Answers with what `lookup` finds in the state in force now: the resource (a 200, or a 304 from
 * its validators), a 301 to a URL, or the 404 page. `vary` names the request fields that chose it.
 */
export async function answer(site: ServedSite, request: Request, lookup: Lookup, vary?: string): Promise<Response> {
  const at = site.now();
  const state = site.states.at(at);
  const found = await lookup(state, at);
  if (found === undefined) return answerNotFound(site, request);
  const moment = momentOf(request, at, state);
  return typeof found === "string" ? respondMovedPermanently(found, moment) : respondWith(found, moment, vary);
}

/** The 404 page, cached only until the next publication, which may put something at the path. */
export async function answerNotFound(site: ServedSite, request: Request): Promise<Response> {
  const at = site.now();
  const state = site.states.at(at);
  return respondNotFound(site.files.notFoundPage()?.identity, momentOf(request, at, state));
}

function momentOf(request: Request, at: number, state: ServedState): RequestMoment {
  return {
    method: request.method,
    headers: request.headers,
    now: at,
    nextAt: state.nextAt,
    acceptEncoding: clientAcceptEncoding(request),
  };
}
