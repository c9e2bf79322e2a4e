"""The work of one article, wherever it runs (see :mod:`geo.parallel`): recognise the places it names, resolve
them, extract its claims. The result is a plain record, the same whichever process made it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from geo.claims import extract_claims
from geo.gazetteer import Gazetteer
from geo.models import Article, Claim, Mention, Place, Resolved
from geo.recognize import candidate_names, find_mentions
from geo.resolve import place_in_region, resolve_mentions


@dataclass(frozen=True, slots=True)
class Processed:
    """What one article gave: its resolved mentions, the names nothing matched, its claims, and the names it
    holds with what the gazetteer made of each (for re-reading it when that changes)."""

    resolved: list[Resolved]
    unresolved: list[Mention]
    claims: list[Claim]
    names: dict[str, str]


def process_article(article: Article, gazetteer: Gazetteer, lookup: Callable[[str], Place | None] | None = None) -> Processed:
    """Recognise, resolve and extract the claims of one article; ``lookup`` tries the names no gazetteer knows."""
    resolved, unresolved = resolve_mentions(find_mentions(article.id, article.text, gazetteer), gazetteer)
    if lookup is not None:
        still = []
        for m in unresolved:
            place = lookup(m.surface)
            if place is None:
                still.append(m)
            else:
                resolved.append(Resolved(m, place, 1, "found online"))
        unresolved = still
    in_region, unresolved = place_in_region(unresolved, resolved)
    resolved = sorted([*resolved, *in_region], key=lambda r: r.mention.start)
    return Processed(resolved, unresolved, extract_claims(article, resolved),
                     gazetteer.name_states(candidate_names(article.text)))
