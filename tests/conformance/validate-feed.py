"""Validates one feed URL with the W3C Feed Validator and prints its events as JSON.

Usage: /usr/bin/python3 validate-feed.py URL
The validator's source is vendored in vendor/feedvalidator/ (see its LICENSE); it needs
Debian's python3-html5lib, python3-rdflib and python3-libxml2, and no network beyond URL.
It fetches URL itself, as the online validator does, so the Content-Type and the feed's
self link are checked against the address it was served from.
Output: {"feedType", "events": [{"level", "type", "message", "line", "column", "value"}]}, the errors,
warnings and infos the validator logged, each with the English message it prints.
"""

import json
import os
import sys

# The validator uses urllib.request and urllib.error without importing them; its own demo.py
# imports them for it.
import urllib.error  # noqa: F401
import urllib.request  # noqa: F401

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "vendor", "feedvalidator"))

import feedvalidator  # noqa: E402
from feedvalidator.formatter.base import BaseFormatter  # noqa: E402
from feedvalidator.logging import Error, Info, ValidationFailure, Warning  # noqa: E402

LEVELS = ((Error, "error"), (Warning, "warning"), (Info, "info"))


def level_of(event):
    return next((name for kind, name in LEVELS if isinstance(event, kind)), "other")


def main(url):
    try:
        result = feedvalidator.validateURL(url, firstOccurrenceOnly=0)
    except ValidationFailure as failure:
        result = {"feedType": None, "loggedEvents": [failure]}
    formatter = BaseFormatter([])
    events = [
        {
            "level": level_of(event),
            "type": event.__class__.__name__,
            "message": formatter.getMessage(event),
            "line": event.params.get("line"),
            "column": event.params.get("column"),
            "value": event.params.get("value"),
        }
        for event in result["loggedEvents"]
        # The rest (ValidElement, ValidURI, …) record what passed; they have no message.
        if isinstance(event, (Error, Warning, Info))
    ]
    print(json.dumps({"feedType": result.get("feedType"), "events": events}))


if __name__ == "__main__":
    main(sys.argv[1])
