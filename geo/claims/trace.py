"""What reading an article gives besides its claims: per sentence, the acts, frames and blocked triggers, and
per claim the reasons for its side, stance and date (what ``geo explain`` shows)."""

from __future__ import annotations

from dataclasses import dataclass, field

from geo.claims.frames import Blocked, Frame
from geo.claims.voices import Act
from geo.models import Claim


@dataclass(frozen=True, slots=True)
class ClaimTrace:
    """One claim of a sentence and the reasons for each of its values."""

    claim: Claim
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SentenceTrace:
    """What one sentence gave: its frames, the triggers that made nothing and why, and its claims."""

    index: int
    text: str
    acts: tuple[str, ...]
    frames: tuple[str, ...]
    blocked: tuple[Blocked, ...]
    claims: tuple[ClaimTrace, ...]


@dataclass(frozen=True, slots=True)
class Reading:
    """The claims of an article and how each sentence gave them."""

    claims: tuple[Claim, ...]
    sentences: tuple[SentenceTrace, ...] = field(default=())


def act_line(a: Act) -> str:
    return f"{a.kind} {a.who} ({a.side}, {a.voice}; {a.via})"


def frame_line(f: Frame) -> str:
    places = ", ".join(f"{t.resolved.mention.surface} ({t.via})" for t in f.targets)
    flags = [w for w, on in (("negated", f.negated), (f.modality, f.modality != "fact"), ("hedged", f.hedged))
             if on]
    return f"{f.rule.id} '{f.text}' -> {places}; side {f.side or '-'} ({f.side_via}), role {f.role}" + \
        (f"; {', '.join(flags)}" if flags else "")
