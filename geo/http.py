"""The one door to the network: a GET whose time, size and redirects are bounded whatever the server does.

:func:`fetch` sends one request with geo's User-Agent and reads the answer within ``timeout_s`` in all (name
lookup, connection, headers and body together: a watchdog shuts the socket down at the deadline, so a server
that drips a byte every few seconds or never answers costs ``timeout_s``, not more). The body is read in
chunks and refused past ``max_bytes`` (compressed answers too, once decompressed); redirects are followed a
few times, and only to the same scheme, host and port. Only http and https addresses are fetched.
"""

from __future__ import annotations

import errno
import http.client
import ipaddress
import logging
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import TracebackType
from urllib.parse import SplitResult, urljoin, urlsplit

from geo.errors import GeoError
from geo.settings import ONLINE_MAX_REDIRECTS

log = logging.getLogger(__name__)

_CHUNK = 65_536
_Address = tuple[socket.AddressFamily, socket.SocketKind, int, str,
                 tuple[str, int] | tuple[str, int, int, int] | tuple[int, bytes]]
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_DEFAULT_PORTS = {"http": 80, "https": 443}
_UNREACHABLE = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.EHOSTDOWN, errno.ENETDOWN, errno.EADDRNOTAVAIL}
# zlib wbits; 47: gzip or zlib header
_ENCODINGS = {"": 0, "identity": 0, "gzip": 47, "x-gzip": 47, "deflate": 47}


class FetchError(GeoError, OSError):
    """A web request failed; ``reason`` says why in a few words."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


class FetchTimeout(FetchError, TimeoutError):
    """The server did not give its whole answer in time."""


class FetchUnreachable(FetchError, ConnectionError):
    """The server's name is unknown, or nothing answers at its address."""


class FetchTooLarge(FetchError):
    """The answer is larger than the limit."""


class FetchRedirected(FetchError):
    """The server sent the request elsewhere (another scheme, host or port): ``location`` says where."""

    def __init__(self, url: str, location: str) -> None:
        super().__init__(url, f"the server redirects to {shown(location)}, which geo does not follow")
        self.location = location


class FetchStatusError(FetchError):
    """The server answered with an error status; ``headers`` has lower-case names."""

    def __init__(self, url: str, status: int, headers: Mapping[str, str]) -> None:
        super().__init__(url, f"the server answered HTTP {status}")
        self.status = status
        self.headers = headers


@dataclass(frozen=True, slots=True)
class Response:
    """A successful answer: the address that gave it (after redirects), its status, headers (lower-case names)
    and body (decompressed)."""

    url: str
    status: int
    headers: Mapping[str, str]
    body: bytes

    @property
    def charset(self) -> str | None:
        """The ``charset`` of the Content-Type header, if any."""
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip().strip('"'):
                return value.strip().strip('"')
        return None


def fetch(url: str, *, user_agent: str, timeout_s: float, max_bytes: int, accept: str = "*/*",
          max_redirects: int = ONLINE_MAX_REDIRECTS, ssl_context: ssl.SSLContext | None = None) -> Response:
    """GET ``url`` within ``timeout_s`` in all, refusing an answer over ``max_bytes`` and redirects elsewhere.

    Raises
    ------
    FetchError
        Or one of its kinds (timeout, unreachable, too large, redirected, error status), saying what failed.
    """
    origin = _origin(url, url)
    with _Watchdog(url, timeout_s) as watchdog:
        current = url
        for _ in range(max_redirects + 1):
            response = _exchange(current, watchdog, user_agent=user_agent, accept=accept, max_bytes=max_bytes,
                                 context=ssl_context)
            if isinstance(response, Response):
                return response
            target = urljoin(current, response)
            if not _same_origin(url, target, origin):
                raise FetchRedirected(url, target)
            log.debug("%s redirects to %s", current, target)
            current = target
    raise FetchError(url, f"the server redirects more than {max_redirects} times")


def _origin(url: str, address: str) -> tuple[str, str, int]:
    """Scheme, host and port of ``address`` (an http or https address); errors name ``url``."""
    try:
        parts = urlsplit(address)
        port = parts.port
    except ValueError as err:
        raise FetchError(url, f"{address[:200]!r} is not a valid web address") from err
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        raise FetchError(url, f"{address[:200]!r} is not an http or https address")
    return scheme, parts.hostname.lower(), port or _DEFAULT_PORTS[scheme]


def _same_origin(url: str, address: str, origin: tuple[str, str, int]) -> bool:
    try:
        return _origin(url, address) == origin
    except FetchError:
        return False


class _Watchdog:
    """The deadline of one request: at it, the request's socket is shut down, which wakes any blocked read."""

    def __init__(self, url: str, seconds: float) -> None:
        self.url = url
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._expired = False
        self._done = False
        self._timer = threading.Timer(max(seconds, 0.0), self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._timer.cancel()
        with self._lock:
            self._done = True
            expired = self._expired
        if expired or (isinstance(error, TimeoutError) and not isinstance(error, FetchError)):
            # whatever went wrong after the deadline, the deadline made it go wrong
            raise self.timeout() from error
        if (isinstance(error, (OSError, http.client.HTTPException, ValueError))
            and not isinstance(error, FetchError)):
            raise _as_fetch_error(self.url, error) from error

    def watch(self, sock: socket.socket) -> None:
        """Shut ``sock`` down at the deadline (at once when it has passed)."""
        with self._lock:
            self._sock = sock
            expired = self._expired
        if expired:
            _shut(sock)

    def left(self) -> float:
        """Seconds left before the deadline; raises FetchTimeout when none are."""
        seconds = self.deadline - time.monotonic()
        if seconds <= 0:
            raise self.timeout()
        return seconds

    def timeout(self) -> FetchTimeout:
        """The error of a request that did not end in time."""
        return FetchTimeout(self.url, f"no complete answer within {self.seconds:g} s")

    def _expire(self) -> None:
        with self._lock:
            if self._done:
                return
            self._expired = True
            sock = self._sock
        if sock is not None:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed: nothing is waiting on it


def _as_fetch_error(url: str, error: BaseException) -> FetchError:
    """A transport error as geo's error: timeouts, unreachable servers, and the rest."""
    if (isinstance(error, (ConnectionRefusedError, socket.gaierror))
        or getattr(error, "errno", None) in _UNREACHABLE):
        return FetchUnreachable(url, brief(error))
    if isinstance(error, ssl.SSLError):
        return FetchError(url, f"the secure connection failed ({brief(error)})")
    return FetchError(url, f"the answer could not be read ({type(error).__name__}: {brief(error)})")


def shown(text: str, limit: int = 200) -> str:
    """``text`` (a server chose it) fit for a message: printable, on one line, at most ``limit``
    characters."""
    return " ".join("".join(c if c.isprintable() else " " for c in text[:limit]).split())


def brief(error: BaseException) -> str:
    """An error's text, short and printable (servers choose some of it)."""
    return shown(str(error)) or type(error).__name__


def _exchange(url: str, watchdog: _Watchdog, *, user_agent: str, accept: str, max_bytes: int,
              context: ssl.SSLContext | None) -> Response | str:
    """One request and its answer: the response, or where a redirect points."""
    parts = urlsplit(url)
    connection = _connect(parts, watchdog, context)
    try:
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connection.request("GET", target, headers={"User-Agent": user_agent, "Accept": accept,
                                                   "Accept-Encoding": "identity", "Connection": "close"})
        answer = connection.getresponse()
        headers = {name.lower(): value for name, value in answer.getheaders()}
        if answer.status in _REDIRECTS and headers.get("location"):
            return headers["location"]
        if answer.status >= 400:
            raise FetchStatusError(url, answer.status, headers)
        if not 200 <= answer.status < 300:
            raise FetchError(url, f"the server answered HTTP {answer.status}, which geo does not expect")
        return Response(url, answer.status, headers, _body(url, answer, headers, max_bytes, watchdog))
    finally:
        connection.close()


def _connect(parts: SplitResult, watchdog: _Watchdog,
             context: ssl.SSLContext | None) -> http.client.HTTPConnection:
    """A connection to the server of ``parts``, open, its socket watched."""
    host, port = parts.hostname or "", parts.port or _DEFAULT_PORTS[parts.scheme.lower()]
    secure = parts.scheme.lower() == "https"
    connection = (http.client.HTTPSConnection if secure else http.client.HTTPConnection)(host, port)
    sock = _open_socket(host, port, watchdog)
    try:
        connection.sock = (context or _tls()).wrap_socket(sock, server_hostname=host) if secure else sock
    except BaseException:
        sock.close()
        raise
    return connection


def _open_socket(host: str, port: int, watchdog: _Watchdog) -> socket.socket:
    """A TCP connection to ``host``, found and opened within the time left."""
    error: OSError | None = None
    for family, kind, proto, _, address in _addresses(host, port, watchdog):
        sock = socket.socket(family, kind, proto)
        watchdog.watch(sock)
        try:
            sock.settimeout(watchdog.left())
            sock.connect(address)
            return sock
        except OSError as err:
            sock.close()
            error = err
            if isinstance(err, FetchError):
                raise
    raise error or FetchUnreachable(watchdog.url, f"{host} has no address")


def _addresses(host: str, port: int, watchdog: _Watchdog) -> Sequence[_Address]:
    """The addresses of ``host``, looked up in a thread so that a slow name server costs no more than the time
    left."""
    try:
        ipaddress.ip_address(host.strip("[]"))
        # a literal address: no lookup
        return socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    except ValueError:
        pass
    found: list[_Address] = []
    failed: list[BaseException] = []

    def look_up() -> None:
        try:
            found.extend(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except (OSError, UnicodeError) as err:
            failed.append(err)

    thread = threading.Thread(target=look_up, name="geo-http-dns", daemon=True)
    thread.start()
    thread.join(watchdog.left())
    if thread.is_alive():
        raise watchdog.timeout()
    if failed:
        raise FetchUnreachable(watchdog.url, f"the name {host} cannot be looked up ({brief(failed[0])})")
    return found


@cache
def _tls() -> ssl.SSLContext:
    return ssl.create_default_context()


def _body(url: str, answer: http.client.HTTPResponse, headers: Mapping[str, str], max_bytes: int,
          watchdog: _Watchdog) -> bytes:
    """The body of ``answer``, read in chunks and decompressed, refused past ``max_bytes``."""
    length = headers.get("content-length", "").strip()
    if length.isdigit() and int(length) > max_bytes:
        raise FetchTooLarge(url, f"the answer is larger than {max_bytes:,} bytes")
    inflater = _Inflater(url, headers.get("content-encoding", ""), max_bytes)
    read = 0
    while chunk := answer.read(_CHUNK):
        read += len(chunk)
        if read > max_bytes:
            raise FetchTooLarge(url, f"the answer is larger than {max_bytes:,} bytes")
        inflater.feed(chunk)
        watchdog.left()
    return inflater.end()


class _Inflater:
    """Decompresses a body (gzip or deflate, or none), refusing it once it grows past ``max_bytes``."""

    def __init__(self, url: str, encoding: str, max_bytes: int) -> None:
        name = encoding.strip().lower()
        if name not in _ENCODINGS:
            raise FetchError(url, f"the answer is encoded as {name[:40]!r}, which geo does not read")
        self.url = url
        self.max_bytes = max_bytes
        self.body = bytearray()
        self._zlib = zlib.decompressobj(_ENCODINGS[name]) if _ENCODINGS[name] else None

    def feed(self, chunk: bytes) -> None:
        """Add ``chunk`` of the body as sent."""
        if self._zlib is None:
            self._add(chunk)
            return
        try:  # never more than one byte past the limit at a time: a small bomb stays small
            self._add(self._zlib.decompress(self._zlib.unconsumed_tail + chunk,
                                            self.max_bytes - len(self.body) + 1))
        except zlib.error as err:
            raise FetchError(self.url, "the compressed answer is damaged") from err

    def end(self) -> bytes:
        """The whole body, decompressed."""
        if self._zlib is not None:
            self._add(self._zlib.flush())  # all input is used: only what zlib holds back is left
            if not self._zlib.eof:
                raise FetchError(self.url, "the compressed answer is cut short")
        return bytes(self.body)

    def _add(self, data: bytes) -> None:
        self.body += data
        if len(self.body) > self.max_bytes:
            raise FetchTooLarge(self.url,
                                f"the answer is larger than {self.max_bytes:,} bytes (decompressed)")
