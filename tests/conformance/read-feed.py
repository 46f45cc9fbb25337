"""Reads one feed with Python's feedparser and prints what it returns, as JSON.

Usage: /usr/bin/python3 read-feed.py FILE
Output: {"bozo", "bozo_exception", "version", "links": [{"rel", "href", "type"}], "entries":
[{"id", "link", "title", "title_type", "summary", "summary_type", "published_ms", "updated_ms", "categories",
"authors"}]}: the feed's own links (feedparser reads atom:link in RSS too), and per entry its
categories as shown (label, else term) and its authors' names. Titles and summaries are the
strings feedparser returns, untouched: a reader shows those (feedparser has already
sanitized whatever it took for HTML), so comparing anything else would hide what it shows.
"""

import calendar
import json
import sys

import feedparser


def main(path):
    with open(path, "rb") as f:
        result = feedparser.parse(f.read())
    entries = []
    for entry in result.entries:
        published = entry.get("published_parsed")
        updated = entry.get("updated_parsed")
        entries.append(
            {
                "id": entry.get("id"),
                "link": entry.get("link"),
                "title": entry.get("title"),
                "title_type": (entry.get("title_detail") or {}).get("type"),
                "summary": entry.get("summary"),
                "summary_type": (entry.get("summary_detail") or {}).get("type"),
                "published_ms": calendar.timegm(published) * 1000 if published else None,
                "updated_ms": calendar.timegm(updated) * 1000 if updated else None,
                "categories": [tag.get("label") or tag.get("term") for tag in entry.get("tags", [])],
                "authors": [author.get("name") for author in entry.get("authors", [])],
            }
        )
    exception = result.get("bozo_exception")
    print(
        json.dumps(
            {
                "bozo": int(result.get("bozo", 0)),
                "bozo_exception": str(exception) if exception else None,
                "version": result.get("version"),
                "links": [
                    {"rel": link.get("rel"), "href": link.get("href"), "type": link.get("type")}
                    for link in result.feed.get("links", [])
                ],
                "entries": entries,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
