"""Typed, frozen records passed between the stages of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Literal, TypeVar

Side = Literal["RU", "UA", "third_party", "unknown"]
Controller = Literal["RU", "UA", "contested"]
Event = Literal["captured", "recaptured", "holds", "withdrew", "fighting"]
Stance = Literal["claimed", "confirmed", "denied", "unverified"]
Precision = Literal["day", "week", "month", "season", "year"]
Feature = Literal["settlement", "region", "country"]
LocationPrecision = Literal["exact", "approximate", "region"]


#: What a mention names: a place by its name, a region ("Donetsk region"), a district ("Pokrovsk district").
MentionKind = Literal["plain", "region", "raion"]
_R = TypeVar("_R")


def _by_fields(cls: type[_R]) -> type[_R]:
    """Pickle a record as its class and field values: unpickled by its constructor, which is several times
    faster than the default for frozen dataclasses with slots (results cross process boundaries by the
    thousand)."""
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]

    def __reduce__(self: _R) -> tuple[type[_R], tuple[object, ...]]:
        return cls, tuple(getattr(self, n) for n in names)

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls


@_by_fields
@dataclass(frozen=True, slots=True)
class Article:
    """One article as read from disk; ``id`` is a hash of its normalised text."""

    id: str
    path: str
    title: str
    published: date | None
    source: str | None
    url: str | None
    text: str


@_by_fields
@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: a settlement, a region or a country."""

    place_id: str
    name: str
    lat: float
    lon: float
    country: str
    admin1: str | None
    feature: Feature
    precision: LocationPrecision
    population: int = 0


@_by_fields
@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of article text that names a place (possibly several candidates)."""

    article_id: str
    start: int
    end: int
    surface: str
    sentence_index: int
    kind: MentionKind = "plain"
    typed_settlement: bool = False
    as_actor: bool = False  # not after a place preposition or verb: a capital named so is its government


@_by_fields
@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a mention may mean, with its score and what the score is made of."""

    place: Place
    score: float
    why: str


@_by_fields
@dataclass(frozen=True, slots=True)
class Resolved:
    """A mention with the place chosen for it and why; ``ranking`` holds the best candidates, winner first."""

    mention: Mention
    place: Place
    candidates: int
    reason: str
    ranking: tuple[Candidate, ...] = ()


@_by_fields
@dataclass(frozen=True, slots=True)
class Unresolved:
    """A name no place was chosen for, and why: no source knows it (``candidates`` 0), or the places it may
    name were left out (a namesake far from everything else the article names)."""

    mention: Mention
    reason: str
    candidates: int = 0

    @property
    def surface(self) -> str:
        """The name as the article wrote it."""
        return self.mention.surface


@dataclass(frozen=True, slots=True)
class When:
    """A resolved time expression: ``event_date`` is the start of the period."""

    text: str
    event_date: date | None
    precision: Precision | None
    start: int = 0
    end: int = 0


@_by_fields
@dataclass(frozen=True, slots=True)
class Claim:
    """A claim that a side holds, took or lost a place, with who says so and when."""

    claim_id: str
    article_id: str
    place: Place
    surface: str
    controller: Controller
    event: Event
    claimant: str
    claimant_side: Side
    stance: Stance
    event_date: date | None
    date_precision: Precision | None
    date_text: str | None
    quote: str
    confidence: float
    start: int = field(default=0, compare=False)
    #: the kind of voice that makes the claim: official, media, analyst or reporter (two voices of one side
    #: and kind say the same thing once)
    voice: str = field(default="official", compare=False)
    #: the id of the claim rule that made it, e.g. 'capture.verb'; see ``geo explain``
    rule: str = field(default="", compare=False)
    #: the part of the place the claim is about, as the text names it ("eastern outskirts", "80%", "most");
    #: empty when the claim is about the whole place
    part: str = field(default="", compare=False)
