"""The dating stage: after a run has stored what it read, and before anything is drawn, each undated article
whose claims the change touched gets the year the dated reports of the same places give it
(:func:`geo.claims.dating.year_of`), kept in the store. From then on :meth:`geo.store.db.Store.claims` gives
every reader (the outputs, ``geo export``, ``geo evaluate``) the claims with that year applied."""

from __future__ import annotations

from collections import defaultdict

from geo.claims.dating import year_of
from geo.models import Claim
from geo.store.db import Store


def date_undated_articles(store: Store) -> int:
    """Give the undated articles claiming places that changed the year the evidence now points to; mark the
    places of those whose year moved as changed. Returns how many moved."""
    changed = store.dirty_places()
    if not changed:
        return 0
    known = store.article_years()
    own: dict[str, list[Claim]] = defaultdict(list)
    undated = store.undated_articles(changed)
    for c in store.claims(articles=undated):
        own[c.article_id].append(c)
    evidence = store.dated_years({c.place.place_id for cs in own.values() for c in cs})
    moved = {a: year for a in undated if (year := year_of(own[a], evidence)) != known.get(a)}
    if moved:
        with store.con:
            store.set_years(moved)
            store.mark_places({c.place.place_id for a in moved for c in own[a]})
    return len(moved)
