"""Fetching a URL the user passed to ``timeline add`` (never during a load): a time
limit, a size cap, http and https only."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass

from .found import InputProblem

TIMEOUT_SECONDS = 20
MAX_BYTES = 10 * 1024 * 1024
USER_AGENT = "timeline-add/0.1 (fetches one article page the user asked for)"


@dataclass(frozen=True)
class Fetched:
    data: bytes
    url: str  # after redirects
    content_type: str


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def fetch_url(url: str, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES) -> Fetched:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            final = response.geturl()
            if not is_url(final):
                raise InputProblem(f"redirected to {final!r}, which is not an http(s) address")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise _too_large(max_bytes)
            # One byte more than the cap tells a page at the cap from a larger one.
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise _too_large(max_bytes)
            return Fetched(data, final, response.headers.get_content_type())
    except urllib.error.HTTPError as error:
        raise InputProblem(
            f"could not be fetched: HTTP {error.code} {error.reason}",
            hint="check the address; a page behind a login can be saved from the browser "
            "and added as a file",
        ) from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise InputProblem(
            f"could not be fetched: {reason}",
            hint=f"no answer within {timeout:g} s or no connection; save the page from the "
            "browser and add the file",
        ) from None


def _too_large(max_bytes: int) -> InputProblem:
    size = f"{max_bytes / 2**20:g} MB" if max_bytes >= 2**20 else f"{max_bytes:,} bytes"
    return InputProblem(
        f"is larger than {size}, more than an article page",
        hint="save the page from the browser and add the file",
    )
