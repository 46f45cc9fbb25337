"""Prints the items newsboat stored in its cache (an SQLite file) as JSON.

Usage: /usr/bin/python3 read-newsboat-cache.py CACHE_DB
Output: {"feeds": {rssurl: title}, "items": [{"feedurl", "guid", "title", "url", "pubDate"}]}.
newsboat stores each title as its item list shows it: an RSS title as the XML gives it, an
Atom type="html" title already rendered to text (RssParser::set_item_title), so the stored
title is the displayed one.
"""

import json
import sqlite3
import sys


def main(path):
    # Read-only: the cache belongs to the newsboat run, which has exited.
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        feeds = dict(connection.execute("SELECT rssurl, title FROM rss_feed"))
        items = [
            {"feedurl": feedurl, "guid": guid, "title": title, "url": url, "pubDate": pub_date}
            for feedurl, guid, title, url, pub_date in connection.execute(
                "SELECT feedurl, guid, title, url, pubDate FROM rss_item WHERE deleted = 0 ORDER BY id"
            )
        ]
    finally:
        connection.close()
    print(json.dumps({"feeds": feeds, "items": items}))


if __name__ == "__main__":
    main(sys.argv[1])
