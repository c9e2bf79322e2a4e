"""The records a rule's example sentences are written in (see :mod:`geo.claims.examples` and
:mod:`geo.claims.counters`), and the helpers the rows use."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

Triple = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Example:
    """A sentence and the claims (surface, controller, event) it must give, one at least made by the rule."""

    text: str
    article: str
    expect: tuple[Triple, ...]
    published: date | None = None


@dataclass(frozen=True, slots=True)
class Counter:
    """A sentence with the rule's trigger on which the rule must not claim the ``absent`` places (none at all
    when ``absent`` is empty)."""

    text: str
    article: str
    absent: tuple[str, ...] = ()


WRITTEN = "written"


def example(text: str, article: str, *expect: Triple, published: date | None = None) -> Example:
    return Example(text, article, tuple(expect), published)


def counter(text: str, article: str, *absent: str) -> Counter:
    return Counter(text, article, tuple(absent))
