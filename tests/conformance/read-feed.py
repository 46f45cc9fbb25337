"""Reads one feed with Python's feedparser and prints what a reader would show, as JSON.

Usage: /usr/bin/python3 read-feed.py FILE
Output: {"bozo", "bozo_exception", "version", "entries": [{"id", "link", "title",
"title_type", "published_ms"}]}. Titles are converted to the text a reader displays:
feedparser reports text/html titles as (sanitized) HTML, which a reader renders.
"""

import calendar
import html.parser
import json
import sys

import feedparser


class _TextOf(html.parser.HTMLParser):
    """Collects the character data of an HTML fragment, with references decoded."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def displayed(value, detail_type):
    if detail_type in ("text/html", "application/xhtml+xml"):
        reader = _TextOf()
        reader.feed(value)
        reader.close()
        return "".join(reader.parts)
    return value


def main(path):
    with open(path, "rb") as f:
        result = feedparser.parse(f.read())
    entries = []
    for entry in result.entries:
        detail = entry.get("title_detail") or {}
        published = entry.get("published_parsed")
        entries.append(
            {
                "id": entry.get("id"),
                "link": entry.get("link"),
                "title": displayed(entry.get("title", ""), detail.get("type", "text/plain")),
                "title_type": detail.get("type"),
                "published_ms": calendar.timegm(published) * 1000 if published else None,
            }
        )
    exception = result.get("bozo_exception")
    print(
        json.dumps(
            {
                "bozo": int(result.get("bozo", 0)),
                "bozo_exception": str(exception) if exception else None,
                "version": result.get("version"),
                "entries": entries,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
