import { type PublicationState, type SiteManifest, stateIndexAt } from "../model/site-manifest.ts";

/** A publication state as the Worker uses it: routes in Maps, and when the next one begins. */
export interface ServedState {
  readonly pageCount: number;
  readonly completePages: number;
  /** List pages per topic folder (PublicationState.topicPages). */
  readonly topicPages: ReadonlyMap<string, number>;
  readonly routes: ReadonlyMap<string, number>;
  readonly previews: ReadonlyMap<string, number>;
  /** The next state's first instant: every max-age ends there. */
  readonly nextAt: number | undefined;
}

/**
 * Picks the state in force at an instant, in O(log n) per request (stateIndexAt); the state's
 * Maps are built once, on its first request.
 */
export class SiteStates {
  readonly #states: readonly PublicationState[];
  readonly #served = new Map<number, ServedState>();

  constructor(manifest: SiteManifest) {
    this.#states = manifest.states;
  }

  at(now: number): ServedState {
    const low = stateIndexAt(this.#states, now);
    let served = this.#served.get(low);
    if (!served) {
      const state = this.#states[low];
      served = {
        pageCount: state?.pageCount ?? 0,
        completePages: state?.completePages ?? 0,
        topicPages: new Map(Object.entries(state?.topicPages ?? {})),
        routes: new Map(Object.entries(state?.routes ?? {})),
        previews: new Map(Object.entries(state?.previews ?? {})),
        nextAt: this.#states[low + 1]?.from,
      };
      this.#served.set(low, served);
    }
    return served;
  }
}
