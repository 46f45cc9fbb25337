// Sends a day's requests to a running server, as its clients would, and notes for each whether
// the Worker answered it: the marking Worker (bench/measure-traffic-day.ts) sets WORKER_MARK on
// every response of the project's Worker, and the asset server never does.
import type { DayRequest } from "./traffic-day.ts";
import type { Outcome } from "./traffic-tally.ts";

export const WORKER_MARK = "x-served-by-worker";

/** Requests in flight at once: enough to keep wrangler dev busy on two cores. */
const CONCURRENCY = 16;
const TIMEOUT_MS = 60_000;
/** Validators a client kept from yesterday, before the resource changed: they match nothing. */
const STALE = { "If-None-Match": '"yesterday"', "If-Modified-Since": "Sat, 01 Jan 2000 00:00:00 GMT" };

async function send(origin: string, path: string, headers: Readonly<Record<string, string>>): Promise<Response> {
  const response = await fetch(`${origin}${path}`, {
    headers,
    redirect: "manual",
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  await response.arrayBuffer();
  return response;
}

/** What a client that fetched `path` before would send back: the ETag and Last-Modified it got. */
async function currentValidators(origin: string, request: DayRequest): Promise<Record<string, string>> {
  const response = await send(origin, request.path, request.headers);
  const etag = response.headers.get("etag");
  const modified = response.headers.get("last-modified");
  if (response.status !== 200 || (!etag && !modified)) {
    throw new Error(`${origin}${request.path}: ${response.status} with no ETag or Last-Modified to revalidate with`);
  }
  return { ...(etag ? { "If-None-Match": etag } : {}), ...(modified ? { "If-Modified-Since": modified } : {}) };
}

/**
 * Replays `requests` in order, CONCURRENCY at a time. The validators of "current" requests are
 * fetched first, once per path and Accept, and not counted: they are what the clients got the
 * day before. Rejects on a network error; an unexpected status is the caller's to judge.
 */
export async function replayRequests(origin: string, requests: readonly DayRequest[]): Promise<Outcome[]> {
  const kept = new Map<string, Record<string, string>>();
  for (const request of requests) {
    const key = `${request.path}\n${request.headers.Accept ?? ""}`;
    if (request.validators === "current" && !kept.has(key)) kept.set(key, await currentValidators(origin, request));
  }
  const outcomes: Outcome[] = new Array(requests.length);
  let next = 0;
  const run = async () => {
    for (let i = next++; i < requests.length; i = next++) {
      const request = requests[i] as DayRequest;
      const key = `${request.path}\n${request.headers.Accept ?? ""}`;
      const validators =
        request.validators === "current" ? kept.get(key) : request.validators === "stale" ? STALE : undefined;
      const response = await send(origin, request.path, { ...request.headers, ...validators });
      outcomes[i] = { request, byWorker: response.headers.get(WORKER_MARK) === "1", status: response.status };
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, run));
  return outcomes;
}
