"""One claim per place, side, event, voice, stance and date in an article."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from geo.models import Claim
from geo.when import AS_PUBLISHED, in_year

_CHANGES = ("captured", "recaptured", "withdrew")


def merge_claims(claims: Sequence[Claim]) -> list[Claim]:
    """One claim per place, side, event, voice (claimant side and kind), stance and date in an article (the
    same voice dating the same change twice differently makes two claims); an undated statement takes the date
    another statement of the same change gives; "took X and now holds it" is one change."""
    groups: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        groups[(c.place.place_id, c.controller, c.event)].append(c)
    captured = {(c.place.place_id, c.controller, c.quote) for c in claims
                if c.event in ("captured", "recaptured")}
    merged: list[Claim] = []
    for group in groups.values():
        group = [c for c in group
                 if not (c.event == "holds" and (c.place.place_id, c.controller, c.quote) in captured)]
        for best in _one_per_voice(group):
            merged.append(replace(best, claim_id=claim_id(best.article_id, best.place.place_id, best.event,
                                                          best.controller, best.claimant_side, best.stance,
                                                          best.event_date, best.voice)))
    return sorted(merged, key=lambda c: (c.start, c.claim_id))


def _one_per_voice(group: Sequence[Claim]) -> list[Claim]:
    """The best claim of each voice in a group of one place, side and event."""
    dated = [c for c in sorted(group, key=lambda c: c.start) if c.event_date is not None]
    by_voice: dict[tuple[str, str, str, date | None], list[Claim]] = defaultdict(list)
    for c in group:  # a change dated twice by one voice is two claims; fighting or holding goes on: one
        by_voice[(c.claimant_side, c.voice, c.stance,
                  c.event_date if c.event in _CHANGES else None)].append(c)
    out = []
    for (side, voice, stance, when), same in sorted(by_voice.items(),
                                                    key=lambda kv: (*kv[0][:3], kv[0][3] or date.min)):
        if when is None and any(k[:3] == (side, voice, stance) and k[3] is not None for k in by_voice):
            continue  # the same voice dates this claim elsewhere in the article
        # the latest day first: the state as last told (a change's claims here share their day)
        best = max(same, key=lambda c: (c.event_date or date.min,
                                        c.event_date is not None and c.date_text != AS_PUBLISHED,
                                        bool(c.date_text and in_year(c.date_text, 2000)), -c.start,
                                        c.confidence))
        if best.event_date is None and dated:
            d = dated[0]
            best = replace(best, event_date=d.event_date, date_precision=d.date_precision,
                           date_text=d.date_text)
        out.append(best)
    return out


def claim_id(article_id: str, place_id: str, event: str, controller: str, claimant_side: str, stance: str,
             event_date: date | None = None, voice: str = "official") -> str:
    """Stable id: the same claim in the same article always gets the same id."""
    raw = "|".join((article_id, place_id, event, controller, claimant_side, stance,
                    event_date.isoformat() if event_date else "", "" if voice == "official" else voice))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]
