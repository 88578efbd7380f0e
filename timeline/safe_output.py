"""What may leave the database for a browser, a calendar or a spreadsheet.

Seed files are written by anyone, so every value is text until proven otherwise. Three
rules, each one function that every page and export calls:

* ``http_url``: only http(s) URLs become links; ``javascript:``, ``data:``, ``vbscript:``
  and anything else is shown as text, never followed.
* ``json_for_script``: JSON placed inside a ``<script>`` element cannot end the element,
  open an HTML comment or split a JavaScript line.
* ``spreadsheet_cell``: a cell a spreadsheet would run as a formula is prefixed with an
  apostrophe, for the exports meant for spreadsheets only (a raw CSV stays faithful).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

LINK_SCHEMES = ("http", "https")


def http_url(value: Any) -> str | None:
    """The URL if it is an absolute http(s) URL a browser may follow, else None.

    Browsers drop tabs and newlines inside a URL and spaces around it, so
    "java\\tscript:" still runs; any whitespace or control character refuses the URL.
    """
    if not isinstance(value, str) or not value:
        return None
    if any(ord(char) <= 0x20 or 0x7F <= ord(char) <= 0x9F for char in value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:  # an unbalanced [ in the host
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.hostname:
        return None
    return value


# Inside <script>, "</script>" ends the element and "<!--" followed by "<script" makes
# the parser skip the real "</script>"; U+2028/9 end a line in older JavaScript.
_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def json_for_script(value: Any) -> str:
    """JSON that is safe as the content of a <script> element (same data once parsed)."""
    text = json.dumps(value, ensure_ascii=False)
    return "".join(_SCRIPT_ESCAPES.get(char, char) for char in text)


# Spreadsheets (Excel, LibreOffice, Google Sheets) read a cell starting with one of
# these as a formula or a command (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def spreadsheet_cell(value: Any) -> Any:
    """The value as a spreadsheet should show it: text that would start a formula gets a
    leading apostrophe, which spreadsheets hide and which stops the formula. Numbers,
    empty cells and other text are unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def spreadsheet_row(row) -> list[Any]:
    return [spreadsheet_cell(value) for value in row]
