"""Answer only requests addressed to this server by a name it knows (DNS rebinding).

A page on any web site can point its own host name at 127.0.0.1 and then read a local
server as if it were that site; the one thing that gives it away is the ``Host`` header,
which carries the attacker's name. ``timeline serve`` therefore accepts loopback names
and addresses, the ``--host`` it was started with, and the names passed with
``--allow-host``; anything else gets 400. Bound to every interface (``0.0.0.0``, ``::``)
it also accepts any IP address, which no rebinding page can send.

The check is an ASGI wrapper (Datasette's ``asgi_wrapper`` hook), active when the
plugin configuration holds ``allowed_hosts`` (``timeline serve`` always sets it).
"""

from __future__ import annotations

import ipaddress

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARD_BINDS = frozenset({"0.0.0.0", "::", ""})
# Entries of the allowed list that are not names: any IP address; anything at all.
ANY_IP_ADDRESS = "<any IP address>"
ANY_HOST = "*"


def allowed_hosts(bind_host: str, extra: tuple[str, ...] | list[str] = ()) -> list[str]:
    """The host names a server bound to ``bind_host`` answers to."""
    names = {*LOOPBACK_NAMES, *(name.lower().strip("[]") for name in extra)}
    if bind_host not in WILDCARD_BINDS:
        names.add(bind_host.lower().strip("[]"))
    else:
        names.add(ANY_IP_ADDRESS)
    return sorted(names)


def host_name(header: str) -> str:
    """'example.org' from 'example.org:8001', '::1' from '[::1]:8001'."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].partition("]")[0]
    if header.count(":") == 1:
        return header.partition(":")[0]
    return header


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def host_allowed(header: str | None, allowed: list[str]) -> bool:
    if ANY_HOST in allowed:
        return True
    if not header:  # HTTP/1.0 without Host: no browser sends that
        return True
    name = host_name(header).rstrip(".")
    if name in allowed or name.endswith(".localhost"):
        return True
    return ANY_IP_ADDRESS in allowed and _is_ip(name)


def host_check(app, allowed: list[str]):
    """``app`` answering 400 to HTTP requests whose Host is not in ``allowed``."""

    async def checked(scope, receive, send):
        if scope["type"] == "http":
            headers = dict(scope.get("headers") or [])
            header = headers.get(b"host", b"").decode("latin-1")
            if not host_allowed(header, allowed):
                body = (
                    f"400: this server does not answer to the host name {host_name(header)!r}. "
                    "Open it at the address `timeline serve` printed, or start it with "
                    "--allow-host NAME to serve that name.\n"
                ).encode()
                await send(
                    {
                        "type": "http.response.start",
                        "status": 400,
                        "headers": [
                            (b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": body})
                return
        await app(scope, receive, send)

    return checked
