"""Stage 3, claims: who took, holds or lost which place, who says so, and when. Takes an article and its
resolved places, gives :class:`geo.models.Claim` records (:func:`geo.claims.engine.extract_claims`).

- Tokens (:mod:`~geo.claims.tokens`, :mod:`~geo.claims.vocab`), actors (:mod:`~geo.claims.sides`) and speech
  acts (:mod:`~geo.claims.voices`).
- Declared rules (:mod:`~geo.claims.rules`, with :mod:`~geo.claims.examples` and :mod:`~geo.claims.counters`)
  matched (:mod:`~geo.claims.match`) into frames (:mod:`~geo.claims.frames`): what a slot finder reads
  (:mod:`~geo.claims.scene`), where the places are (:mod:`~geo.claims.slots`, :mod:`~geo.claims.phrases`,
  :mod:`~geo.claims.places`) and who acts how (:mod:`~geo.claims.acting`).
- Decided (:mod:`~geo.claims.decide`, :mod:`~geo.claims.stance`), dated (:mod:`~geo.claims.timing`,
  :mod:`~geo.claims.dating`), merged (:mod:`~geo.claims.merge`) and explained (:mod:`~geo.claims.trace`,
  :mod:`~geo.claims.explain`).
"""
