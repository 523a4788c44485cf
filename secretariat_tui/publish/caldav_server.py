"""The one module that talks to a CalDAV server, through the ``caldav`` library's client.

Only three kinds of request are made, each on a URL we chose: PROPFIND on the calendar (does
it exist, is it a calendar), PUT of one event at ``<calendar>/<resource_name(uid)>`` and
DELETE of a name we put before. The library's higher layers (``save_event`` searches the
calendar for the UID first, ``events()`` downloads every event) are not used: they would read
and could touch other people's events, and a second publish with no change must send nothing
but the PROPFIND. The client's own HTTP library (niquests, or requests) raises its errors;
every failure becomes ``PublishError`` with one Swedish line.

RFC 6764 discovery is off: the URL names the calendar itself, and a typo must not make the
client ask DNS for another server.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

TIMEOUT_SECONDS = 20
_PROPFIND = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/></d:prop></d:propfind>'
)
_CALENDAR_TYPE = b"urn:ietf:params:xml:ns:caldav"


class PublishError(Exception):
    """The publish could not go on; ``str(err)`` is one line in Swedish."""


class CalendarServer:
    """One CalDAV calendar, reached as ``user`` with ``password``."""

    def __init__(self, url: str, user: str, password: str, timeout: float | None = None) -> None:
        from caldav.davclient import DAVClient  # loaded on the first publish, not at every start

        self.url = url
        self.user = user
        self.timeout = timeout or TIMEOUT_SECONDS
        self._host = urlsplit(url).netloc
        self._client = DAVClient(
            url=url,
            username=user,
            password=password,
            timeout=int(self.timeout),
            enable_rfc6764=False,
        )

    def __enter__(self) -> CalendarServer:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        with contextlib.suppress(Exception):
            self._client.close()

    def check_calendar(self) -> None:
        """PublishError unless the URL is a calendar this user may reach."""
        with self._talking():
            response = self._client.request(
                self.url, "PROPFIND", _PROPFIND, {"Depth": "0", "Content-Type": "application/xml"}
            )
        if response.status == 404:
            raise PublishError(
                f"Kalendern finns inte: {self.url} (servern svarade 404). Kontrollera adressen "
                "eller skapa kalendern först."
            )
        self._refuse(response, "kalendern kunde inte läsas")
        if _CALENDAR_TYPE not in (_raw(response) or b""):
            raise PublishError(f"{self.url} är ingen kalender; ange adressen till en kalender.")

    def put(self, name: str, data: bytes) -> str:
        """Create or replace the event ``name``; its new ETag ("" if the server gave none)."""
        headers = {"Content-Type": "text/calendar; charset=utf-8"}
        with self._talking():
            response = self._client.request(self.url + name, "PUT", data.decode("utf-8"), headers)
        self._refuse(response, "händelsen kunde inte sparas")
        return str(response.headers.get("ETag", "") or "")

    def delete(self, name: str) -> None:
        """Delete the event ``name``; one already gone counts as deleted."""
        with self._talking():
            response = self._client.request(self.url + name, "DELETE")
        if response.status != 404:
            self._refuse(response, "händelsen kunde inte tas bort")

    def _refuse(self, response: Any, what: str) -> None:
        status = int(response.status)
        if status >= 400:
            reason = str(getattr(response, "reason", "") or "").strip()
            raise PublishError(
                f"{self._host}: {what}; servern svarade {status}{f' {reason}' if reason else ''}."
            )

    @contextlib.contextmanager
    def _talking(self) -> Iterator[None]:
        from caldav.lib.error import AuthorizationError, DAVError
        from caldav.lib.http_sync import requests as http

        host = self._host
        try:
            yield
        except AuthorizationError as err:
            if err.status == 403:
                raise PublishError(
                    f"{host}: användaren {self.user} får inte skriva i kalendern {self.url} (403)."
                ) from None
            raise PublishError(
                f"{host}: fel användarnamn eller lösenord för {self.user} (401). Ett "
                "Nextcloud-konto med tvåstegsverifiering behöver ett applösenord."
            ) from None
        except http.exceptions.SSLError:
            raise PublishError(
                f"{host}: TLS-fel, serverns certifikat kunde inte godtas; inget skickades."
            ) from None
        except http.exceptions.Timeout:
            raise PublishError(
                f"{host} svarade inte inom {self.timeout:g} sekunder; försök igen senare."
            ) from None
        except http.exceptions.ConnectionError:
            raise PublishError(
                f"Kunde inte nå {host}; kontrollera adressen och nätverket."
            ) from None
        except (http.exceptions.RequestException, DAVError, OSError) as err:
            raise PublishError(f"{host}: {type(err).__name__} – {err}".strip()) from None


def _raw(response: Any) -> bytes:
    raw = getattr(response, "_raw", b"")
    return raw.encode("utf-8") if isinstance(raw, str) else raw or b""
