"""Who says a frame's claims, and how: a frame's verdict (side, event, stance and date with reasons), the
voices of the sentence (a report, a denial, a second voice that calls the claim false or says where it really
lies) and a claim said again in a later sentence by a denial."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from geo.claims import decide
from geo.claims import vocab as V
from geo.claims.frames import Frame
from geo.claims.sides import opposite
from geo.claims.tokens import ArticleDoc, Span
from geo.claims.trace import ClaimTrace
from geo.claims.voices import Act, reported_confirmation, reported_denial
from geo.models import Claim, Controller, Resolved, Side, When


@dataclass(frozen=True, slots=True)
class Verdict:
    """What was decided for one place of a frame, before the voices that make it claims."""

    frame: Frame
    resolved: Resolved
    act: Act | None
    side: Side | None
    control: Controller
    denied: bool
    unverified: bool
    when: When | None
    why: tuple[str, str, str, str]  # side, controller, denial, date
    part: str = ""  # the part of the place the claim is about, as the text names it


#: words of a verb group in the present: its statement is about the day of publication
_PRESENT = frozenset({"has", "have", "'s", "’s", "is", "are", "remains", "remain", "continues", "continue",
                      "ongoing", "goes", "rages", "now", "underway"})


def _when_for(f: Frame, act: Act | None, when: When | None, adoc: ArticleDoc) -> When | None:
    """A frame's own time, else the publication day for present states, fresh acts and present perfects."""
    if when is not None:
        return when
    clause = adoc.clause[f.trigger[0]]
    words = {adoc.lower(k) for k in range(max(0, f.trigger[0] - 4), min(len(adoc.clause), f.trigger[1] + 3))
             if adoc.clause[k] == clause}
    present = bool(words & _PRESENT)
    if f.rule.kind == "hold" or act is not None or present:
        return decide.as_published(adoc.article)
    return None


def voiced(adoc: ArticleDoc, v: Verdict, acts: Sequence[Act]) -> list[ClaimTrace]:
    """The claims of a verdict, one per voice, each with the reasons for its values."""
    f, r, article = v.frame, v.resolved, adoc.article
    happened, event_why = decide.event(f, v.control, r.place)
    when = _when_for(f, v.act, v.when, adoc)
    if f.rule.voice == "reporter":
        voice = decide.Voice(article.source or "the reporter", "third_party", "reporter", "confirmed")
        voice_why, stance_why = "control stated in passing: the reporter's", "the reporter states it"
    else:
        voice, voice_why, stance_why = decide.voice(f, v.act, v.control, v.side, v.denied, v.unverified,
                                                    article, when)
    voices = [voice, *_second_voices(adoc, f, v.act, acts, voice, v.control, v.denied)]
    dated = v.why[3] if v.when else "none in the clause; " + (when.text if when else "no date")
    reasons = (f"rule {f.rule.id}: '{f.text}' -> {r.mention.surface}",
               f"controller {v.control}: {v.why[1]}; side via {v.why[0]}", f"event {happened}: {event_why}",
               f"claimant {voice.claimant} ({voice.side}): {voice_why}",
               f"stance {voice.stance}: {stance_why}" + (f" ({v.why[2]})" if v.denied else ""),
               f"date {when.event_date if when else None}: {dated}",
               *([f"part: '{v.part}' of it"] if v.part else []))
    conf = decide.confidence(f.side is not None, v.act, when, f, voice.stance)
    quote = adoc.sentence(f.sentence).text
    return [ClaimTrace(Claim(claim_id="", article_id=article.id, place=r.place, surface=r.mention.surface,
                             controller=v.control, event=happened, claimant=o.claimant, claimant_side=o.side,
                             stance=o.stance, event_date=when.event_date if when else None,
                             date_precision=when.precision if when else None,
                             date_text=when.text if when else None, quote=quote,
                             confidence=conf if o is voice else round(conf * 0.9, 2), start=r.mention.start,
                             voice=o.kind, rule=f.rule.id, part=v.part), reasons)
            for o in voices]


def _second_voices(adoc: ArticleDoc, f: Frame, act: Act | None, acts: Sequence[Act], voice: decide.Voice,
                   control: str, denied: bool) -> list[decide.Voice]:
    """A second side in the sentence: one that calls the claim false, or the one whose claim is denied."""
    others = [a for a in acts if a.side in ("RU", "UA") and a.side != voice.side and a is not act]
    span = adoc.span(f.sentence)
    if not denied and f.rule.kind != "fight" and others and (
            _calls_false(adoc, span) or _falsified(adoc, span, f) or any(a.kind == "deny" for a in others)):
        return [decide.Voice(others[0].who, others[0].side, others[0].voice, "denied")]
    if denied and control in ("RU", "UA"):
        return [decide.Voice(a.who, a.side, a.voice, "claimed") for a in others if a.side == control][:1]
    return []


#: words after "lie(s)" that make it a location ("which lies in the Donetsk region", "lies 20 km north of"),
#: not a falsehood ("a pack of lies", "Moscow lies about its losses")
_LIES_WHERE = V.PREP_AT | V.COMPASS | frozenset({"between", "along", "just", "some", "roughly",
                                                 "approximately", "about", "only", "less", "more"})


def called_false(adoc: ArticleDoc, span: Span, f: Frame, act: Act | None) -> bool:
    """"(The military said) the claim that the village had been captured was untrue", "(he said) reports of a
    Russian capture of X were disinformation": the trigger is in the content of a report nobody owns here and
    its clause calls it false after it; the speaker denies it. ("Russia's claim that ... is false", "Moscow's
    claims about X are false": Russia claims, and who calls it false is the second voice.)"""
    k = f.trigger[0] - 1
    while k > span.start and f.trigger[0] - k < 10 and _report_opening(adoc, k) is None:
        k -= 1
    form = _report_opening(adoc, k)
    if form is None or form == "of" and adoc.lower(k - 1) in {"'s", "’s", *V.SIDE_WORD}:
        return False  # "Moscow's claims about", "Russian reports of": owned
    if form == "that" and act is not None and act.speaker < k <= act.verb + 1:
        return False
    return _falsified(adoc, span, f)


#: nouns whose "of" or "about" opens what they report: "reports of a capture", "claims about X"
_REPORT_NOUNS = frozenset({"claim", "report", "statement", "assertion", "announcement", "declaration"})


def _report_opening(adoc: ArticleDoc, k: int) -> str | None:
    """How a report's content opens at ``k``: "the claim that" (``that``), "reports of", "claims about"
    (``of``); None if it does not."""
    if adoc.lower(k) == "that" and adoc.lemma(k - 1) in V.SPEECH_NOUN:
        return "that"
    return "of" if adoc.lemma(k) in _REPORT_NOUNS and adoc.lower(k + 1) in ("of", "about") else None


def _falsified(adoc: ArticleDoc, span: Span, f: Frame) -> bool:
    """Whether the trigger's clause calls what it says false after it ("... was untrue", "... were
    disinformation", "... is not true", "... were not backed up by facts"), before another report opens
    ("took X and that Ukraine's statement ... did not match reality": that statement is called false)."""
    clause = adoc.clause[f.trigger[0]]
    for j in range(f.trigger[1], span.end):
        if adoc.lemma(j) in V.SPEECH_NOUN:
            return False
        if adoc.clause[j] == clause and (_false(adoc, j) or _not_true(adoc, j)):
            return True
    return False


def _not_true(adoc: ArticleDoc, k: int) -> bool:
    """"not true", "not correct", "not accurate", "not backed up by (facts)", "does not match / reflect /
    correspond to reality"."""
    after = adoc.lower(k + 1)
    return adoc.lower(k) in V.NEGATION and (after in ("true", "correct", "accurate") or (
        after == "backed" and adoc.lower(k + 2) == "up" and adoc.lower(k + 3) == "by") or (
        adoc.lemma(k + 1) in ("match", "reflect", "correspond") and "reality" in (adoc.lower(k + 2),
                                                                                adoc.lower(k + 3))))


def _calls_false(adoc: ArticleDoc, span: Span) -> bool:
    """Whether a sentence calls something false."""
    return any(_false(adoc, k) for k in range(span.start, span.end))


def _false(adoc: ArticleDoc, k: int) -> bool:
    """Whether the word at ``k`` calls something false ("untrue", "propaganda", "a pack of lies"; not "the
    village lies northwest of X", "lies about 20 km from")."""
    return adoc.lower(k) in V.FALSE_WORDS and not (adoc.lower(k) in ("lie", "lies") and _located_lie(adoc, k))


def _located_lie(adoc: ArticleDoc, k: int) -> bool:
    """Whether "lie(s)" at ``k`` says where something is ("lies in", "lies about 20 km", "lies north-west
    of")."""
    after = adoc.lower(k + 1)
    return after in _LIES_WHERE and (after != "about" or adoc.number(k + 2)) or after.endswith(V.POINTS)


def revoiced(adoc: ArticleDoc, span: Span, acts: Sequence[Act], previous: Sequence[Claim]) -> list[Claim]:
    """"Ukraine denied the claim.": the other side's claims of the sentence before, denied; "ISW confirmed the
    breakthrough.": confirmed."""
    speaker = acts[0] if acts else None
    if speaker is None:
        return []
    denial = reported_denial(adoc, span)
    if speaker.side in ("RU", "UA") and (denial or _called_so_false(adoc, span)):
        # what is only called false is what was said, an advance or an encirclement: no fighting is denied
        return [_as_voiced(c, speaker, span, "denied") for c in previous
                if c.claimant_side == opposite(speaker.side) and c.stance != "denied"
                and (denial or c.event != "fighting")]
    if reported_confirmation(adoc, span):
        return [_as_voiced(c, speaker, span, "confirmed") for c in previous
                if c.claimant_side != speaker.side]
    return []


#: what "said that was not true" calls false: what was said before ("it was not true that ..." points on)
_THAT_SAID = frozenset({"this", "that", "claim", "claims", "report", "reports", "statement", "statements",
                        "assertion", "announcement"})
#: the copulas that call it so ("the claim was untrue")
_COPULAS = frozenset({"is", "was", "are", "were", "been"})


def _called_so_false(adoc: ArticleDoc, span: Span) -> bool:
    """"Kyiv said that was not true.", "Ukrainian officials said the claim was untrue.": what the sentence
    before said is the subject of a copula that calls it false (not "said that false rumours spread")."""
    for k in range(span.start + 1, span.end - 1):
        if adoc.lower(k) in _THAT_SAID and adoc.lower(k + 1) in _COPULAS:
            j = k + 2 + (adoc.lower(k + 2) in ('"', "“", "a", "an", "just", "simply"))
            if _false(adoc, j) or _not_true(adoc, j) or _false(adoc, j + 1):
                return True
    return False


def _as_voiced(claim: Claim, act: Act, span: Span, stance: str) -> Claim:
    return replace(claim, claimant=act.who, claimant_side=act.side, stance=stance, quote=span.sentence.text,  # type: ignore[arg-type]
                   confidence=round(claim.confidence * 0.9, 2), start=span.sentence.start, voice=act.voice)
