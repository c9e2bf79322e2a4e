"""Claims: who took, holds or lost which place, who says so, and when.

Claims live in sentences. A claim needs a trigger (:mod:`geo.triggers`), the places it is about
(:mod:`geo.targets`), and a side: the side named as taking or holding the place ("fell to Russian forces", "under
Ukrainian control"), or losing or leaving it ("Ukraine lost", "Russian troops withdrew"), the speaker's own ("its
forces"), or the invader of an "occupied" place. Control stated in passing ("the Russian-held city of Donetsk") is
the reporter's. Around it: who says so (:mod:`geo.speakers`; a report carries over the next sentences), its
stance (a side claims its gains; the other side admitting them, or an independent voice stating them unhedged,
confirms; denials and "could not be verified"), and a time of the same clause (:mod:`geo.when`). Each voice (a
side's officials, its media, analysts, the reporter) makes its own claim.

Confidence grows with the evidence: a named side (+0.2), a named speaker (+0.15), a date (+0.1), a capture or
withdrawal verb (+0.1), from a base of 0.45; hedges ("reportedly") and "could not be verified" take 0.2 off.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from geo.actors import Actor, opposite, voice_kind
from geo.models import Article, Claim, Controller, Event, Resolved, Side, Stance, When
from geo.prefilter import Quick
from geo.recognize import Sentence, split_sentences
from geo.speakers import Speaker, may_speak, sentence_voices
from geo.targets import AXIS, RELATIVE_LOCATION, Around, clause_break, is_locator, opening_place, targets_of
from geo.triggers import Trigger, clause_before, find_triggers
from geo.when import find_times, in_year, latest_full_date


_HELD_BEFORE = re.compile(
    r"\b(?:(?P<side>Russian|Ukrainian|Russia|Ukraine)[-\s](?:held|occupied|controlled)|(?P<sep>separatist|rebel|pro-Russian|Russian-backed))\s+"
    r"(?:(?:[a-z]+\s+){0,2}(?:city|town|village|settlement|region|capital|centre|center|port|hub|stronghold|bastion)\s+(?:of\s+)?)?$",
    re.IGNORECASE)
_OCCUPIED_BEFORE = re.compile(
    r"(?:^|\b(?:the|in|of|from|to|near|into|across|around|newly|still)\s+)(?:temporarily\s+)?occupied\s+(?:(?:[a-z]+\s+){0,2}(?:city|town|village|settlement|region)\s+(?:of\s+)?)?$",
    re.IGNORECASE)  # not "the occupied part of Kharkiv region": part of a region is not the region
_HELD_AFTER = re.compile(
    r"^,?\s*(?:(?:a|an|the)\s+(?:(?!had\b|was\b|were\b|used\b|until\b|once\b|formerly\b)[^,.;]){0,60}?\s+)?(?:which\s+is\s+|now\s+|still\s+)*(?:under|in)\s+(?:the\s+)?"
    r"(?P<side>Russian|Ukrainian)\s+(?:occupation|control|hands)\b"
    # "Pokrovsk, a major Ukrainian logistics hub": a stronghold of one side (not "a Ukrainian city": that is nationality)
    r"|^,\s+(?:a|an|the)\s+(?:[a-z]+\s+){0,2}(?P<side2>Ukrainian|Russian)(?:-held|-controlled)?\s+(?:[a-z]+\s+){0,2}"
    r"(?:hub|stronghold|bastion|outpost|garrison)\b"
    r"|^,\s+(?:a|an|the)\s+[^,;]{0,60}?\bof\s+(?P<side3>Ukrainian|Russian)\s+(?:defen[cs]es|defensive\s+lines?|lines)\b", re.IGNORECASE)
_LIBERATION = re.compile(r"\b(?:liberat|free|de-occup)", re.IGNORECASE)
_CONFIRMS_IT = Quick(re.compile(r"\b(?:confirmed|confirms|corroborated|corroborates|verified|verifies)\s+(?:the|this|that|these|those|such)\s+"
                         r"(?:\w+\s+)?(?:claims?|reports?|breakthrough|advance|capture|withdrawal|gains?|account)\b|"
                         r"\b(?:backs?|backed)\s+(?:this|that|it|these|them)\s+up\b", re.IGNORECASE))
_DENIES_IT = Quick(re.compile(r"\b(?:denied|denies|rejected|rejects|dismissed|dismisses|refuted|refutes)\s+(?:it|this|that|them|"
                        r"(?:the|this|that|these|those|such)\s+(?:\w+\s+)?(?:claims?|reports?|announcements?|statements?|assertions?))\b",
                              re.IGNORECASE))
_AND_SAID = re.compile(r",\s*(?:saying|adding|and\s+said|but\s+said|insisting)\b", re.IGNORECASE)
_DENY = re.compile(r"\b(?:denied|denies|deny|denying|rejected|rejects|rejecting|refuted|refuting|dismissed|dismissing|disputed|disputing|"
                   r"false|fake|untrue|not true|disinformation|propaganda)\b", re.IGNORECASE)
# "reports of a Russian capture of Toretsk were disinformation": the report the trigger is in is called false
_CALLED_FALSE = re.compile(r"^[^.;]{0,80}?\b(?:is|are|was|were)\s+(?:\w+\s+)?(?:false|untrue|fake|disinformation|propaganda|lies|a\s+lie|"
                           r"not\s+true|baseless|groundless|fabricated|fiction)\b", re.IGNORECASE)
_REPORT_OF = re.compile(r"\b(?:reports?|claims?|statements?|allegations?|rumou?rs?)\s+(?:of|that|about)\s+[^,;]{0,40}$", re.IGNORECASE)
# the verb may follow a name and title: "Pentagon spokesperson Major General Pat Ryder reported"
_UNVERIFIED = re.compile(r"\b(?:could not|cannot|can't|couldn't|was unable to|were unable to|has not been able to)\s+(?:be\s+)?(?:independently\s+)?(?:verif|confirm)", re.IGNORECASE)
_HEDGE = re.compile(r"\b(?:reportedly|allegedly|purportedly|unconfirmed|apparently|claimed to have|likely|probably|highly likely|may have|if confirmed|"
                    r"might have|appears? to have)\b", re.IGNORECASE)
_CONFIRM_VERB = re.compile(r"\b(?:confirm|verif|corroborat|geolocat)\w*", re.IGNORECASE)
_AS_PUBLISHED = "as of publication"
# what may refer to a place named before: "the city itself", "it", "there", "the settlements", "a village"
_REFERS = re.compile(r"\b(?:(?:the|this|these|both)\s+(?:[\w\-]+\s+){0,3}?(?:city|town|village|settlement|island|cities|towns|villages|"
                     r"settlements|localities)|it|there|a(?:nother)?\s+(?:\w+\s+){0,2}?(?:village|settlement|town))\b", re.IGNORECASE)
# a sentence that may name a day ("On Monday", "October 4", "that evening", "2024-10-29")
_DATED = (Quick(re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|day\b|night|evening|morning", re.IGNORECASE)),
          re.compile(r"\d{4}-\d\d"))
_CHANGES = ("captured", "recaptured", "withdrew")
#: The side a country's own territory belongs to.
_COUNTRY_SIDE: dict[str, Side] = {"RU": "RU", "UA": "UA"}
#: How many sentences after a speaker's own sentence an unattributed claim is still taken as the speaker's.
_SPEAKER_REACH = 2
#: How many settlements named before a sentence "the city" or "the village" may refer back to.
_ANAPHOR_REACH = 6
#: An unattributed gain dated within this many days of publication is news relayed from a side, not background.
_FRESH_DAYS = 14
# "has taken", "have retaken": news as of the day of publication (as is a claim someone made, with no date of its own)
_PRESENT_PERFECT = re.compile(r"\b(?:has|have|'s|’s)\s+(?:now\s+|already\s+|just\s+|fully\s+)?(?:been\s+)?\w+(?:ed|en|ook|ught|eft|ell|ost)\b", re.IGNORECASE)
_PRESENT = re.compile(r"\b(?:is|are|am|has|have|continues?|continuing|remains?|rages?|raging)\b", re.IGNORECASE)
# "its forces", "their troops": the forces of the side speaking
_SPEAKER_PRONOUN = re.compile(r"\b(?:it|they)\s+(?:has\s+|have\s+|had\s+)?(?:now\s+|already\s+|also\s+)?$", re.IGNORECASE)
_ENEMY = re.compile(r"\b(?:the\s+)?(?:enemy|adversary|aggressor)(?:\s+(?:forces|troops|units|soldiers|army))?\b", re.IGNORECASE)
_INCURSION = re.compile(r"\b(?:entered|enter|enters|entering|broke|broken|burst|crossed|pushed|advanced)\b", re.IGNORECASE)
_OWN_FORCES = re.compile(r"\b(?:its|their|our)\s+(?:own\s+)?(?:forces|troops|units|soldiers|army|military|servicemen)\b", re.IGNORECASE)


def _actor_side(actor: Actor | None) -> Side | None:
    return actor.side if actor is not None and actor.side in ("RU", "UA") else None


_UNDER_CONTROL = re.compile(r"(?:,[^;]{0,100},)?\s*(?:as\s+)?(?:being\s+)?under\s+(?:the\s+)?(?:full\s+)?(Ukrainian|Russian|Ukraine's|Russia's|Kyiv's|Kiev's|Moscow's)\s+control",
                            re.IGNORECASE)


_SIDE_SUBJECT = re.compile(r"(?:^\s*|(?<!\bin\s)(?<!\binto\s)(?<!\bof\s)(?<!\bon\s)(?<!\bto\s)(?<!\bfrom\s)\bthe\s+)(Ukrainian|Russian)\s+"
                           r"[\"“'‘]?(?!territory|land|soil|border|side\b)[A-Za-z\-]+[\"”'’]?\s+(?:\w+\s+){0,3}$", re.IGNORECASE)


def _agent(trigger: Trigger, text: str, actors: Sequence[Actor], targets: Sequence[tuple[int, int, Resolved]]) -> tuple[Side | None, bool, bool]:
    """The side named with the trigger: ``(side, named, took)``. ``took`` is True when that side is the one that
    took or holds the place ("fell to Russian forces", "captured by", "Russian troops seized"), False when it is
    the side that lost or left it ("Ukraine lost", "Russian troops withdrew")."""
    gains = trigger.kind in ("capture", "hold", "fight")
    # "fell to Russian forces", "held by Ukrainian troops", "captured by ...", "the fall of X to Russian troops"
    last_target = max((t[1] for t in targets), default=trigger.end)
    for a in actors:
        if a.start >= trigger.end and _actor_side(a):
            gap = text[min(trigger.end, last_target) if a.start >= last_target else trigger.end : a.start]
            if re.search(r"\b(?:by|to|control\s+of)\s+(?:the\s+)?$", gap) and not clause_break(gap):
                return a.side, True, True
    if trigger.kind == "capture":  # "freed from the Russians", "cleared of Ukrainian troops": that side lost it
        for a in actors:
            if a.start >= trigger.end and _actor_side(a) and re.search(r"\b(?:from|of)\s+(?:the\s+)?(?:\w+\s+){0,4}?$", text[last_target : a.start]) \
                    and a.start - last_target < 60 and not clause_break(text[last_target : a.start]) and a.start >= last_target:
                return a.side, True, False
    if trigger.voice == "noun":
        for a in actors:
            if a.start >= last_target and _actor_side(a) and re.search(r"\bfor\s+(?:the\s+)?$", text[last_target : a.start]):
                return a.side, True, gains
    under = _UNDER_CONTROL.match(text[last_target:]) if trigger.kind == "hold" else None
    if under:  # "shows Vovchansk, which ..., as under Ukrainian control"
        return ("UA" if under.group(1).lower().startswith(("ukrain", "kyiv", "kiev")) else "RU"), True, True
    before_noun = re.search(r"\b(Ukrainian|Russian|Ukraine's|Russia's|Kyiv's|Kiev's|Moscow's)\s+(?:\w+\s+)?$", text[: trigger.start]) \
        if trigger.voice == "noun" else None
    named_in = before_noun or re.search(r"\b(Ukrainian|Russian|Ukraine's|Russia's)\b", trigger.text, re.IGNORECASE)
    if named_in:  # "under Ukrainian control", "the Ukrainian flag was raised in", "the defeat of Russian forces at"
        return ("UA" if named_in.group(1).lower().startswith(("ukrain", "kyiv", "kiev")) else "RU"), True, gains
    subjects = [a for a in actors if a.end <= trigger.start and _actor_side(a) and a.can_take
                and not clause_break(text[a.end : trigger.start])]
    if subjects:
        return subjects[-1].side, True, gains
    if trigger.voice == "active":
        # "Russian forces are edging forward after capturing Avdiivka": the subject of the main clause
        military = [a for a in actors if a.end <= trigger.start and a.military and a.can_take and _actor_side(a)
                    and not re.search(r"[;:]", text[a.end : trigger.start])]
        if military:
            return military[-1].side, True, gains
        # a subject the actor table does not know, named with its side: 'the Ukrainian "Nazis" refuse to leave'
        subject = _SIDE_SUBJECT.search(clause_before(text, trigger.start))
        if subject:
            return ("UA" if subject.group(1).lower().startswith("ukrain") else "RU"), True, gains
    return None, False, gains


_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|whom)\b[^,;]*,")
_SAID_WHEN = re.compile(r"\b(?:said|saying|says|told|announced|reported|stated|wrote|declared|claimed)\s+(?:\w+\s+)?$", re.IGNORECASE)
_WHEN_SAID = re.compile(r"^,?\s+(?:\w+\s+)?(?:said|says|told|announced|reported|stated|wrote|declared|claimed)\b", re.IGNORECASE)


def _when(trigger: Trigger, text: str, times: Sequence[When]) -> When | None:
    usable = []
    for w in times:
        lo, hi = sorted((w.end, trigger.start)) if w.end <= trigger.start else sorted((trigger.end, w.start))
        between = text[lo:hi]
        # a time inside a relative clause that does not hold the trigger dates something else
        relative = re.search(r"\b(?:which|who)\b[^,]*$", text[: w.start])
        # "On November 14, X visited the city, and the flag was raised": a sentence's opening time dates all its clauses
        opening = bool(re.fullmatch(r"\s*(?:(?:on|in|by|since|as\s+of|earlier|later)(?:\s+the\s+\w+\s+of)?\s*)?", text[: w.start], re.IGNORECASE))
        if re.search(r",\s*(?:which|who|whom)\b|[;:—–]", between) or (
                not opening and re.search(r",\s*(?:and|but|while|whereas)\s+(?:(?:this|that|last|the|a|on|in)\b|$)", between)) or (
                relative and w.start > trigger.end and relative.start() > trigger.start):
            continue  # a time in another clause dates something else
        # "quoted X as saying today that ... had been completed on the night of January 12": the day of the saying
        # gives way to the day of the event when the report names one
        statement = bool(_SAID_WHEN.search(text[max(0, w.start - 25) : w.start]) or _WHEN_SAID.match(text[w.end : w.end + 25]))
        usable.append((statement, abs(w.start - trigger.start), w))
    if not usable:
        return None
    return min(usable, key=lambda u: u[:2])[2]


def _as_published(article: Article) -> When | None:
    """A present-tense "holds" with no time of its own is a statement about the day of publication."""
    return When(_AS_PUBLISHED, article.published, "day") if article.published else None


def _recent(when: When | None, article: Article) -> bool:
    """True unless the event is dated clearly before the article's fortnight (background the reporter vouches for)."""
    if when is None or when.event_date is None or article.published is None:
        return True
    return (article.published - when.event_date).days <= _FRESH_DAYS


def _event(kind: str, controller: Side, place_country: str) -> Event:
    if kind == "hold":
        return "holds"
    if kind == "withdraw":
        return "withdrew"
    if kind == "fight":
        return "fighting"
    # taking back one's own country's ground is a recapture (Ukraine in Kherson, Russia in Kursk)
    return "recaptured" if controller == place_country else "captured"


def _described_holds(article: Article, sentence: Sentence, mentions: Sequence[tuple[int, int, Resolved]]) -> Iterable[Claim]:
    """Control stated in passing by the reporter: "the Russian-held city of Donetsk", "occupied Horlivka",
    "Tokmak, a rail hub under Russian occupation", "Sudzha, in Ukrainian hands"."""
    text = sentence.text
    for start, end, r in mentions:
        before, after = text[max(0, start - 60) : start], text[end : end + 90]
        m = _HELD_BEFORE.search(before) or _HELD_AFTER.match(after)
        side: str | None = None
        groups = m.groupdict() if m else {}  # a separatist stronghold is held by the Russian side
        named = groups.get("side") or groups.get("side2") or groups.get("side3") or ("Russian" if groups.get("sep") else None)
        if named:
            side = "UA" if named.lower().startswith("ukrain") else "RU"
        elif _OCCUPIED_BEFORE.search(before) and r.place.country in ("RU", "UA"):
            side = opposite(r.place.country)  # type: ignore[arg-type]
        if side is None:
            continue
        when = _as_published(article)
        yield Claim(
            claim_id="",
            article_id=article.id, place=r.place, surface=r.mention.surface, controller=side, event="holds",  # type: ignore[arg-type]
            claimant=article.source or "the reporter", claimant_side="third_party", stance="confirmed",
            event_date=when.event_date if when else None, date_precision=when.precision if when else None,
            date_text=when.text if when else None, quote=text, confidence=0.5, start=sentence.start + start, voice="reporter",
        )


def _sentence_claims(article: Article, sentence: Sentence, resolved: Sequence[Resolved], next_text: str,
                     actors: list[Actor], speakers: list[Speaker], inherited: Speaker | None,
                     times: Sequence[When] = (), around: Around = Around()) -> Iterable[Claim]:
    """The claims of one sentence; ``inherited`` is the speaker of the sentences just before, whose report this
    sentence may go on with ("Ukraine's General Staff said ... . Troops also freed Lobkove."); ``times`` its time
    expressions."""
    text = sentence.text
    settlement_ends = [r.mention.end - sentence.start for r in resolved if r.place.feature == "settlement"]
    mentions = sorted(
        (r.mention.start - sentence.start, r.mention.end - sentence.start, r)
        for r in resolved
        if r.place.feature in ("settlement", "region")
        and not any(a.start <= r.mention.start - sentence.start < a.end for a in actors)
        and not is_locator(text, r.mention.start - sentence.start, r.mention.end - sentence.start, r, settlement_ends)
        and not AXIS.match(text, r.mention.end - sentence.start)
    )
    if not mentions and not around.earlier and not around.listed and not around.following:
        return
    yield from _described_holds(article, sentence, mentions)
    triggers = find_triggers(text)
    if not triggers:
        return
    times = [w for w in times if not any(w.start < e and s < w.end for s, e, _ in mentions)]  # "10th October" may be a village
    unverified = bool(_UNVERIFIED.search(text) or _UNVERIFIED.search(next_text))
    for trigger in triggers:
        # a place belongs to the nearest trigger: "advanced into Russian territory and taken Sudzha" takes Sudzha
        targets = [t for t in targets_of(trigger, text, mentions, around)
                   if not any(o is not trigger and (trigger.end <= o.start < t[0] if t[0] >= trigger.end else t[1] <= o.start < trigger.start)
                              for o in triggers)]
        if not targets:
            continue
        # "The Kherson region, which Moscow says it has annexed, is only partly under ...": Moscow speaks only there
        inside = [m.span() for m in _RELATIVE_CLAUSE.finditer(text) if not m.start() <= trigger.start < m.end()]
        heard = [s for s in speakers if not any(a <= s.actor.start < b for a, b in inside)]
        speaker = next((s for s in reversed(heard) if s.actor.end <= trigger.start), None) or (heard[0] if heard else inherited)
        saying = [m.start() for m in _AND_SAID.finditer(text, 0, trigger.start)]
        if speakers and ((saying and speakers[0].actor.end <= saying[-1])
                         or (speakers[0].verb == "according to" and "," not in text[: speakers[0].actor.start])):
            # "Ukraine rejected claims ..., which Moscow said ..., saying fighting was raging": Ukraine says it;
            # "According to DeepState, the settlements the ministry claimed are still in the grey zone": DeepState
            speaker = speakers[0]
        own = [*_OWN_FORCES.finditer(text), *_SPEAKER_PRONOUN.finditer(text, 0, trigger.start)] \
            if speaker and _actor_side(speaker.actor) else []  # "its forces", "Russia says it has taken"
        present = actors + [Actor(m.start(), m.end(), m.group(0), speaker.actor.side) for m in own]  # type: ignore[union-attr]
        if speaker and _actor_side(speaker.actor):  # "the enemy" of a side's spokesman is the other side
            present += [Actor(m.start(), m.end(), m.group(0), opposite(speaker.actor.side)) for m in _ENEMY.finditer(text)]
        said = text[speaker.actor.end : trigger.start] if speaker else ""
        # "denied that Russia had taken Soledar, saying Ukrainian units were still there": the denial ends at "saying"
        denied = trigger.negated or bool(speaker and speaker is not inherited and _DENY.search(speaker.verb + " " + said)
                                         and not _AND_SAID.search(said)) \
            or bool(_REPORT_OF.search(text[: trigger.start]) and _CALLED_FALSE.match(text[max(t[1] for t in targets) :])
                    and not (speaker and speaker.verb.startswith(("'s", "’s"))))  # not "Russia's claim ... is false"
        if denied and trigger.kind == "fight" and _INCURSION.search(trigger.text):
            trigger = replace(trigger, kind="capture")  # "dismissing claims that Russian troops entered the city"
        agent, named, took = _agent(trigger, text, sorted(present, key=lambda a: a.start), targets)
        if agent is None:
            belligerents = {a.side for a in actors if a.side in ("RU", "UA")}
            if speaker and speaker.actor.side in ("RU", "UA"):
                # a side speaks of its own gains, and denies the other side's ("rejected claims that the town fell")
                agent = opposite(speaker.actor.side) if denied and not trigger.negated else speaker.actor.side
            elif len(belligerents) == 1:
                agent = belligerents.pop()
        if not named and re.search(r"(?<!de-)occup", trigger.text, re.IGNORECASE) and targets[0][2].place.country in ("RU", "UA"):
            agent = opposite(_COUNTRY_SIDE[targets[0][2].place.country])  # "was still occupied": by the invader
        if agent is None and _LIBERATION.search(trigger.text) and not any(a.side in ("RU", "UA") for a in actors):
            agent = _COUNTRY_SIDE.get(targets[0][2].place.country)  # freed: by its own side
        if agent is None and trigger.kind != "fight":
            continue
        stated = _when(trigger, text, times)
        if speaker is inherited and speaker is not None and not _recent(stated, article):
            speaker = None  # background told in the reporter's voice ("having captured Avdiivka in February, Russia ...")
        when = stated or (
            _as_published(article) if trigger.kind == "hold" or _PRESENT_PERFECT.search(text[max(0, trigger.start - 25) : trigger.end])
            or speaker is not None or (trigger.kind == "fight" and _PRESENT.search(text[max(0, trigger.start - 40) : trigger.end]))
            else None)
        if trigger.kind == "fight":
            controller: Controller = "contested"
        elif took or (not named and trigger.kind != "withdraw"):
            controller = agent  # type: ignore[assignment]
        else:  # the named side lost or left the place (a speaker's side withdrawing: "its troops withdrew")
            controller = opposite(agent)  # type: ignore[assignment,arg-type]
            if controller not in ("RU", "UA"):
                continue
        claimant_side: Side = speaker.actor.side if speaker else "third_party"
        if controller in ("RU", "UA") and (
                (speaker and speaker.actor.side == "unknown") or (speaker is None and _recent(when, article))):
            # an unknown official, or the outlet's own unattributed report of fresh news: relayed from the side that
            # acted, so a gain is claimed by its taker and a withdrawal admitted (confirmed) by the side that left
            claimant_side = agent if agent in ("RU", "UA") and (took or trigger.kind != "capture") else controller
            if denied:  # an unknown official denying a capture speaks for the side that would have lost it
                claimant_side = opposite(claimant_side)
        admitted = controller in ("RU", "UA") and claimant_side == opposite(controller) and trigger.kind != "hold"
        independent = claimant_side == "third_party" and not (speaker and voice_kind(speaker.actor.text) == "analyst"
                                                               and not _CONFIRM_VERB.search(speaker.verb))
        if denied:
            stance: Stance = "denied"
        elif unverified:
            stance = "unverified"
        elif (independent or admitted) and not _HEDGE.search(text[max(0, trigger.start - 60) : trigger.end]):
            # a side admitting the other's gain, or an independent voice stating it; an analyst's assessment
            # ("likely captured"), a hedged report ("reportedly") or a side on the other's holdings only claims
            stance = "confirmed"
        else:
            stance = "claimed"
        reporter = article.source or "the reporter"
        claimant = speaker.actor.text if speaker else (f"unattributed, in {reporter}" if claimant_side in ("RU", "UA") else reporter)
        confidence = 0.45 + (0.2 if named else 0.0) + (0.15 if speaker else 0.0) + (0.1 if when and when.event_date else 0.0)
        confidence += 0.1 if trigger.kind in ("capture", "withdraw") else 0.0
        confidence -= 0.2 if _HEDGE.search(text) or stance == "unverified" else 0.0
        voices = [(claimant, claimant_side, stance,
                   voice_kind(speaker.actor.text) if speaker else "official" if claimant_side in ("RU", "UA") else "reporter")]
        others = [s for s in speakers if s.actor.side in ("RU", "UA") and s.actor.side != claimant_side and s is not speaker]
        if not denied and trigger.kind != "fight" and _DENY.search(text):
            # "Russia's claim that its troops took Chasiv Yar is false, the Ukrainian army said": a second voice denies
            voices += [(s.actor.text, s.actor.side, "denied", voice_kind(s.actor.text)) for s in others[:1]]
        elif denied and controller in ("RU", "UA"):
            # "Ukraine rejected claims that it had lost Soledar, which Moscow said it had taken": the claim denied
            voices += [(s.actor.text, s.actor.side, "claimed", voice_kind(s.actor.text))
                       for s in others if s.actor.side == controller][:1]
        for start, _end, r in targets:
            if trigger.kind == "fight" and r.place.feature == "region" and (
                    not _INCURSION.search(trigger.text) or re.search(r"\b(?:that|which|who)\s+(?:\w+\s+){0,2}$", text[: trigger.start])):
                continue  # "fighting in the Donetsk region" says nothing of who holds the region; "entered" it does
            event = _event(trigger.kind, controller, r.place.country)  # type: ignore[arg-type]
            for who, side, said, kind in voices:
                yield Claim(
                    claim_id="",
                    article_id=article.id, place=r.place, surface=r.mention.surface, controller=controller, event=event,
                    claimant=who, claimant_side=side, stance=said,
                    event_date=when.event_date if when else None, date_precision=when.precision if when else None,
                    date_text=when.text if when else None, quote=text,
                    confidence=round(max(0.05, min(0.99, confidence)), 2), start=sentence.start + start, voice=kind,
                )


def claim_id(article_id: str, place_id: str, event: str, controller: str, claimant_side: str, stance: str,
             event_date: date | None = None, voice: str = "official") -> str:
    """Stable id: the same claim in the same article always gets the same id."""
    raw = "|".join((article_id, place_id, event, controller, claimant_side, stance, event_date.isoformat() if event_date else "",
                    "" if voice == "official" else voice))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def _merge(claims: Sequence[Claim]) -> list[Claim]:
    """One claim per place, side, event, voice (claimant side and kind), stance and date in an article (the same
    voice dating the same change twice differently makes two claims); an undated statement takes the date another
    statement of the same change gives."""
    groups: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        groups[(c.place.place_id, c.controller, c.event)].append(c)
    captured = {(c.place.place_id, c.controller, c.quote) for c in claims if c.event in ("captured", "recaptured")}
    groups = {k: [c for c in g if not (c.event == "holds" and (c.place.place_id, c.controller, c.quote) in captured)]
              for k, g in groups.items()}  # "took X and now controls it": one change, one claim
    merged: list[Claim] = []
    for group in (g for g in groups.values() if g):
        dated = [c for c in sorted(group, key=lambda c: c.start) if c.event_date is not None]
        by_voice: dict[tuple[str, str, str, date | None], list[Claim]] = defaultdict(list)
        for c in group:  # a change dated twice by one voice is two claims; fighting or holding goes on: one
            by_voice[(c.claimant_side, c.voice, c.stance, c.event_date if c.event in _CHANGES else None)].append(c)
        for (side, voice, stance, when), same in sorted(by_voice.items(), key=lambda kv: (*kv[0][:3], kv[0][3] or date.min)):
            if when is None and any(k[:3] == (side, voice, stance) and k[3] is not None for k in by_voice):
                continue  # the same voice dates this claim elsewhere in the article
            best = max(same, key=lambda c: (c.event_date is not None and c.date_text != _AS_PUBLISHED,
                                            bool(c.date_text and in_year(c.date_text, 2000)), -c.start, c.confidence))
            if best.event_date is None and dated:
                d = dated[0]
                best = replace(best, event_date=d.event_date, date_precision=d.date_precision, date_text=d.date_text)
            merged.append(replace(best, claim_id=claim_id(best.article_id, best.place.place_id, best.event, best.controller,
                                                          best.claimant_side, best.stance, best.event_date, best.voice)))
    return sorted(merged, key=lambda c: (c.start, c.claim_id))


def _revoiced(claim: Claim, speaker: Speaker, sentence: Sentence, stance: Stance) -> Claim:
    """The claim of an earlier sentence as another voice denies or confirms it."""
    return replace(claim, claimant=speaker.actor.text, claimant_side=speaker.actor.side, stance=stance, quote=sentence.text,
                   confidence=round(claim.confidence * 0.9, 2), start=sentence.start, voice=voice_kind(speaker.actor.text))


def _needed(sentences: Sequence[Sentence], by_sentence: Mapping[int, Sequence[Resolved]]) -> tuple[set[int], set[int]]:
    """The sentences worth reading closely: those that may make a claim (they name a place, or may refer to one
    named before: "the city", "it", "there", or deny or confirm the sentence before), and the three before each,
    whose speakers carry over."""
    first = min(by_sentence, default=len(sentences))
    claiming = {s.index for s in sentences if s.index in by_sentence or (
        s.index > first and (_REFERS.search(s.text) or _DENIES_IT.search(s.text) or _CONFIRMS_IT.search(s.text)))}
    return claiming, {i for c in claiming for i in range(max(0, c - _SPEAKER_REACH - 1), c)} - claiming


def extract_claims(article: Article, resolved: Sequence[Resolved]) -> list[Claim]:
    """Every territorial-control claim an article makes, one per place/side/event/claimant side."""
    by_sentence: dict[int, list[Resolved]] = defaultdict(list)
    for r in resolved:
        by_sentence[r.mention.sentence_index].append(r)
    sentences = split_sentences(article.text)
    claiming, speaking = _needed(sentences, by_sentence)
    # An undated article: relative dates resolve against the latest full date its text gives.
    anchor = None if article.published else latest_full_date(article.text)
    claims: list[Claim] = []
    inherited: Speaker | None = None
    since = 0
    named: list[Resolved] = []  # settlements named so far, for "the city", "the village"
    previous: list[Claim] = []
    people: dict[str, Side] = {}  # surnames of the people the article introduced, and their sides
    listed: list[Resolved] = []  # the places of the last list claimed, for "the settlements"
    last_day: date | None = None  # the day named last, for "that evening", "the same day"
    for s in sentences:
        dated = s.index in claiming or any(rx.search(s.text) for rx in _DATED)
        times = find_times(s.text, article.published or anchor, last_day) if dated else []
        days = [w.event_date for w in times if w.event_date and w.precision == "day"]
        if s.index not in claiming:  # only its speakers matter, to the sentences after it
            speakers = sentence_voices(s.text, people)[1] if s.index in speaking and may_speak(s.text) else []
            last_day = days[-1] if days else last_day
            inherited, since = (speakers[-1], 0) if speakers else (inherited, since + 1)
            continue
        actors, speakers = sentence_voices(s.text, people)
        nxt = sentences[s.index + 1] if s.index + 1 < len(sentences) else None
        around = Around(named[-_ANAPHOR_REACH:], listed, opening_place(nxt, by_sentence.get(nxt.index, [])) if nxt else None)
        found = list(_sentence_claims(article, s, by_sentence.get(s.index, []), nxt.text if nxt else "", actors, speakers,
                                      inherited if since <= _SPEAKER_REACH else None, times, around))
        if not found and speakers and _actor_side(speakers[0].actor) and _DENIES_IT.search(s.text):
            # "Ukraine denied the claim.": the other side's claims of the sentence before are denied
            found = [_revoiced(c, speakers[0], s, "denied") for c in previous
                     if c.claimant_side == opposite(speakers[0].actor.side) and c.stance != "denied"]
        elif not found and speakers and _CONFIRMS_IT.search(s.text):
            # "ISW confirmed the breakthrough.", "DeepState backs this up": the claims of the sentence before, confirmed
            found = [_revoiced(c, speakers[0], s, "confirmed") for c in previous if c.claimant_side != speakers[0].actor.side]
        claims.extend(found)
        previous = found or previous
        places = {c.place.place_id for c in found if c.event in _CHANGES}
        if len(places) >= 2:
            listed = [r for r in by_sentence.get(s.index, []) if r.place.place_id in places]
        named += [r for r in by_sentence.get(s.index, []) if r.place.feature == "settlement"
                  and not RELATIVE_LOCATION.search(s.text[max(0, r.mention.start - s.start - 25) : r.mention.start - s.start])]
        last_day = days[-1] if days else last_day
        if speakers:
            inherited, since = speakers[-1], 0
        else:
            since += 1
    return _merge(claims)
