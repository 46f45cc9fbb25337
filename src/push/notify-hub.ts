/** What a ping needs from its surroundings: injectable, so tests run it with no network or waiting. */
export interface HubClient {
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
  readonly sleep: (ms: number) => Promise<void>;
  /** Where a ping that finally failed is reported. */
  readonly logError: (message: string) => void;
}

/** How one topic's notification went. */
export interface PingOutcome {
  readonly topic: string;
  readonly ok: boolean;
  readonly attempts: number;
}

/** A failed request is tried again after each of these waits: at most four requests in 7 s. */
export const RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 4000];
/** A hub that does not answer in this time has failed this attempt. */
const ATTEMPT_TIMEOUT_MS = 10_000;

export const defaultHubClient: HubClient = {
  fetch: (url, init) => fetch(url, init),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  logError: (message) => console.error(message),
};

/**
 * Tells the hub that the topic at `topic` changed. W3C WebSub §6 requires the publisher to
 * inform its hubs but leaves the mechanism to hub and publisher; its note names the one public
 * hubs accept, PubSubHubbub 0.4's: a form-encoded POST of hub.mode=publish and hub.url. A
 * network error, a timeout, a 5xx or a 429 is tried again (RETRY_DELAYS_MS); any other
 * answer but a 2xx is the hub refusing the request, which trying again would not change.
 */
export async function notifyHub(
  hub: string,
  topic: string,
  client: HubClient = defaultHubClient,
): Promise<PingOutcome> {
  const body = new URLSearchParams({ "hub.mode": "publish", "hub.url": topic }).toString();
  let failure = "";
  for (let attempt = 1; ; attempt++) {
    let retry = true;
    try {
      const response = await client.fetch(hub, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body,
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (response.ok) return { topic, ok: true, attempts: attempt };
      failure = `HTTP ${response.status}`;
      retry = response.status >= 500 || response.status === 429;
    } catch (error) {
      failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    const delay = RETRY_DELAYS_MS[attempt - 1];
    if (!retry || delay === undefined) {
      client.logError(
        `WebSub hub ${hub} was not notified that ${topic} changed: ${failure} after ${attempt} attempt(s); subscribers will see the change when they next poll`,
      );
      return { topic, ok: false, attempts: attempt };
    }
    await client.sleep(delay);
  }
}
