import { describe, expect, it } from "vitest";
import { checkBaseUrl } from "../../src/load/base-url.ts";

const problemOf = (value: string | undefined, forDeploy = false) => {
  const checked = checkBaseUrl(value, { forDeploy });
  return "problem" in checked ? checked.problem : undefined;
};

describe("BASE_URL", () => {
  it("is an http(s) origin, written with or without the trailing slash", () => {
    expect(checkBaseUrl("https://news.example.org")).toEqual({ origin: "https://news.example.org" });
    expect(checkBaseUrl("https://News.Example.org/")).toEqual({ origin: "https://news.example.org" });
    expect(checkBaseUrl("http://127.0.0.1:8787")).toEqual({ origin: "http://127.0.0.1:8787" });
    expect(checkBaseUrl("https://news.example.org:8443/", { forDeploy: true })).toEqual({
      origin: "https://news.example.org:8443",
    });
  });

  it("without a scheme says which scheme to add", () => {
    expect(problemOf("news.example.org")).toBe(
      'BASE_URL "news.example.org" does not start with https:// or http://; expected e.g. https://news.example.org',
    );
    expect(problemOf("ftp://news.example.org")).toContain("expected e.g. https://news.example.org");
  });

  it("with a path, query or fragment says the site is served at the root of its host", () => {
    for (const value of [
      "https://news.example.org/news",
      "https://news.example.org/?a=1",
      "https://news.example.org/#top",
    ]) {
      expect(problemOf(value), value).toBe(
        `BASE_URL "${value}" has a path, query or fragment, but the site is served at the root of its own host; expected https://news.example.org`,
      );
    }
  });

  it("with credentials or no host is refused", () => {
    expect(problemOf("https://user:secret@news.example.org")).toContain("user name or password");
    expect(problemOf("https://")).toContain("is not a valid URL");
  });

  it("for a deployment is set, and not this machine", () => {
    expect(problemOf(undefined, true)).toBe(
      "BASE_URL is not set; expected the address the site is served at, e.g. https://news.example.org",
    );
    expect(problemOf("", true)).toContain("is not set");
    for (const local of ["http://127.0.0.1:8787", "http://localhost:8787", "http://[::1]", "http://app.localhost"]) {
      expect(problemOf(local, true), local).toContain("is this machine, which no reader can reach");
      expect(problemOf(local, false), local).toBeUndefined();
    }
  });
});
