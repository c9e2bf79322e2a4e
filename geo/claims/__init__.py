"""Claims: who took, holds or lost which place, who says so, and when (see :mod:`geo.claims.engine`)."""

from geo.claims.engine import claim_id, extract_claims, read_claims

__all__ = ["claim_id", "extract_claims", "read_claims"]
