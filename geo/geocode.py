"""Online geocoding, opt-in (``geo run --online``), for names the offline gazetteer lacks.

geopy's Nominatim (and GeoNames, when a username is configured) behind geopy's ``RateLimiter``: one request per
second at most, a timeout, retries with a wait after server errors. Every answer, "not found" included, is kept in
the store, so a query is never sent twice; a query that failed (network or server error) is not kept and is
tried again on the next run.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

from geopy.exc import GeocoderUnavailable, GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import GeoNames, Nominatim

from geo.models import Place
from geo.settings import ONLINE_COUNTRIES, OnlineSettings
from geo.store import Store

log = logging.getLogger(__name__)

_SETTLEMENT_TYPES = {"city", "town", "village", "hamlet", "suburb", "neighbourhood", "locality", "isolated_dwelling",
                     "municipality", "quarter", "administrative", "residential", "borough"}


def _place_from_nominatim(raw: dict[str, Any]) -> Place | None:
    if raw.get("addresstype") not in (None, *_SETTLEMENT_TYPES) and raw.get("class") not in ("place", "boundary"):
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
    return Place(
        place_id=f"geonames:{raw['geonameId']}", name=str(raw.get("name")), lat=float(raw["lat"]), lon=float(raw["lng"]),
        country=str(raw.get("countryCode", "")), admin1=raw.get("adminName1") or None, feature="settlement",
        precision="exact",
    )


class OnlineGeocoder:
    """Looks names up online, politely, remembering every answer in the store."""

    def __init__(self, options: OnlineSettings, store: Store) -> None:
        self.store = store
        url = urlsplit(options.nominatim_url)
        nominatim = Nominatim(user_agent=options.user_agent, domain=url.netloc + url.path.rstrip("/"),
                              scheme=url.scheme or "https", timeout=options.timeout_s)
        self._providers: list[tuple[str, Callable[..., Any], Callable[[dict[str, Any]], Place | None], dict[str, Any]]] = [
            ("nominatim", self._limited(nominatim.geocode, options), _place_from_nominatim,
             {"country_codes": list(ONLINE_COUNTRIES), "addressdetails": True, "exactly_one": True}),
        ]
        if options.geonames_username:
            geonames = GeoNames(username=options.geonames_username, user_agent=options.user_agent, timeout=options.timeout_s)
            self._providers.append(("geonames", self._limited(geonames.geocode, options), _place_from_geonames,
                                    {"country": [c.upper() for c in ONLINE_COUNTRIES], "exactly_one": True}))
        self.sent = 0
        self.unreachable: set[str] = set()  # providers that could not be reached this run: not asked again
        self.failures = 0  # lookups that got no answer (to be asked again on the next run)

    @staticmethod
    def _limited(func: Callable[..., Any], options: OnlineSettings) -> Callable[..., Any]:
        limited: Callable[..., Any] = RateLimiter(
            func, min_delay_seconds=options.min_delay_s, max_retries=options.retries,
            error_wait_seconds=max(options.error_wait_s, options.min_delay_s), swallow_exceptions=False)
        return limited

    def lookup(self, name: str) -> Place | None:
        """The settlement called ``name`` according to the first provider that knows it, or None."""
        for provider, geocode, to_place, kwargs in self._providers:
            asked, answer = self.store.geocoded(provider, name)
            if not asked:
                if provider in self.unreachable:
                    self.failures += 1
                    continue
                try:
                    self.sent += 1
                    location = geocode(name, **kwargs)
                except GeocoderUnavailable as err:
                    self.unreachable.add(provider)
                    self.failures += 1
                    log.warning("online geocoder %s cannot be reached (%s); going on offline, and asking again next run",
                                provider, type(err).__name__)
                    continue
                except GeopyError as err:
                    self.failures += 1
                    log.warning("online geocoder %s failed for %r: %s (will ask again next run)", provider, name, err)
                    continue
                answer = json.dumps(location.raw, sort_keys=True, ensure_ascii=False) if location else None
                self.store.remember_geocode(provider, name, answer, datetime.now(timezone.utc).isoformat(timespec="seconds"))
            if answer is not None:
                place = to_place(json.loads(answer))
                if place is not None:
                    return place
        return None
