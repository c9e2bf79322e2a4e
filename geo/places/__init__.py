"""Stage 2, places. Takes an article's text, gives :class:`geo.models.Resolved` and
:class:`geo.models.Unresolved` records.

- The offline gazetteer: :mod:`~geo.places.gazetteer` reads it; :mod:`~geo.places.build` builds it from
  :mod:`~geo.places.sources` (GeoNames, wordfreq) and :mod:`~geo.places.katottg`; :mod:`~geo.places.imports`
  keeps the dumps a user imports; :mod:`~geo.places.corrections` reads the user's ``places.csv``.
- An article's sentences (:mod:`~geo.places.sentences`) and the names they hold
  (:mod:`~geo.places.recognize`).
- The namesake meant: where the text says a name lies (:mod:`~geo.places.cues`), candidates ranked
  (:mod:`~geo.places.rank`) and chosen (:mod:`~geo.places.resolve`).
- The opt-in online geocoders (:mod:`~geo.places.geocode`).
"""
