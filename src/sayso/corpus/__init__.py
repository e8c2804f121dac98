"""The corpus layer's pure logic: actors merged across articles and claims traced across
outlets. No database and no spaCy: the store calls these at ingest, per actor and per
attribution, and keeps what they decide."""

from .actors import (
    ActorMention,
    CorpusActor,
    MatchDecision,
    actor_keys,
    merge_actor,
    resolve_actor,
)
from .claims import (
    ClaimMember,
    Independence,
    claim_fingerprint,
    claim_keys,
    claim_similarity,
    first_reporter,
    independent_sources,
    same_claim,
)

__all__ = [
    "ActorMention",
    "ClaimMember",
    "CorpusActor",
    "Independence",
    "MatchDecision",
    "actor_keys",
    "claim_fingerprint",
    "claim_keys",
    "claim_similarity",
    "clear_caches",
    "first_reporter",
    "independent_sources",
    "merge_actor",
    "resolve_actor",
    "same_claim",
]


def clear_caches() -> None:
    """Forget every cached name form, stem and claim feature: for timing from cold."""
    from . import actors, claims, text

    for cached in (actors.name_form, actors._forms, actors._role_stems, claims._features,
                   claims.wire_credits, claims.article_wires, text.fold, text.stem):
        cached.cache_clear()
