/** Where the site is served, or why a BASE_URL value cannot be that. */
export type BaseUrlCheck = { readonly origin: string } | { readonly problem: string };

export interface BaseUrlRules {
  /**
   * Refuse a missing value and loopback hosts (localhost, 127.0.0.0/8, ::1): right for
   * `wrangler dev`, wrong for a deployment, where every link would point at the reader's own machine.
   */
  readonly forDeploy?: boolean;
}

const EXAMPLE = "https://news.example.org";

/**
 * Checks a BASE_URL value and returns its origin (scheme, host and port, no trailing slash).
 * Every link is this origin plus a root-relative path, and the Worker answers at the root of
 * its host, so a path, query or fragment would put every link where nothing is served.
 */
export function checkBaseUrl(value: string | undefined, rules: BaseUrlRules = {}): BaseUrlCheck {
  if (value === undefined || value.trim() === "") {
    return { problem: `BASE_URL is not set; expected the address the site is served at, e.g. ${EXAMPLE}` };
  }
  const quoted = JSON.stringify(value);
  if (!/^https?:\/\//i.test(value)) {
    const host = value.replace(/^[a-z][a-z0-9+.-]*:\/*/i, "");
    return { problem: `BASE_URL ${quoted} does not start with https:// or http://; expected e.g. https://${host}` };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: `BASE_URL ${quoted} is not a valid URL; expected e.g. ${EXAMPLE}` };
  }
  if (url.username !== "" || url.password !== "") {
    return { problem: `BASE_URL ${quoted} contains a user name or password; expected only ${url.origin}` };
  }
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "" || value.endsWith("?") || value.endsWith("#")) {
    return {
      problem: `BASE_URL ${quoted} has a path, query or fragment, but the site is served at the root of its own host; expected ${url.origin}`,
    };
  }
  if (rules.forDeploy && isLoopback(url.hostname)) {
    return {
      problem: `BASE_URL ${quoted} is this machine, which no reader can reach; expected the public address, e.g. ${EXAMPLE}`,
    };
  }
  return { origin: url.origin };
}

/** Whether a host name is this machine: no reader (and no hub) elsewhere can reach it. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    host === "[::1]" ||
    host === "0.0.0.0" ||
    host === "[::]"
  );
}
