import type { SiteConfig } from "../model/site.ts";
import { isLoopback } from "./base-url.ts";
import { isValidTimeZone } from "./zoned-time.ts";

/** One thing wrong with the site configuration: the field, and what is wrong and expected. */
export interface ConfigProblem {
  readonly field: keyof SiteConfig;
  readonly message: string;
}

const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });

/** Every problem with the configuration, so one build reports them all. */
export function checkSiteConfig(config: SiteConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const field of ["title", "description", "author"] as const) {
    if (typeof config[field] !== "string" || config[field].trim() === "") {
      problems.push({ field, message: `${field} is empty; expected the text readers see as the site's ${field}` });
    }
  }
  const language = languageProblem(config.language);
  if (language) problems.push({ field: "language", message: language });
  if (!isValidTimeZone(config.timeZone)) {
    problems.push({
      field: "timeZone",
      message: `time zone ${JSON.stringify(config.timeZone)} is not an IANA time zone; expected e.g. "UTC" or "Europe/Kyiv"`,
    });
  }
  if (!Number.isInteger(config.itemsPerFeed) || config.itemsPerFeed < 1) {
    problems.push({
      field: "itemsPerFeed",
      message: `itemsPerFeed ${String(config.itemsPerFeed)} is not a positive whole number; expected e.g. 20`,
    });
  }
  const authority = tagAuthorityProblem(config.tagAuthority);
  if (authority) problems.push({ field: "tagAuthority", message: authority });
  const hub = websubHubProblem(config.websubHub);
  if (hub) problems.push({ field: "websubHub", message: hub });
  return problems;
}

/**
 * A well-formed BCP 47 tag (RFC 5646) whose primary language is a registered one: "en",
 * "uk", "pt-BR". Well-formed alone is not enough: "english" is a syntactically valid tag
 * (a 5–8 letter primary subtag is reserved) that no reader understands.
 */
function languageProblem(language: string): string | undefined {
  const quoted = JSON.stringify(language);
  const expected = `expected a BCP 47 language tag such as "en", "uk" or "pt-BR"`;
  let canonical: string;
  try {
    [canonical = ""] = Intl.getCanonicalLocales(language);
  } catch {
    return `language ${quoted} is not a BCP 47 language tag; ${expected}`;
  }
  if (canonical !== language)
    return `language ${quoted} is not in canonical form; expected ${JSON.stringify(canonical)}`;
  const primary = canonical.split("-")[0] ?? "";
  if (primary.length > 3 || languageNames.of(primary) === undefined) {
    return `language ${quoted} does not name a known language; ${expected}`;
  }
  return undefined;
}

/**
 * RFC 4151 §2.1: taggingEntity = authorityName "," date, where authorityName is a DNS name
 * or an email address and date is YYYY, YYYY-MM or YYYY-MM-DD.
 */
function tagAuthorityProblem(authority: string): string | undefined {
  const expected = `expected "domain-or-email,YYYY[-MM[-DD]]" (RFC 4151), e.g. "news.example.org,2025"`;
  const match = /^([^,]+),(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(authority);
  const quoted = JSON.stringify(authority);
  if (!match) return `tagAuthority ${quoted} is not a tagging entity; ${expected}`;
  const [, name = "", year = "", month, day] = match;
  const label = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
  const dnsName = new RegExp(`^${label}(?:\\.${label})+$`, "i");
  const email = new RegExp(`^[a-z0-9._%+-]+@${label}(?:\\.${label})+$`, "i");
  if (!dnsName.test(name) && !email.test(name)) {
    return `tagAuthority ${quoted} does not start with a domain name or email address; ${expected}`;
  }
  const date = new Date(`${year}-${month ?? "01"}-${day ?? "01"}T00:00:00Z`);
  const real =
    !Number.isNaN(date.getTime()) &&
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() + 1 === Number(month ?? "01") &&
    date.getUTCDate() === Number(day ?? "01");
  if (!real) return `tagAuthority ${quoted} has no such date; ${expected}`;
  return undefined;
}

/**
 * An absolute https URL with no query, written as the URL parser writes it back: the feeds name
 * it as given (Atom, JSON Feed) or as parsed (RSS, through `feed`), and both must say the same.
 * The Worker posts every feed's address to it, so plain http would let anyone on the way drop or
 * forge the pings; and a subscriber appends its own query (hub.mode, hub.topic, …) to the hub's
 * address, which one already there would mix into. Plain http is allowed on this machine only,
 * for a local stand-in.
 */
function websubHubProblem(hub: string | undefined): string | undefined {
  if (hub === undefined) return undefined;
  const quoted = JSON.stringify(hub);
  const expected = `expected the hub's absolute https URL with no query, e.g. "https://pubsubhubbub.appspot.com/", or no websubHub at all`;
  let url: URL;
  try {
    url = new URL(hub);
  } catch {
    return `websubHub ${quoted} is not an absolute URL; ${expected}`;
  }
  const local = url.protocol === "http:" && isLoopback(url.hostname);
  if (url.protocol !== "https:" && !local) {
    return url.protocol === "http:"
      ? `websubHub ${quoted} is plain http, so anyone on the way could drop or forge the notifications; ${expected}`
      : `websubHub ${quoted} is not an https URL; ${expected}`;
  }
  if (url.username !== "" || url.password !== "") {
    return `websubHub ${quoted} contains a user name or password, which every feed would publish; ${expected}`;
  }
  if (url.search !== "" || hub.includes("?")) {
    return `websubHub ${quoted} has a query string, which subscribers' own hub.* parameters would be mixed into; ${expected}`;
  }
  if (url.hash !== "") return `websubHub ${quoted} has a fragment, which no request carries; ${expected}`;
  if (url.href !== hub) return `websubHub ${quoted} is not in normalised form; expected ${JSON.stringify(url.href)}`;
  return undefined;
}
