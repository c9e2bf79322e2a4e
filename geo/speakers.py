"""Who says so: the speakers of a sentence and the side each speaks for.

A speaker is an actor followed by a verb of speech ("Russia's defence ministry said"), introduced by "according
to", or a person in apposition to the body they speak for ("Nazar Voloshyn, spokesperson for the Khortytsia
group, said"); a name the actor table lacks ("Serhiy Haidai said") is a speaker of unknown side. A country or a
capital is an actor only where the grammar makes it one ("Ukraine had ordered", "Moscow said"), never in
"in Ukraine" or "Russia's Kursk region".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from geo.actors import Actor, find_actors
from geo.models import Side
from geo.prefilter import Prefilter
from geo.recognize import STOPWORDS

_SPEECH = (
    r"(?:said|says|say|claimed|claims|claim|announced|announces|declared|declares|reported|reports|stated|states|"
    r"confirmed|confirms|denied|denies|deny|rejected|rejects|refuted|dismissed|insisted|insists|acknowledged|"
    r"admitted|admits|wrote|posted|told|added|noted|assessed|assesses|published|conceded|concedes|disputed|disputes|"
    r"acknowledges|asserted|asserts|reiterated|retracted)"
)
# "Nazar Voloshyn, spokesperson for the Khortytsia group", "Volodymyr Tymoshko, who heads the National Police"
_APPOSITION = (r"(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){1,3}),\s+(?:a\s+|the\s+)?(?:[\w\-]+\s+){0,3}"
               r"(?:(?:spokes(?:person|man|woman)|head|commander|representative|chief|officer|official|governor|mayor|[Mm]inister|leader)\s+"
               r"(?:for|of|at|in)|who\s+(?:heads|leads|commands|runs|speaks\s+for))\s+(?P<org>[^,;]{3,90})")
_APPOSITIVE_SPEAKER = re.compile(_APPOSITION + r",\s+(?:has\s+|had\s+)?(?P<verb>" + _SPEECH + r")\b")
_UNKNOWN_SPEAKER = re.compile(
    r"\b(?:according to|citing)\s+(?:the\s+)?(?P<name>[A-Z][\w’'\-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'\-]*){0,5})"
    r"|(?P<name2>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,4}),?\s+(?:has\s+|had\s+)?(?P<verb>" + _SPEECH + r")\b")
# "DeepState, an online battlefield map run by analysts, said", "the Russian Defence Ministry bulletin claimed"
_SPEECH_AFTER = re.compile(rf"^(?:\s+[A-Z][\w.’'\-]*){{0,6}}(?:\s+\([^()]{{1,60}}\))?(?:,\s+(?:which|who|an?|the)\s+[^,;]{{1,80}},)?"
                           rf"(?:\s+(?:bulletin|statement|report|update|briefing|press\s+service|spokes(?:man|person|woman)))?,?"
                           rf"(?:\s+(?:has|have|had|also|later|on \w+|officially|publicly|earlier|previously|already|again|repeatedly|first|"
                           rf"initially|separately|now|then|itself|themselves|in\s+effect|effectively|finally))*"
                           rf"\s+{_SPEECH}\b")
_SPEECH_NOUN = re.compile(r"^(?:'s|’s)\s+(?:\w+\s+)?(?:declaration|claim|claims|announcement|statement|report|reports|update|data|assertion|denial|map|assessment)\b", re.IGNORECASE)
_ACCORDING = re.compile(r"\b(?:according to|as reported by|cited by|citing|(?:circulated|published|spread|posted|reported)\s+by)\s+"
                        r"(?:the\s+)?(?:(?!(?:that|which|who|and|or|the|a|an)\b)[a-z][\w\-]*\s+|(?:US|UK|U\.S\.|Ukrainian|Russian)\s+){0,4}$",
                        re.IGNORECASE)
# "..., said Oleg Grygorov, head of the Sumy Regional Military Administration": the speaker after the verb
_SAID_BY = re.compile(r"\b(?P<verb>said|says|told|added|wrote)\s+(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){1,3})(?P<role>[^.;]{0,90})")
_PLACE_NAME_END = re.compile(r"\b(?:Oblast|Region|Raion|District|Province)$")
_OFFICIAL_SAID = re.compile(
    r"\b(?P<who>(?:the\s+)?(?:region's\s+|regional\s+|city's\s+|local\s+)?(?:governor|mayor|authorities)(?:\s+(?:of|in)\s+(?:the\s+)?[\w’'\-]+(?:\s+[\w’'\-]+){0,3})?)"
    r"(?:,\s+(?!said\b|says\b)[^,;]{1,60},)?"  # "the governor of Zhytomyr region, which lies west of Kyiv, said"
    r",?(?P<name>(?:\s+[A-Z][\w’'\-]+){0,3})\s+(?:has\s+|had\s+)?(?P<verb>" + _SPEECH + r")\b", re.IGNORECASE)
_INTRODUCED = re.compile(_APPOSITION)
_NAME = re.compile(r"\b[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+)+")
_CITED = re.compile(r"\b(?:cited|citing|quoted|quoting)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}(?:and\s+(?:the\s+)?(?:[\w\-]+\s+){0,3})?$", re.IGNORECASE)
_CITED_AS = re.compile(r"^[^.;]{0,60}?\bas\s+(?:saying|claiming|reporting|stating)\b", re.IGNORECASE)
_CONCESSIVE = re.compile(r"\b(?:whatever|despite\s+what|regardless\s+of\s+what)\s+$", re.IGNORECASE)
_LOCAL_OFFICE = re.compile(r"\b(?:governor|mayor|city council|military administration|regional state administration|"
                           r"regional administration|city administration|head of the \w+ (?:community|municipality|hromada)|authorities in|national police|"
                           r"police)\b", re.IGNORECASE)
_INSTALLED = re.compile(r"\b(?:Russian-installed|Moscow-installed|Kremlin-installed|pro-Russian|occupation|separatist)\b", re.IGNORECASE)
_PLACE_ACTORS = {"moscow", "kyiv", "kiev", "russia", "ukraine", "the kremlin", "kremlin", "washington"}
_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|into|to|from|of|across|near|inside|within|throughout|against|towards?|on|at|over|beyond|and|with|between)\s+(?:the\s+)?$", re.IGNORECASE)
_POSSESSED_PLACE = re.compile(r"(?:(?:'s|’s)\s+(?:\w+\s+){0,2}|\s+)(?:region|oblast|province|territory|border|soil|land|city|town|village)\b", re.IGNORECASE)


def _local_official(words: str) -> Side:
    """The side of a local authority ("the region's governor", "Derhachi City Council", "head of the Sumy Regional
    Military Administration"): Ukraine's, unless installed by Russia; "unknown" for anyone else."""
    if not _LOCAL_OFFICE.search(words):
        return "unknown"
    return "RU" if _INSTALLED.search(words) else "UA"


def _is_actor_use(sentence: str, actor: Actor) -> bool:
    """A country or capital is an actor ("Ukraine had ordered", "Moscow said", "Russia's claim") unless the
    grammar makes it a place ("in Ukraine", "from Moscow", "Russia's Kursk region")."""
    if actor.text.lower() not in _PLACE_ACTORS or _SPEECH_NOUN.match(sentence[actor.end :]):
        return True  # "Moscow's declaration" speaks, even "with Moscow's declaration"
    if _PLACE_PREPOSITION.search(sentence[: actor.start]) and not _ACCORDING.search(sentence[: actor.start]):
        return False
    return not _POSSESSED_PLACE.match(sentence, actor.end)


@dataclass(frozen=True, slots=True)
class Speaker:
    """An actor who says something, and the words that say so ("said on Friday", "according to")."""

    actor: Actor
    verb: str


def speakers_of(text: str, actors: Sequence[Actor]) -> list[Speaker]:
    """The speakers of a sentence, left to right."""
    out = []
    for a in actors:
        if _CONCESSIVE.search(text[max(0, a.start - 25) : a.start]):
            continue  # "whatever Russia claims, ...": not the one speaking
        after = text[a.end :]
        m = _SPEECH_AFTER.match(after) or _SPEECH_NOUN.match(after)
        if m:
            out.append(Speaker(a, m.group(0)))
        elif _ACCORDING.search(text[: a.start]):
            out.append(Speaker(a, "according to"))
        elif _CITED.search(text[: a.start]) and _CITED_AS.match(after):
            out.append(Speaker(a, "cited as saying"))  # "The ISW cited the Russian MoD and milbloggers as claiming"
    # "Nazar Voloshyn, spokesperson for the Khortytsia group, said": the person speaks for the body named
    for m in _APPOSITIVE_SPEAKER.finditer(text):
        body = [a for a in actors if m.start("org") <= a.start < m.end("org") and a.side in ("RU", "UA", "third_party")]
        side = body[0].side if body else _local_official(m.group("org"))
        out.append(Speaker(Actor(m.start("name"), m.end("name"), m.group("name"), side), m.group("verb")))
    # Speakers the actor table does not know ("according to Operational Command South", "Serhiy Haidai said"):
    # attributed, side unknown.
    for m in _UNKNOWN_SPEAKER.finditer(text):
        name = m.group("name") or m.group("name2")
        start = m.start("name") if m.group("name") else m.start("name2")
        if name and name.split()[0].lower() not in STOPWORDS and not _PLACE_NAME_END.search(name) \
                and not _PLACE_PREPOSITION.search(text[max(0, start - 12) : start]) \
                and not any(a.start <= start < a.end + 30 or start <= a.start < start + len(name) for a in actors):
            side = _local_official(text[max(0, start - 60) : start] + name)
            out.append(Speaker(Actor(start, start + len(name), name, side), m.group("verb") or "according to"))
    for m in _OFFICIAL_SAID.finditer(text):  # "the governor of the Sumy region said"
        if not any(sp.actor.start <= m.start("who") < sp.actor.end for sp in out):
            who = "name" if m.group("name").strip() else "who"  # "the region's governor Vyacheslav Chaus": the person
            start, end = m.start(who) + len(m.group(who)) - len(m.group(who).lstrip()), m.end(who)
            out.append(Speaker(Actor(start, end, text[start:end], _local_official(m.group(0))), m.group("verb")))
    for m in _SAID_BY.finditer(text):
        start = m.start("name")
        if not any(sp.actor.start <= start < sp.actor.end for sp in out) and m.group("name").split()[0].lower() not in STOPWORDS:
            in_role = [a.side for a in actors if m.start("role") <= a.start < m.end("role")]
            side = in_role[0] if in_role else _local_official(m.group("name") + m.group("role"))
            out.append(Speaker(Actor(start, m.end("name"), m.group("name"), side), m.group("verb")))
    out = [s for s in out if not any(o is not s and o.actor.start < s.actor.start and s.actor.end <= o.actor.end + len(o.verb)
                                     and o.verb.strip() != "according to" for o in out)]
    return sorted(out, key=lambda s: s.actor.start)


# Every speech verb of the patterns above follows a space or a comma, so "\\b" comes first: it saves time.
_MAY_SPEAK = re.compile(rf"\b(?:{_SPEECH}|according\s+to|cit(?:ed|ing)|quot(?:ed|ing)|by)\b|['’]s\s+(?:\w+\s+)?"
                        r"(?:declaration|claims?|announcement|statement|reports?|update|data|assertion|denial|map|assessment)\b",
                        re.IGNORECASE)
_MAY_SPEAK_WORDS = Prefilter([_MAY_SPEAK])


def may_speak(text: str) -> bool:
    """False when a sentence surely has no speaker (no verb of speech, no "according to"): a cheap test first."""
    return bool(_MAY_SPEAK_WORDS.candidates(text)) and _MAY_SPEAK.search(text) is not None


def sentence_voices(text: str, people: dict[str, Side] | None = None) -> tuple[list[Actor], list[Speaker]]:
    """The actors of a sentence (places used as places left out) and its speakers. ``people`` maps the surnames of
    people the article has introduced to their sides ("Viktor Trehubov, spokesman for the Khortytsia group"); it
    gives a side to a later bare "Trehubov said", and learns the people this sentence introduces."""
    actors = [a for a in find_actors(text) if _is_actor_use(text, a)]
    speakers = speakers_of(text, actors) if may_speak(text) else []
    if people is None:
        return actors, speakers
    for m in _INTRODUCED.finditer(text):  # "Viktor Trehubov, spokesman for the Khortytsia group" (said or not)
        body = [a.side for a in actors if m.start("org") <= a.start < m.end("org") and a.side in ("RU", "UA", "third_party")]
        side = body[0] if body else _local_official(m.group("org"))
        if side != "unknown":
            people[m.group("name").split()[-1]] = side
    for sp in speakers:
        names = _NAME.findall(sp.actor.text + " " + sp.verb)  # "Ukrainian military spokesman Nazar Voloshyn said"
        if sp.actor.side != "unknown" and names:
            people[names[-1].split()[-1]] = sp.actor.side
    known = [replace(sp, actor=replace(sp.actor, side=people[sp.actor.text.split()[-1]]))
             if sp.actor.side == "unknown" and sp.actor.text.split()[-1] in people else sp for sp in speakers]
    return actors, known


