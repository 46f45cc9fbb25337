import { describe, expect, it } from "vitest";
import { checkSiteConfig } from "../../src/load/check-site-config.ts";
import { TEST_SITE_CONFIG } from "../support/test-site.ts";

const problemsOf = (change: Partial<typeof TEST_SITE_CONFIG>) =>
  checkSiteConfig({ ...TEST_SITE_CONFIG, ...change }).map((p) => `${p.field}: ${p.message}`);

describe("the site configuration check", () => {
  it("accepts a sound configuration", () => {
    expect(checkSiteConfig(TEST_SITE_CONFIG)).toEqual([]);
    expect(
      problemsOf({ language: "pt-BR", timeZone: "Europe/Kyiv", tagAuthority: "desk@news.example.org,2025-02-28" }),
    ).toEqual([]);
  });

  it("refuses a language that is no BCP 47 tag of a known language", () => {
    expect(problemsOf({ language: "english" })).toEqual([
      'language: language "english" does not name a known language; expected a BCP 47 language tag such as "en", "uk" or "pt-BR"',
    ]);
    expect(problemsOf({ language: "en_US" })[0]).toContain("is not a BCP 47 language tag");
    expect(problemsOf({ language: "qqq" })[0]).toContain("does not name a known language");
    expect(problemsOf({ language: "EN" })).toEqual(['language: language "EN" is not in canonical form; expected "en"']);
  });

  it("refuses an unknown time zone, a non-positive or fractional itemsPerFeed, and empty text", () => {
    expect(problemsOf({ timeZone: "Kyiv" })).toEqual([
      'timeZone: time zone "Kyiv" is not an IANA time zone; expected e.g. "UTC" or "Europe/Kyiv"',
    ]);
    for (const itemsPerFeed of [0, -1, 2.5, Number.NaN]) {
      expect(problemsOf({ itemsPerFeed })[0], String(itemsPerFeed)).toContain("is not a positive whole number");
    }
    expect(problemsOf({ title: " ", author: "" }).map((p) => p.split(":")[0])).toEqual(["title", "author"]);
  });

  it("refuses a tag authority not in RFC 4151 form", () => {
    for (const tagAuthority of [
      "news.example.org",
      "news.example.org,25",
      "news example,2025",
      "news.example.org,2025-02-30",
    ]) {
      expect(problemsOf({ tagAuthority })[0], tagAuthority).toMatch(
        /^tagAuthority: .*expected "domain-or-email,YYYY\[-MM\[-DD\]\]" \(RFC 4151\)/,
      );
    }
  });

  it("accepts no WebSub hub, an absolute https URL in normalised form, or plain http on this machine", () => {
    expect(problemsOf({ websubHub: "https://pubsubhubbub.appspot.com/" })).toEqual([]);
    expect(problemsOf({ websubHub: "https://hub.example/publish" })).toEqual([]);
    expect(problemsOf({ websubHub: "http://127.0.0.1:9000/hub" })).toEqual([]);
  });

  it("refuses a WebSub hub that is no absolute https URL without a query, and says what was expected", () => {
    const expected =
      'expected the hub\'s absolute https URL with no query, e.g. "https://pubsubhubbub.appspot.com/", or no websubHub at all';
    expect(problemsOf({ websubHub: "pubsubhubbub.appspot.com" })).toEqual([
      `websubHub: websubHub "pubsubhubbub.appspot.com" is not an absolute URL; ${expected}`,
    ]);
    expect(problemsOf({ websubHub: "" })[0]).toContain("is not an absolute URL");
    expect(problemsOf({ websubHub: "ftp://hub.example/" })).toEqual([
      `websubHub: websubHub "ftp://hub.example/" is not an https URL; ${expected}`,
    ]);
    expect(problemsOf({ websubHub: "http://hub.example/" })).toEqual([
      `websubHub: websubHub "http://hub.example/" is plain http, so anyone on the way could drop or forge the notifications; ${expected}`,
    ]);
    expect(problemsOf({ websubHub: "https://hub.example/publish?site=news" })).toEqual([
      `websubHub: websubHub "https://hub.example/publish?site=news" has a query string, which subscribers' own hub.* parameters would be mixed into; ${expected}`,
    ]);
    expect(problemsOf({ websubHub: "https://hub.example/?" })[0]).toContain("has a query string");
    expect(problemsOf({ websubHub: "http://127.0.0.1:9000/hub?site=1" })[0]).toContain("has a query string");
    expect(problemsOf({ websubHub: "https://me:secret@hub.example/" })[0]).toContain(
      "contains a user name or password",
    );
    expect(problemsOf({ websubHub: "https://hub.example/#publish" })[0]).toContain("has a fragment");
    expect(problemsOf({ websubHub: "https://Hub.Example" })).toEqual([
      'websubHub: websubHub "https://Hub.Example" is not in normalised form; expected "https://hub.example/"',
    ]);
  });

  it("reports every problem at once", () => {
    const problems = checkSiteConfig({
      title: "",
      description: "",
      author: "",
      language: "english",
      timeZone: "Mars/Base",
      itemsPerFeed: 0,
      tagAuthority: "x",
    });
    expect(problems.map((p) => p.field)).toEqual([
      "title",
      "description",
      "author",
      "language",
      "timeZone",
      "itemsPerFeed",
      "tagAuthority",
    ]);
  });
});
