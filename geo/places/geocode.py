"""Online geocoding, opt-in (``geo run --online``), for names the offline gazetteer lacks.

geopy's Nominatim (and GeoNames, when a username is configured) behind geopy's ``RateLimiter``: one request
per second at most, retries with a wait after server errors (5xx). Requests go through :mod:`geo.http`, so
each is bounded in time, size and redirects. Every answer is checked (an object with a finite latitude and
longitude in range, fields of the expected types) before it is used or kept: a malformed answer is neither,
and the name is asked again on the next run. Every good answer, "not found" included, is kept in the store, so
a query is never sent twice; a query that failed is not kept and is tried again on the next run. A provider
that does not answer in time, cannot be reached, refuses geo, or answers what cannot be read is not asked
again during the run (one warning line), nor is one that failed for several names in a row.
"""

from __future__ import annotations

import json
import logging
import math
import ssl
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import Any, Protocol
from urllib.parse import urlsplit

from geopy.adapters import AdapterHTTPError, BaseSyncAdapter
from geopy.exc import (
    GeocoderAuthenticationFailure,
    GeocoderInsufficientPrivileges,
    GeocoderParseError,
    GeocoderQuotaExceeded,
    GeocoderServiceError,
    GeocoderTimedOut,
    GeocoderUnavailable,
    GeopyError,
)
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import GeoNames, Nominatim

from geo.http import FetchError, FetchStatusError, FetchTimeout, FetchUnreachable, brief, fetch
from geo.models import Place
from geo.settings import (
    ONLINE_COUNTRIES,
    ONLINE_FAILURES_IN_A_ROW,
    ONLINE_TIMEOUT_S,
    USER_AGENT,
    OnlineSettings,
)

log = logging.getLogger(__name__)


class AnswerCache(Protocol):
    """Where online answers are kept between runs (the store, :class:`geo.store.db.Store`)."""

    def geocoded(self, provider: str, query: str) -> tuple[bool, str | None]:
        """``(asked before, answer)`` of a query; the answer is None for "not found"."""

    def remember_geocode(self, provider: str, query: str, answer: str | None, fetched: str) -> None:
        """Keep an answer (None: nothing found), so that the query is never sent again."""

_SETTLEMENT_TYPES = {"city", "town", "village", "hamlet", "suburb", "neighbourhood", "locality",
                     "isolated_dwelling", "municipality", "quarter", "administrative", "residential",
                     "borough"}
#: What geopy's own parsing raises on a page of the wrong shape (a list of numbers, a missing key, ...).
_PARSING_ERRORS = (TypeError, KeyError, IndexError, AttributeError, ValueError, RecursionError, OverflowError)
#: Errors after which a provider is not asked again during the run: it is down, slow, refusing geo, or not
#: itself.
_PROVIDER_DOWN = (GeocoderTimedOut, GeocoderUnavailable, GeocoderQuotaExceeded, GeocoderAuthenticationFailure,
                  GeocoderInsufficientPrivileges, GeocoderParseError)


class _BoundedAdapter(BaseSyncAdapter):  # type: ignore[misc]  # geopy is untyped
    """geopy's HTTP client replaced by :func:`geo.http.fetch`: bounded time, size and redirects."""

    def __init__(self, *, proxies: object, ssl_context: ssl.SSLContext | None, max_bytes: int) -> None:
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        self.ssl_context = ssl_context
        self.max_bytes = max_bytes

    def get_json(self, url: str, *, timeout: float | None, headers: dict[str, str]) -> Any:
        """The answer parsed as JSON; an answer that is not (or nests too deep) is a GeocoderParseError."""
        text = self.get_text(url, timeout=timeout, headers=headers)
        try:
            return json.loads(text)
        except (ValueError, RecursionError) as err:
            raise GeocoderParseError("the answer is not JSON" if isinstance(err, ValueError)
                                     else "the answer nests too deep") from err

    def get_text(self, url: str, *, timeout: float | None, headers: dict[str, str]) -> str:
        """The answer as text; failures are geopy's errors, an error status is geopy's AdapterHTTPError."""
        try:
            answer = fetch(url, user_agent=headers.get("User-Agent", USER_AGENT),
                           timeout_s=timeout or ONLINE_TIMEOUT_S, max_bytes=self.max_bytes,
                           accept="application/json", ssl_context=self.ssl_context)
        except FetchStatusError as err:
            raise AdapterHTTPError(err.reason, status_code=err.status, headers=dict(err.headers),
                                   text="") from err
        except FetchTimeout as err:
            raise GeocoderTimedOut(err.reason) from err
        except FetchUnreachable as err:
            raise GeocoderUnavailable(err.reason) from err
        except FetchError as err:
            raise GeocoderServiceError(err.reason) from err
        try:
            return answer.body.decode(answer.charset or "utf-8")
        except (LookupError, ValueError) as err:
            raise GeocoderParseError(f"the answer is not text in {answer.charset or 'utf-8'}") from err


class _Unretried(Exception):
    """Carries a geopy error past RateLimiter, which retries every GeocoderServiceError: only server errors
    (5xx, 408, 429) are worth another try; a timeout, a refused connection or a bad answer are not."""

    def __init__(self, error: GeopyError) -> None:
        super().__init__(str(error))
        self.error = error


def _retried_on_server_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """``func``, its errors other than server errors wrapped in _Unretried."""
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except GeopyError as err:
            cause = err.__cause__
            status = cause.status_code if isinstance(cause, AdapterHTTPError) else 0
            if status >= 500 or status in (408, 429):
                raise
            raise _Unretried(err) from err
    return call


def _number(value: object, bound: float) -> float | None:
    """``value`` (a number or a string) as a finite number within ``±bound``, else None."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    try:
        number = float(value)
    except (ValueError, OverflowError):
        return None
    return number if math.isfinite(number) and -bound <= number <= bound else None


@dataclass(frozen=True, slots=True)
class _Shape:
    """What a provider's answer must look like before geo uses or keeps it."""

    lat: str
    lon: str
    #: Fields that must be strings when present (None counts as absent).
    texts: tuple[str, ...]
    #: Fields that must be an integer or a string when present; ``required`` ones must be present.
    ids: tuple[str, ...]
    required: tuple[str, ...] = ()
    #: A field that must be an object when present, and the fields of it that must be strings when present.
    address: str | None = None
    address_texts: tuple[str, ...] = ()

    def problem(self, raw: object) -> str | None:
        """Why ``raw`` cannot be used, or None when it can."""
        if not isinstance(raw, dict):
            return f"the answer is a {type(raw).__name__}, not an object"
        for key, bound in ((self.lat, 90.0), (self.lon, 180.0)):
            if _number(raw.get(key), bound) is None:
                return f"{key} is not a number within ±{bound:g}"
        wrong = [k for k in self.texts if raw.get(k) is not None and not isinstance(raw[k], str)]
        wrong += [k for k in self.ids
                  if k in raw and (isinstance(raw[k], bool) or not isinstance(raw[k], (int, str)))]
        wrong += [k for k in self.required if k not in raw]
        if self.address is not None and self.address in raw:
            address = raw[self.address]
            if not isinstance(address, dict):
                return f"{self.address} is a {type(address).__name__}, not an object"
            wrong += [f"{self.address}.{k}" for k in self.address_texts
                      if address.get(k) is not None and not isinstance(address[k], str)]
        return f"missing or of the wrong type: {', '.join(wrong)}" if wrong else None


_NOMINATIM = _Shape("lat", "lon", texts=("name", "display_name", "addresstype", "class", "osm_type"),
                    ids=("osm_id", "place_id"), address="address", address_texts=("country_code", "state"))
_GEONAMES = _Shape("lat", "lng", texts=("name", "countryCode", "adminName1", "fcl"), ids=("geonameId",),
                   required=("geonameId",))


def _place_from_nominatim(raw: dict[str, Any]) -> Place | None:
    if (raw.get("addresstype") not in (None, *_SETTLEMENT_TYPES)
        and raw.get("class") not in ("place", "boundary")):
        return None
    address = raw.get("address") or {}
    return Place(
        place_id=f"osm:{raw.get('osm_type', 'x')}/{raw.get('osm_id', raw.get('place_id'))}",
        name=str(raw.get("name") or str(raw.get("display_name", "")).split(",")[0]),
        lat=float(raw["lat"]), lon=float(raw["lon"]), country=str(address.get("country_code", "")).upper(),
        admin1=address.get("state"), feature="settlement", precision="exact",
    )


def _place_from_geonames(raw: dict[str, Any]) -> Place | None:
    if raw.get("fcl") not in (None, "P"):
        return None
    return Place(place_id=f"geonames:{raw['geonameId']}", name=str(raw.get("name")), lat=float(raw["lat"]),
                 lon=float(raw["lng"]), country=str(raw.get("countryCode", "")),
                 admin1=raw.get("adminName1") or None, feature="settlement",
                 precision="exact",
                 )


@dataclass(frozen=True, slots=True)
class _Provider:
    """One online source: its name in the store, its rate-limited geocode, how to check and read its
    answers."""

    name: str
    geocode: Callable[..., Any]
    shape: _Shape
    to_place: Callable[[dict[str, Any]], Place | None]
    options: dict[str, Any]


def _why_down(error: GeopyError) -> tuple[str, str]:
    """What a provider-wide failure means, and what the user may do about it."""
    if isinstance(error, GeocoderTimedOut):
        return f"did not answer in time ({brief(error)})", "check the connection"
    if isinstance(error, GeocoderUnavailable):
        return f"cannot be reached ({brief(error)})", "check the connection and the server's address"
    if isinstance(error,
                  (GeocoderQuotaExceeded, GeocoderAuthenticationFailure, GeocoderInsufficientPrivileges)):
        return (f"refuses geo's requests ({brief(error)})",
                "check GEO_USER_AGENT and the server's usage policy")
    return f"gave an answer geo cannot use ({brief(error)})", "check the server's address"


class OnlineGeocoder:
    """Looks names up online, politely, remembering every good answer in the store."""

    def __init__(self, options: OnlineSettings, store: AnswerCache) -> None:
        self.store = store
        adapter = partial(_BoundedAdapter, max_bytes=options.max_answer_bytes)
        url = urlsplit(options.nominatim_url)
        nominatim = Nominatim(user_agent=options.user_agent, domain=url.netloc + url.path.rstrip("/"),
                              scheme=url.scheme or "https", timeout=options.timeout_s,
                              adapter_factory=adapter)
        self._providers = [_Provider("nominatim", self._limited(nominatim.geocode, options), _NOMINATIM,
                                     _place_from_nominatim, {"country_codes": list(ONLINE_COUNTRIES),
                                                             "addressdetails": True, "exactly_one": True})]
        if options.geonames_username:
            geonames = GeoNames(username=options.geonames_username, user_agent=options.user_agent,
                                timeout=options.timeout_s, adapter_factory=adapter)
            self._providers.append(_Provider(
                "geonames", self._limited(geonames.geocode, options), _GEONAMES, _place_from_geonames,
                {"country": [c.upper() for c in ONLINE_COUNTRIES], "exactly_one": True}))
        self.sent = 0
        self.unreachable: set[str] = set()  # providers that failed as a whole this run: not asked again
        self.failures = 0  # lookups that got no usable answer (to be asked again on the next run)
        self._in_a_row: dict[str, int] = {}  # per provider, names it failed for since its last good answer

    @staticmethod
    def _limited(func: Callable[..., Any], options: OnlineSettings) -> Callable[..., Any]:
        limited: Callable[..., Any] = RateLimiter(
            _retried_on_server_errors(func), min_delay_seconds=options.min_delay_s,
            max_retries=options.retries, error_wait_seconds=max(options.error_wait_s, options.min_delay_s),
            swallow_exceptions=False)
        return limited

    def lookup(self, name: str) -> Place | None:
        """The settlement called ``name`` according to the first provider that knows it, or None."""
        for provider in self._providers:
            raw = self._answer(provider, name)
            if raw is not None:
                place = provider.to_place(raw)
                if place is not None:
                    return place
        return None

    def _answer(self, provider: _Provider, name: str) -> dict[str, Any] | None:
        """``provider``'s good answer about ``name``, from the store or asked (and then kept); None for "not
        found" and for failures (counted, so the article is read again next run)."""
        asked, kept = self.store.geocoded(provider.name, name)
        if asked:
            if kept is None:
                return None
            raw = _loads(kept)
            if isinstance(raw, dict) and provider.shape.problem(raw) is None:
                return raw  # else: a malformed answer kept by an older geo; asked again
        if provider.name in self.unreachable:
            self.failures += 1
            return None
        answered, raw = self._ask(provider, name)
        if answered:
            self._in_a_row[provider.name] = 0
            answer = json.dumps(raw, sort_keys=True, ensure_ascii=False) if raw is not None else None
            self.store.remember_geocode(provider.name, name, answer,
                                        datetime.now(UTC).isoformat(timespec="seconds"))
        return raw

    def _ask(self, provider: _Provider, name: str) -> tuple[bool, dict[str, Any] | None]:
        """``(answered, raw)``: ``provider``'s checked answer about ``name`` (None: not found); a failure or a
        malformed answer is logged in one line and counted, and gives ``(False, None)``."""
        self.sent += 1
        try:
            # geopy's warnings about a bad answer's coordinates: checked below
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                location = provider.geocode(name, **provider.options)
        except _Unretried as unretried:
            return self._failed(provider, name, unretried.error)
        except GeopyError as err:
            return self._failed(provider, name, err)
        except _PARSING_ERRORS as err:
            return self._malformed(provider, name, f"unreadable: {type(err).__name__}")
        if location is None:
            return True, None
        raw = getattr(location, "raw", None)
        problem = provider.shape.problem(raw)
        if problem is not None or not isinstance(raw, dict):
            return self._malformed(provider, name, problem or "not an object")
        return True, raw

    def _failed(self, provider: _Provider, name: str, error: GeopyError) -> tuple[bool, None]:
        if isinstance(error, _PROVIDER_DOWN) or isinstance(error.__cause__, FetchError):
            self._give_up(provider, *_why_down(error))
        else:
            log.warning("online geocoder %s failed for %r: %s (will ask again next run)", provider.name, name,
                        brief(error))
            self._count_failure(provider)
        return False, None

    def _malformed(self, provider: _Provider, name: str, problem: str) -> tuple[bool, None]:
        log.warning("online geocoder %s gave a malformed answer for %r (%s): not used nor kept, asking again "
                    "next run",
                    provider.name, name, problem)
        self._count_failure(provider)
        return False, None

    def _count_failure(self, provider: _Provider) -> None:
        """One more name ``provider`` could not answer; too many in a row and it is not asked again this
        run."""
        self.failures += 1
        self._in_a_row[provider.name] = self._in_a_row.get(provider.name, 0) + 1
        if self._in_a_row[provider.name] >= ONLINE_FAILURES_IN_A_ROW:
            self.unreachable.add(provider.name)
            log.warning("online geocoder %s failed for %d names in a row; going on offline for this run, and "
                        "asking again next run", provider.name, ONLINE_FAILURES_IN_A_ROW)

    def _give_up(self, provider: _Provider, why: str, advice: str) -> None:
        """``provider`` is down as a whole: not asked again this run."""
        self.failures += 1
        self.unreachable.add(provider.name)
        log.warning("online geocoder %s %s; going on offline for this run, and asking again next run (%s)",
                    provider.name, why, advice)


def _loads(kept: str) -> object:
    """A kept answer, parsed; None when it cannot be."""
    try:
        return json.loads(kept)
    except (ValueError, RecursionError):
        return None
