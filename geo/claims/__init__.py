"""Stage 3, claims: who took, holds or lost which place, who says so, and when. Takes an article and its resolved
places, gives :class:`geo.models.Claim` records (:mod:`geo.claims.engine`): tokens (:mod:`~geo.claims.tokens`),
declared rules (:mod:`~geo.claims.rules`, :mod:`~geo.claims.examples`) matched into frames
(:mod:`~geo.claims.frames`), decided (:mod:`~geo.claims.decide`), dated (:mod:`~geo.claims.timing`,
:mod:`~geo.claims.dating`) and explained (:mod:`~geo.claims.explain`)."""

from geo.claims.engine import extract_claims, read_claims
from geo.claims.merge import claim_id

__all__ = ["claim_id", "extract_claims", "read_claims"]
