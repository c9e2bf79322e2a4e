"""Triggers: the words that make a sentence a claim about a place, and those that make it none.

A trigger is a verb or noun of capture ("captured", "liberated", "the fall of"), control ("under Ukrainian
control", "holds"), loss or withdrawal ("lost", "pulled out of") or fighting ("fighting in", "encircled",
"entered", "repelled attacks near", "in the grey zone"), with its voice: *active* (the place follows), *passive* (the
place comes before), *noun* (the place follows "of") or *anaphor* (the place was just named: "still there").

Not triggers: plans, possibilities and goals ("aims to capture", "could fall", "to consolidate control over",
"Losing the town would ..."), former states ("had been in Russian hands"), "on hold", "the situation is under
control". A negated trigger ("had not been driven out") is kept and marked: it is a denial.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.prefilter import Prefilter


# --- triggers --------------------------------------------------------------------------------------------------
_CAPTURE_VERB = (
    r"captur(?:ed|es|e|ing)|seiz(?:ed|es|e|ing)|took|tak(?:en|es|e|ing)|"
    r"liberat(?:ed|es|e|ing)|free(?:d|s|ing)?|clear(?:ed|ing)|overr(?:an|un)|recaptur(?:ed|es|e|ing)|retook|retak(?:en|es|e|ing)|"
    r"regain(?:ed|s|ing)?|reclaim(?:ed|s|ing)?|won back|win back|de-occupied"
)

# past participles only: "was taking Kherson back" is not a passive
_CAPTURED = (r"captured|seized|taken|liberated|freed|cleared|overrun|recaptured|retaken|regained|reclaimed|won back|de-occupied")

_CONTROL_OF = r"(?:took|taken|take|takes|taking|seized|gained|established|claimed|regained|assumed|retook|full|complete|total)\s+(?:full\s+|complete\s+|total\s+)?control\s+(?:of|over)"

@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    kind: str  # capture | loss | withdraw | hold | fight
    voice: str  # active (target after) | passive (target before) | noun (target after "of")
    text: str
    negated: bool = False  # "had not been driven out of", "did not capture": a denial

_TRIGGERS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (kind, voice, re.compile(rx, re.IGNORECASE))
    for kind, voice, rx in (
        ("capture", "active", rf"\b(?:{_CONTROL_OF})\b"),
        ("withdraw", "active", r"\b(?:ordered\s+(?:its\s+|their\s+)?(?:troops|forces|units|soldiers)\s+out\s+of|"
                               r"orders?\s+to\s+(?:leave|withdraw\s+from|retreat\s+from|pull\s+(?:out|back)\s+(?:of|from))|"
                               r"(?:ordered|forced)\s+to\s+(?:retreat|withdraw|pull\s+(?:out|back))\s+(?:from|of)|"
                               r"pull(?:ed|s|ing)?\s+(?:out|back)\s+from\s+(?:the\s+area\s+around|around)|"
                               r"(?:are|were|is|was)\s+leaving|(?:have|has|had)\s+(?:now\s+|already\s+)?left|"
                               r"no\s+longer\s+(?:occup(?:y|ies|ied)|control(?:s|led)?|hold(?:s)?)(?!\s+any\b))\b"),
        ("capture", "active", r"\b(?:took|taken|take|takes|taking|won|win|wins)\s+back\b|\b(?:came|come|comes|returned)\s+back\s+to\b"),
        ("capture", "active", r"\b(?:(?:Ukrainian|Russian|national)\s+)?flags?\s+(?:was\s+|were\s+|has\s+been\s+|had\s+been\s+)?(?:raised|hoisted|planted)\s+(?:in|over|above|on)\b"),
        ("capture", "active", r"\b(?:rais(?:ed|ing)|hoist(?:ed|ing)|plant(?:ed|ing)|put\s+up|putting\s+up)\s+(?:their|its|a|the|our)\s+(?:own\s+)?(?:(?:Ukrainian|Russian|national)\s+)?"
                              r"flags?\s+(?:\w+\s+){0,3}?(?:in|over|above|on)\b"),
        # "trying in vain to dislodge Russian troops from Andriivka": the side dislodged is the one holding the place
        ("hold", "active", r"\b(?:dislodg|drive\s+out|oust)\w*\s+(?:the\s+)?(?:Ukrainian|Russian)\s+(?:troops|forces|units|soldiers|defenders)\s+"
                           r"(?:from|out\s+of)\s+(?:(?:the|their)\s+)?(?:(?:localit(?:y|ies)|villages?|towns?|city|settlements?)\s+)?(?:of\s+)?(?=[A-Z])"),
        ("fight", "active", r"\b(?:(?:battlefield|tactical|military|operational)\s+)?situation\s+(?:on\s+the\s+ground\s+)?(?:in|near|around|at)\b"
                            r"(?=[^.;]{0,60}\b(?:tense|difficult|critical|unclear|dire|complicated|alarming|precarious|deteriorat\w*|hard)\b)"),
        ("fight", "passive", r"\b(?:is|are|was|were|remains?|remained)\s+(?:still\s+)?(?:(?:regarded|seen)\s+as\s+(?:part\s+of\s+)?)?"
                             r"(?:in\s+(?:the\s+)?(?:so-called\s+)?[\"“']?gr[ae]y[\s-]zone|contested)\b"),
        ("fight", "passive", r"\b(?:faces?|faced|facing)\s+(?:an?\s+)?(?:\w+\s+)?(?:difficult|tense|critical|dire|alarming)\s+situation\b"),
        ("fight", "passive", r"\b(?:is|are|was|were|remains?|remained|became|become)\s+(?:\w+\s+){0,2}?[\"“']?(?:the\s+|a\s+)?(?:main\s+|key\s+)?"
                             r"(?:arena|epicent(?:er|re)|scene|focus|hotspots?|centre|center)\s+of\s+(?:the\s+)?(?:heavy\s+|fierce\s+|heaviest\s+)?"
                             r"(?:battles?|fighting|clashes|combat)\b"),
        ("fight", "active", r"\b(?:trapped|encircled|surrounded|cut\s+off|besieged|blockaded|pinned\s+down)\s+(?:in\s+and\s+around|in|inside|near|around|at)\b"),
        ("fight", "active", r"\b(?:counter-?attack(?:s|ed|ing)?)\s+(?:\w+\s+){0,2}?(?:in|near|around|at|on)\b"),
        ("fight", "passive", r"\b(?:is|are|was|were)\s+(?:now\s+|still\s+)?(?:counter-?attacking|holding\s+out|fighting\s+on)\b"),
        ("fight", "active", r"\b(?:got|get|gets|getting|made\s+(?:their|its)\s+way|fought\s+(?:their|its)\s+way|broke|broken|burst|infiltrated)\s+into\b"),
        ("fight", "noun", r"\b(?:advance|offensive|push|ground\s+assault|onslaught)\s+on\b"),
        ("hold", "active", r"\b(?:(?:have|has|had)\s+)?(?:defended|defending|defends|clung\s+to|clinging\s+(?:on\s+)?to|keep(?:ing)?\s+hold\s+of|kept\s+hold\s+of|"
                           r"refus(?:e|es|ed|ing)\s+to\s+(?:leave|abandon|give\s+up|surrender|withdraw\s+from|pull\s+out\s+of))\b"),
        ("loss", "active", r"\b(?:defeat|rout)\s+of\s+(?:the\s+)?(?:Ukrainian|Russian)\s+(?:forces|troops|army|units)\s+(?:at|in|near|around)\b"),
        ("withdraw", "active", r"\b(?:move|moved|moving|withdr[ae]wn?|retreated|pulled\s+back)\s+to\s+(?:more\s+)?(?:favou?rable|advantageous|prepared|new)\s+(?:defen[cs]ive\s+)?positions?[\"”’']?\s+(?:near|around|in|outside)\b"),
        ("hold", "passive", r"\b(?:is|remains|remained|was)\s+(?:still\s+)?(?:a\s+)?(?:Ukrainian|Russian)(?:-(?:held|controlled))?\s+(?:city|town|village|territory)\b"),
        ("loss", "active", r"\b(?:lost|loses|lose|losing|ceded|surrendered|gave\s+up)\s+(?:control\s+(?:of|over)\s+)?|"
                           r"\b(?:been\s+)?(?:driven|pushed|forced|knocked|kicked)\s+out\s+of\b"),
        ("fight", "active", r"\b(?:(?:heavy|fierce|intense|street|urban|ongoing|continued|continuing|recent)\s+)?(?:fighting|battles?|clash(?:es)?|combat|"
                            r"storming|assaults?)\s+(?:(?:is|are|was|were)\s+)?(?:still\s+)?"
                            r"(?:(?:continu(?:es|ed|ing)|rag(?:es|ed|ing)|going\s+on|under\s+way|underway|taking\s+place)\s+)?"
                            r"(?:(?:gripping|engulfing|in)\s+the\s+area\s+around|along|for|in|of|around|inside|near|within|in\s+the\s+areas?\s+of|"
                            r"on\s+the\s+(?:outskirts|approaches)\s+(?:of|to))\b"),
        ("withdraw", "anaphor", r"\bno\s+(?:Ukrainian|Russian)\s+(?:troops|forces|soldiers|units)\s+(?:were\s+|are\s+)?(?:left|there|in\s+(?:the\s+)?(?:village|town|city))\b|"
                                r"\bno\s+(?:occupiers|invaders)\s+(?:left\s+)?(?:there|in\s+(?:the\s+)?(?:village|town|city))\b|"
                                r"\bno\s+longer\s+occup(?:y|ied|ies)\s+any\b"),
        ("fight", "anaphor", r"\b(?:fighting|battles?|clashes|combat)\s+(?:\w+\s+){0,2}?(?:is|are|was|were)\s+(?:still\s+)?(?:going\s+on|continuing|raging|under\s+way)"
                             r"(?:\s+there)?(?=\s*[,.;]|\s+(?:and|but)\b)"),
        ("hold", "anaphor", r"\b(?:Ukrainian|Russian)\s+(?:troops|units|forces|soldiers|defenders|positions)\s+(?:were|are|remain(?:ed)?)\s+still\s+"
                            r"(?:there|in\s+(?:the\s+)?(?:city|town|village))|\b(?:are|were|is)\s+still\s+holding\s+(?:their|its)\s+positions"),
        ("fight", "active", r"\b(?:claimed|reported|made)\s+(?:\w+\s+){0,4}advances?(?:\s+(?:around|near|in|towards?|into))?\b"),
        ("fight", "active", r"\b(?:taken|took|take|takes|taking)\s+up\s+positions\s+(?:in|on\s+the\s+outskirts\s+of|near)\b"),
        ("fight", "active", r"\b(?:kept\s+attacking|attacking|advancing|advanced|mov(?:ing|ed)(?:\s+\w+)?|pushing|pushed|broke|broken)\s+"
                            r"(?:(?:\w+\s+){0,4}into|in|within|along\s+[\w\s]{0,30}?\s+in|in\s+the\s+areas?\s+of)\b"),
        ("fight", "active", r"\b(?:(?:held|holding|hold)\s+off|repell?ed|repulsed|beat(?:en)?\s+back|fended\s+off|fought\s+off|thwarted)[\"”’']?\s+(?:\w+\s+){0,4}"
                            r"(?:attacks?|assaults?|offensives?|attempts?)\s+(?:(?:just\s+)?(?:north|south|east|west)\s+of\s+[^,]{0,30},\s+)?(?:(?:the\s+)?(?:previous|last)\s+(?:day|night)\s+)?"
                            r"[\"“']?(?:in\s+the\s+(?:vicinity|area)[\"”']?\s+of|near|around|in|on|at|close\s+to)\b"),
        ("fight", "passive", r"\b(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+[\"“']?(?:(?:half|partly|partially|almost|nearly|virtually|completely|fully)\s+)?(?:under\s+(?:intense\s+|heavy\s+|constant\s+)?(?:attack|assault|fire|pressure)|"
                             r"(?:encircled|surrounded|contested))\b"),
        ("fight", "active", r"\b(?:entered|enter|enters|entering|encircled|surrounded|reached\s+(?:the\s+)?(?:outskirts|suburbs|edge)\s+of|"
                            r"(?:got|get)\s+as\s+far\s+as(?:\s+the\s+\w+\s+outskirts\s+of)?|on\s+the\s+outskirts\s+of|cauldrons?[\"”’']?\s+(?:around|near|in))\b"),
        ("hold", "active", r"\b(?:have|has|had)\s+occupied(?=\s+[^.;]{0,40}?\bsince\b)"),
        ("hold", "passive", r"\b(?:has|have|had)\s+been\s+(?:\w+\s+)?occupied(?=\s+since\b)|\b(?:is|are|was|were|remains?|remained)\s+still\s+occupied\b"),
        ("capture", "passive", rf"\b(?:was|were|has been|have been|had been|is|are|being|been)\s+(?:\w+ly\s+)?(?:{_CAPTURED}|occupied)\b"),
        ("capture", "noun", r"\b(?:capture|seizure|liberation|recapture|takeover|occupation|de-occupation)\s+of\b"),
        ("loss", "noun", r"\b(?:fall|loss|collapse)\s+of\b"),
        ("fight", "noun", r"\b(?:defen[cs]e|battle|struggle|fight)\s+(?:for|of)\b"),
        ("loss", "passive", r"\b(?:fell|has fallen|have fallen|had fallen|was lost|were lost)\b"),
        ("withdraw", "active", r"\b(?:withdr(?:ew|awn|aw|aws|awing)|pull(?:ed|s|ing)?\s+(?:out|back)|retreat(?:ed|s|ing)?|abandon(?:ed|s|ing)?|fled)\s+(?:from\s+|of\s+)?"),
        ("withdraw", "noun", r"\b(?:withdrawal|retreat|pullout|pull-out)\s+(?:of\s+[^,.;]{0,40}?\s+)?from\b"),
        ("withdraw", "noun", r"\b(?:flight|rout|retreat)\s+of\s+(?:its|their|the|[A-Z]\w+)\s+(?:\w+\s+)?(?:troops|forces|units|army)\s+(?:in|from)\b|"
                             r"\bterritorial\s+losses\s+in\b"),
        ("hold", "passive", r"\b(?:held|controlled)\s+by\b"),
        ("hold", "active", r"\b(?:shows?|showed|showing|depicts?|depicted|marks?|marked)(?=\s+[^.;]{0,120}?\s+(?:as\s+)?(?:being\s+)?under\s+(?:the\s+)?(?:full\s+)?"
                           r"(?:(?:Ukrainian|Russian|Ukraine's|Russia's|Kyiv's|Kiev's|Moscow's)\s+)?control\b)"),
        ("capture", "passive", r"\b(?:is|are|was|were|has\s+been|had\s+been)\s+(?:once\s+again|again|back)\s+(?:under|in)\s+(?:the\s+)?(?:full\s+)?"
                               r"(?:(?:Ukrainian|Russian|Ukraine's|Russia's|Kyiv's|Kiev's|Moscow's)\s+(?:(?:armed\s+forces|army|military|forces|troops)\s+)?)?(?:control|hands)\b"),
        ("hold", "passive", r"\b(?:remains?|remained|is|are|was|were|stays?|stayed|been)\s+(?:firmly\s+|still\s+|fully\s+|largely\s+|entirely\s+|now\s+|already\s+|(?:only\s+)?(?:partly|partially|mostly)\s+)?(?:under|in)\s+(?:the\s+)?(?:full\s+)?(?:(?:Ukrainian|Russian|Ukraine's|Russia's|Kyiv's|Kiev's|Moscow's)\s+(?:(?:armed\s+forces|army|military|forces|troops)\s+)?)?(?:control|hands|occupation)\b"),
        ("hold", "active", r"\b(?:maintain(?:ed|s|ing)?|retain(?:ed|s|ing)?|ha(?:ve|s|d)|keep(?:s|ing)?|kept)\s+(?:full\s+|firm\s+)?control(?:\s+(?:of|over))?|(?<!-)(?<!\bon\s)\b(?:hold(?:s|ing)?|(?<=have\s)held|(?<=has\s)held|control(?:s|led|ling)?|in control of)\b"),
        ("fight", "active", r"\b(?:fighting|battles?|clashes|storming|encircl(?:ed|ing|ement)|assault(?:s|ing)?)\s+(?:for|in|of|on|around|inside)\b"),
        ("capture", "active", rf"\b(?:{_CAPTURE_VERB})\b"),
        ("capture", "active", r"(?<!\bthe\s)(?<!\bin\s)(?<!\bof\s)(?<!\bfrom\s)(?<!\bnear\s)(?<!\bto\s)(?<!-)\b(?:occupied|occupying|occupies)\b"),
    )
)

_HYPOTHETICAL = re.compile(
    r"\b(?:aim(?:s|ed|ing)?|closer|nearer|could|would|might|may|plan(?:s|ned|ning)?|intend(?:s|ed)?|attempt(?:s|ed|ing)?|tr(?:y|ies|ied|ying)|"
    r"seek(?:s|ing)?|sought|threaten(?:s|ed|ing)?|bid|goal|effort|fail(?:ed|s)?|push(?:es|ed)?|want(?:s|ed)?|order(?:ed|s)?|"
    r"unable|vow(?:s|ed)?|hop(?:e|es|ed|ing)|expect(?:s|ed)?|ready|prepar(?:e|es|ed|ing)|aimed|stopped|repelled|thwarted|"
    r"concentrat(?:e|es|ed|ing)\s+on|focus(?:es|ed|ing)?\s+on|bent\s+on|intent\s+on|wait(?:s|ed|ing)?\s+for|await(?:s|ed|ing)?|"
    r"will|shall|must|need(?:s|ed)?)\b(?:\s+\w+){0,2}\s*(?:to\s+(?:\w+\s+)?)?$",
    re.IGNORECASE,
)

# an infinitive of purpose: "to consolidate control over", "in order to take" (not "managed to take", "forced to withdraw")
_INTENTION = re.compile(r"(?<!\bmanaged )(?<!\bable )(?<!\bforced )(?<!\bordered )(?<!\bdecided )(?<!\bsucceeded )(?<!\bhad )(?<!\bhas )"
                        r"(?<!\bhave )(?<!\bused )\bto\s+(?:\w+ly\s+)?(?:(?:consolidate|secure|gain|establish|take|seize|capture|retake|regain)\s+(?:full\s+|complete\s+|total\s+)?)?$",
                        re.IGNORECASE)

# "Losing the small hilltop town would be worrying", "Retaking Makariv could prevent": what a change would bring
_GERUND_SUBJECT = re.compile(r"\w+ing\b[^,;.]{0,60}?\b(?:would|could|might|may|will)\b", re.IGNORECASE)

_MODAL_CLAUSE = re.compile(r"\b(?:would|could|might|may|will|should|aims?\s+to|plans?\s+to|seeks?\s+to|in\s+an\s+effort\s+to|failed)\b", re.IGNORECASE)

_CLAUSE_CUT = re.compile(r"[;:,]|—|–|\s-\s|\b(?:and|but|while|after|before|as|because|since|which|that)\b")

_NEGATED = re.compile(r"\b(?:not|never|n't)\b(?:\s+(?:been|yet|be|have|has|had|fully))*\s*$", re.IGNORECASE)

def clause_before(text: str, at: int) -> str:
    """The part of ``text`` before ``at`` that belongs to the same clause."""
    head = text[:at]
    cut = max((m.end() for m in _CLAUSE_CUT.finditer(head)), default=0)
    return head[cut:]

_MAY_MATCH = Prefilter([rx for _, _, rx in _TRIGGERS])


def find_triggers(text: str) -> list[Trigger]:
    """The triggers of a sentence, left to right; where two overlap, the one listed first in the table wins."""
    found: list[Trigger] = []
    for index in _MAY_MATCH.candidates(text):
        kind, voice, rx = _TRIGGERS[index]
        for m in rx.finditer(text):
            if any(m.start() < t.end and t.start < m.end() for t in found):
                continue
            before = text[max(0, m.start() - 40) : m.start()]
            # "trying in vain to dislodge Russian troops from X": the attempt shows who holds X
            dislodge = kind == "hold" and m.group(0).lower().startswith(("dislodg", "drive out", "oust"))
            if not dislodge and (_HYPOTHETICAL.search(before) or _MODAL_CLAUSE.search(clause_before(text, m.start()))
                                 or _INTENTION.search(before) or _GERUND_SUBJECT.match(text[m.start() :])
                                 and (not clause_before(text, m.start()).strip() or re.search(r"\bby\s+$", before))):
                continue  # "aims to capture", "a push to consolidate control over": a goal, not a claim
            if kind == "hold" and not re.match(r"\s+since\b", text[m.end() :]) and (re.match(r"had\s+been\b", m.group(0), re.IGNORECASE)
                                   or (m.group(0).lower().startswith("been") and re.search(r"\bhad\s+$", text[: m.start()]))
                                   or re.search(r"\bsituation\b[^,;]{0,40}$", text[: m.start()], re.IGNORECASE)):
                continue  # "a town that had been in Russian hands": a former state; "the situation is under control"
            negated = bool(_NEGATED.search(text[max(0, m.start() - 30) : m.start()]))
            found.append(Trigger(m.start(), m.end(), kind, voice, m.group(0), negated))
    return sorted(found, key=lambda t: t.start)
