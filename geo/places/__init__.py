"""Stage 2, places: the offline gazetteer (:mod:`~geo.places.gazetteer`, built by :mod:`~geo.places.build`, the
user's ``places.csv`` in :mod:`~geo.places.corrections`), the names an article's text holds
(:mod:`~geo.places.recognize`), the namesake it means from context (:mod:`~geo.places.cues`,
:mod:`~geo.places.resolve`) and the opt-in online geocoders (:mod:`~geo.places.geocode`). Takes an article's text,
gives :class:`geo.models.Resolved` and :class:`geo.models.Unresolved` records."""
