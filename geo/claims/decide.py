"""Deciding a frame: its controller, event, claimant, stance, date and confidence, each with its reasons.

Small pure functions of a frame, the act that voices it, and the article; each returns its value and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from geo.claims import vocab as V
from geo.claims.frames import Frame
from geo.claims.sides import opposite
from geo.claims.voices import Act
from geo.models import Article, Controller, Event, Place, Side, Stance, When
from geo.when import AS_PUBLISHED

#: an unattributed gain dated within this many days of publication is news relayed from a side, not background
FRESH_DAYS = 14


@dataclass(frozen=True, slots=True)
class Voice:
    """Who makes a claim: the claimant's words, side, voice kind and stance."""

    claimant: str
    side: Side
    kind: str
    stance: Stance


def acting_side(frame: Frame, act: Act | None, place: Place, denied: bool, belligerents: frozenset[str],
                antecedent: Side | None = None) -> tuple[Side | None, str]:
    """The side that acted: the one the frame names, else the rule's default. A pronoun ("its forces", "it")
    is the speaker's side, else the side named before it in the sentence."""
    speaker = act.side if act is not None and act.side in ("RU", "UA") else None
    if frame.side == "SPEAKER":
        if speaker is None and antecedent is not None:
            return antecedent, f"{frame.side_via}: no speaker, the side named before it ({antecedent})"
        return speaker, f"{frame.side_via} ({speaker or 'no speaker'})"
    if frame.side == "ENEMY":
        return (opposite(speaker), frame.side_via) if speaker else (None, "'the enemy' with no speaker")
    if frame.side is not None:
        return frame.side, frame.side_via
    for default in frame.rule.defaults:
        flip = denied and (not frame.negated or _own_place_not_lost(frame, speaker, place))
        side, why = _default_side(default, act, speaker, place, flip, belligerents, frame.text.lower())
        if side is not None:
            return side, why
    return None, "no side"


#: words of taking back or freeing: their taker is the place's own side, whoever speaks
_TAKEN_BACK = V.LIBERATE | V.LIBERATED | frozenset({"liberation", "retaken", "retake", "recaptured",
                                                   "recapture", "regained", "regain", "reclaimed", "back"})


def _own_place_not_lost(frame: Frame, speaker: Side | None, place: Place) -> bool:
    """"X has not been captured", said by X's own side: the unnamed taker it denies is the other side (not
    so for "X has not been liberated" or "retaken", nor for a side denying it took a place of the other's)."""
    words = set(frame.text.lower().replace('"', " ").split())
    return (frame.role == "taker" and speaker is not None and speaker == place.country
            and not words & _TAKEN_BACK)


def _default_side(default: str, act: Act | None, speaker: Side | None, place: Place, denied: bool,
                  belligerents: frozenset[str], frame_text: str) -> tuple[Side | None, str]:
    """The side a rule's default gives, if it gives one here."""
    country = cast(Side, place.country) if place.country in ("RU", "UA") else None
    if default == "speaker" and speaker is not None:
        side = opposite(speaker) if denied else speaker
        return side, f"no side named: the speaker's ({act.who if act else ''}){', denied' if denied else ''}"
    if default == "only_side" and len(belligerents) == 1:
        return cast(Side, next(iter(belligerents))), "no side named: the only side the sentence names"
    if (default == "invader" or (default == "occupier" and "occupied" in frame_text)) and country is not None:
        return opposite(country), f"no side named: the invader of {country}"
    if default == "own_country" and country is not None and not belligerents:
        return country, "freed with no side named at all: by the place's own country"
    return None, ""


def controller(frame: Frame, side: Side | None) -> tuple[Controller | None, str]:
    """Fighting leaves a place contested; a taker or holder controls it; the side that lost or left it does
    not."""
    if frame.rule.kind == "fight":
        return "contested", "fighting: contested"
    if side not in ("RU", "UA"):
        return None, "no side"
    if frame.role in ("taker", "holder") or frame.role == "none":
        return side, f"{frame.role} {side}"
    return cast(Controller, opposite(cast(Side, side))), f"{frame.role} {side}: the other side controls"


def event(frame: Frame, control: Controller, place: Place) -> tuple[Event, str]:
    """The event a frame's kind makes; taking ground of one's own country back is a recapture."""
    kind = frame.rule.kind
    if kind in ("hold", "withdraw", "fight"):
        return (cast(Event, {"hold": "holds", "withdraw": "withdrew", "fight": "fighting"}[kind]),
                f"{kind} kind")
    if control == place.country:
        return "recaptured", f"{control} takes back a place in {place.country}"
    return "captured", f"{control} takes a place in {place.country}"


def recent(when: When | None, article: Article) -> bool:
    """True unless the event is dated clearly before the article's fortnight (background the reporter vouches
    for)."""
    if when is None or when.event_date is None or article.published is None:
        return True
    return (article.published - when.event_date).days <= FRESH_DAYS


def voice(frame: Frame, act: Act | None, control: Controller, side: Side | None, denied: bool,
          unverified: bool, article: Article, when: When | None) -> tuple[Voice, str, str]:
    """Who claims it and how: the act's speaker, else the side that acted (news relayed unattributed), else
    the reporter; a side admitting the other's gain, or an unhedged independent voice, confirms."""
    reporter = article.source or "the reporter"
    claimant_side: Side = act.side if act else "third_party"
    took = frame.role in ("taker", "holder") or frame.rule.kind != "capture"
    if (control in ("RU", "UA")
        and ((act and act.side == "unknown") or (act is None and recent(when, article)))):
        claimant_side = side if side in ("RU", "UA") and took else cast(Side, control)
        if denied:
            claimant_side = opposite(claimant_side)
    # a side's officials admit the other's gain or hold (so do its confirmations and its own losses); its
    # media and observers reporting the other side's advance only claim it (dev + dev2 labels: 20 of 23 such
    # reports "claimed")
    own_loss = frame.role in ("leaver", "loser") and side == claimant_side
    admitted = control in ("RU", "UA") and claimant_side == opposite(cast(Side, control)) and (
        act is None or act.kind in ("admit", "confirm") or own_loss or act.voice == "official")
    independent = (claimant_side == "third_party"
                   and not (act and act.voice == "analyst" and act.kind not in ("confirm", "admit")))
    stance, stance_why = _stance(denied, unverified, admitted, independent, frame.hedged)
    claimant = (act.who if act
                else (f"unattributed, in {reporter}" if claimant_side in ("RU", "UA") else reporter))
    kind = act.voice if act else ("official" if claimant_side in ("RU", "UA") else "reporter")
    why = f"{act.via}" if act else "no speaker: " + ("news relayed from the side that acted"
                                                     if claimant_side in ("RU", "UA") else "the reporter")
    return Voice(claimant, claimant_side, kind, stance), why, stance_why


def _stance(denied: bool, unverified: bool, admitted: bool, independent: bool,
            hedged: bool) -> tuple[Stance, str]:
    """Denied, unverified, confirmed (admitted by the other side, or stated unhedged by an independent voice),
    or claimed; with the reason."""
    if denied:
        return "denied", "a denial covers it"
    if unverified:
        return "unverified", "'could not be verified'"
    if (independent or admitted) and not hedged:
        return ("confirmed",
                "admitted by the side that lost it" if admitted
                else "an independent voice states it unhedged")
    return "claimed", "hedged" if hedged else "a side's own word"


def as_published(article: Article) -> When | None:
    """A present-tense statement with no time of its own is about the day of publication."""
    return When(AS_PUBLISHED, article.published, "day") if article.published else None


def confidence(named: bool, act: Act | None, when: When | None, frame: Frame, stance: Stance) -> float:
    """Confidence grows with the evidence: a named side, a named speaker, a date, a change of hands."""
    score = (0.45 + (0.2 if named else 0.0) + (0.15 if act else 0.0)
             + (0.1 if when and when.event_date else 0.0))
    score += 0.1 if frame.rule.kind in ("capture", "withdraw") else 0.0
    score -= 0.2 if frame.hedged or stance == "unverified" else 0.0
    return round(max(0.05, min(0.99, score)), 2)
