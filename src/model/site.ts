/** The site as every renderer sees it. */
export interface Site {
  readonly title: string;
  readonly description: string;
  /** The origin every link starts with, from BASE_URL: "https://news.example.org", no trailing slash. */
  readonly baseUrl: string;
  /** BCP 47 language tag, e.g. "en". */
  readonly language: string;
  readonly author: string;
  /** IANA time zone in which article date lines are read. */
  readonly timeZone: string;
  /** How many of the newest articles each feed and the index carry. */
  readonly itemsPerFeed: number;
  /**
   * Authority of the tag: URIs (RFC 4151) used as Atom ids. Fixed here, not derived from
   * the base URL, so moving the site to another domain does not change any entry id.
   */
  readonly tagAuthority: string;
  /**
   * The WebSub hub (W3C WebSub §4) every subscription feed names as rel="hub", and which the
   * Worker and the deploy script notify when a feed changes; absent, feeds name no hub and
   * nothing is notified. An absolute http(s) URL in its normalised form.
   */
  readonly websubHub?: string;
}

/** Everything about the site but where it is deployed: what src/site-config.ts holds. */
export type SiteConfig = Omit<Site, "baseUrl">;
