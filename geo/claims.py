"""Claims: who took, holds or lost which place, who says so, and when.

Claims live in sentences. A claim needs a place (named, listed, or "the city" referring back), a trigger (a verb
or noun of capture, control, withdrawal, loss or fighting) whose object or subject is that place, and a side:
the side named as taking or holding it ("fell to Russian forces", "under Ukrainian control"), or losing or
leaving it ("Ukraine lost", "Russian troops withdrew"). Control stated in passing ("the Russian-held city of
Donetsk") is the reporter's. Around it: who says so (:mod:`geo.speakers`; a report carries over the next
sentences), denials (a negated trigger, a denying speaker, a second voice calling the claim false, a later
"denied the claim"), hedges, and a time expression of the same clause (:mod:`geo.when`).

Not claims: places only mentioned (sources of statements, capitals, strike targets), regions that only locate a
village, fighting "in the Donetsk region", plans and possibilities ("aims to capture", "could fall"), former
states ("had been in Russian hands").

Confidence grows with the evidence: a named side (+0.2), a named speaker (+0.15), a date (+0.1), a capture or
withdrawal verb (+0.1), from a base of 0.45; hedges ("reportedly") and "could not be verified" take 0.2 off.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from geo.actors import Actor, opposite, voice_kind
from geo.models import Article, Claim, Controller, Event, Place, Resolved, Side, Stance, When
from geo.recognize import Sentence, split_sentences
from geo.speakers import Speaker, sentence_voices
from geo.when import find_times, in_year, latest_full_date

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
class _Trigger:
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
_BOUNDARY = re.compile(
    r"[;:()]|—|–|\s-\s|,\s*and\s+(?:then\s+)?[a-z]+ed\b|\b(?:but|while|whereas|which|who|whom|where|when|after|before|because|although|though|since the|as|amid|"
    r"said|says|according)\b",
    re.IGNORECASE,
)
_TARGET_GAP_BLOCK = re.compile(
    r"\b(?:near|outside|around|towards?|close to|approach(?:es)?|outskirts|suburbs?|direction|km|kilometers?|kilometres?|miles?|bank|coast|shore|"
    r"could|would|might|may|will|route|way|road|and\s+with|directions?|flags?|sign|banner|"
    r"from)\b|\b(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest)\s+of\b",
    re.IGNORECASE,
)
# fighting "near" or "around" a place is fighting for it; and it goes on "in X, ..., particularly near Y and Z"
_FIGHT_GAP_BLOCK = re.compile(r"\b(?:could|would|might|may|will|route|road|from|km|kilometers?|kilometres?|miles?|towards?|that|told)\b|"
                              r"\b(?:territor(?:y|ies)|areas?|lines?|fields?)\s+(?:around|near|outside)\b|"
                              r"\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of\b", re.IGNORECASE)
_FIGHT_GOES_ON = re.compile(r"^(?:,\s+[^,;]{0,40},)?[^;.()]{0,120}?\b(?:especially|particularly|notably|mainly|including|and)\s+"
                            r"(?:(?:near|around|in|at|inside)\s+)?(?:the\s+(?:(?:villages?|towns?|settlements?)\s+of\s+)?)?$", re.IGNORECASE)
_LIST_GAP = re.compile(r"^(?:\s+in\s+(?:the\s+)?[A-Z][\w’'\-]+\s+(?:region|oblast|Oblast|Region|district))?(?:\s*(?:,|and|or|&|as well as|plus|together with|along with)\s*(?:[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?(?=\s*(?:,|and\b|or\b)))?)+(?:(?:most|much|part|parts|all|half|the\s+rest)\s+of\s+)?(?:the\s+)?(?:entire\s+|whole\s+)?(?:the\s+)?(?:(?:villages?|towns?|settlements?|cities|city|hamlets?)\s+(?:of\s+)?)?(?:[A-Z][\w’'\-]+\s+)?$", re.IGNORECASE)
_LOCATED_IN = re.compile(
    r"\b(?:villages?|settlements?|towns?|city|cities|hamlets?|localit(?:y|ies)|positions?|communit(?:y|ies)|hubs?|junctions?|cent(?:re|er)s?)\b"
    r"(?:\s+[\w’'\-]+){0,3}\s+in\s+(?:the\s+|its\s+|their\s+|(?:Ukraine|Russia)(?:'s|’s)\s+)?(?:[a-z]+(?:ern)?\s+){0,2}$")
# "dozens of settlements in the Kharkiv region", "46 settlements in Kherson Oblast": gains counted, not named, are a
# claim on (part of) the region; "three villages in the Kursk region" are named next, the region only locates them
_COUNTED_IN = re.compile(
    r"\b(?:dozens|hundreds|scores|a\s+number|several|many|numerous|1[1-9]|[2-9]\d|\d{3,}|(?:more|over)\s+than\s+\d+|(?:twenty|thirty|forty|fifty|sixty)[\w-]*)\s+"
    r"(?:of\s+)?(?:other\s+)?(?:settlements|villages|towns(?:\s+and\s+villages)?|localities|square\s+(?:kilometers|kilometres|miles)|sq\.?\s*km)\b"
    r"[^.;]{0,40}?\b(?:in|of)\s+(?:the\s+|its\s+|(?:Ukraine|Russia)(?:'s|’s)\s+)?(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
# "in the Lyptsi direction", "the Bakhmut axis": a sector of the front named after a place, not the place
_AXIS = re.compile(r"(?:\s+and\s+[A-Z][\w’'\-]+)?[\s-]+(?:direction|axis|sector|salient)s?\b", re.IGNORECASE)
_REGION_AS_ADJECTIVE = re.compile(r"\s+(?:city|town|village|settlement)\b")
# "gained control of the following settlements in Kharkiv region: Borisovka, ..."
_LIST_INTRO = re.compile(r"^[^;.]{0,80}?\b(?:settlements?|villages?|towns?|localities|hamlets|positions)\b[^;.:]{0,60}:\s*(?:the\s+(?:villages?|towns?)\s+of\s+)?$", re.IGNORECASE)
# the relative clause has its own subject: "which Ukrainian soldiers took" (not "which took five hours")
# "taken five settlements near Liman, among them the town of Yampil": the ones the list names
_INCLUDING = re.compile(r"^[^;.]{0,40}?\b(?:settlements|villages|towns|localities)\b[^.;]{0,60}?(?:,\s*)?(?:among\s+them|including|such\s+as)\s+"
                        r"(?:the\s+(?:town|village|city|settlement)s?\s+of\s+)?$", re.IGNORECASE)
_RELATIVE_SUBJECT = re.compile(r"(?:\b(?:which|that)\s+|\b(?:town|city|village|settlement|hub|stronghold)\s+)(?:the\s+)?"
                               r"(?:[A-Z][\w’'\-]*|Russian|Ukrainian|its|their|our|they|we|it)\b")
# "Staromaiorske, which Ukrainian soldiers took", "Avdiivka, a town Russia took in February"
_RELATIVE = re.compile(r"^,?\s*(?:(?:is|was|remains)\s+)?(?:(?:which|that)\s+|(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}(?:town|city|village|settlement|hub|stronghold)\s+"
                       r"(?:in\s+(?:the\s+)?[^,;:]{0,30}?\s+)?(?:that\s+|which\s+)?)[^,;:]{0,60}$", re.IGNORECASE)
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
# "the city itself remains", "the strategically important city in southern Ukraine was freed"
_ANAPHOR_BEFORE = re.compile(r"\b(?:the|this)\s+(?:[\w\-]+\s+){0,3}?(?P<noun>city|town|village|settlement|island)(?:\s+itself)?"
                             r"(?:\s+(?:in|of)\s+(?:the\s+)?(?:[a-z]+\s+)?[A-Z][\w\-]*)?\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_ANAPHOR_AFTER = re.compile(r"\s*(?:back\s+)?(?:(?:\d+(?:\.\d+)?\s*(?:percent|per\s+cent|%)|most|much|part|all|half)\s+of\s+)?(?:(?:the|this)\s+(?:[A-Z][\w\-]*\s+){0,2}(?P<noun>city|town|village|settlement|island)\b|it\b(?!\s+(?:was|is|had|has|would|will)\b))",
                            re.IGNORECASE)
# "the settlements the ministry claimed are still in the grey zone", "retook these villages": the last list claimed
_PLURAL_BEFORE = re.compile(r"\b(?:the|these|those|all|both|all\s+(?:the\s+)?(?:two|three|four|five|six|seven|eight|nine|ten))\s+"
                            r"(?:\w+\s+)?(?:settlements|villages|towns|localities|places)\b[^;:]{0,80}$", re.IGNORECASE)
_BOTH = re.compile(r"\s*\bboth\s+(?:the\s+)?(?P<noun>cities|towns|villages|settlements)\b", re.IGNORECASE)
_PLURAL_AFTER = re.compile(r"\s*(?:back\s+)?(?:the|these|those|all|both)\s+(?:\w+\s+)?(?:settlements|villages|towns|localities)\b(?!\s+of\b)",
                           re.IGNORECASE)
# "taken a village in the Donetsk region." followed by "Kalynove is southeast of Pokrovsk": the village named next
_INDEFINITE_AFTER = re.compile(r"\s*(?:control\s+of\s+)?(?:a|another|one\s+more)\s+(?:\w+\s+){0,2}?(?:village|settlement|town|locality)\b"
                               r"(?:\s+(?:in|of|near)\s+[^,;.]{0,50})?\s*[.;]?\s*$", re.IGNORECASE)
_CONFIRMS_IT = re.compile(r"\b(?:confirmed|confirms|corroborated|corroborates|verified|verifies)\s+(?:the|this|that|these|those|such)\s+"
                         r"(?:\w+\s+)?(?:claims?|reports?|breakthrough|advance|capture|withdrawal|gains?|account)\b|"
                         r"\b(?:backs?|backed)\s+(?:this|that|it|these|them)\s+up\b", re.IGNORECASE)
_DENIES_IT = re.compile(r"\b(?:denied|denies|rejected|rejects|dismissed|dismisses|refuted|refutes)\s+(?:it|this|that|them|"
                        r"(?:the|this|that|these|those|such)\s+(?:\w+\s+)?(?:claims?|reports?|announcements?|statements?|assertions?))\b",
                        re.IGNORECASE)
_APPOSITION = re.compile(r"^\s*,[^;]{0,160},\s*(?:\w+ly\s+)?$")
_RELATIVE_LOCATION = re.compile(r"(?:\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|\bnear|\bfrom|\boutside|\bacross|\bthroughout|\bkm\s+(?:from|of)|\b(?:bank|coast|shore)\s+of(?:\s+the)?|"
                                r"\b(?:suburbs?|outskirts|edge|part|district|capital)\s+of)\s+(?:the\s+(?:\w+\s+)?(?:city|town|village|settlement)\s+of\s+)?$", re.IGNORECASE)
_ALSO = re.compile(r"\b(?:in addition to|as well as|along with|alongside|besides|together with)\s+$", re.IGNORECASE)
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
_CHANGES = ("captured", "recaptured", "withdrew")
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


def _clause_before(text: str, at: int) -> str:
    """The part of ``text`` before ``at`` that belongs to the same clause."""
    head = text[:at]
    cut = max((m.end() for m in _CLAUSE_CUT.finditer(head)), default=0)
    return head[cut:]


def _triggers(text: str) -> list[_Trigger]:
    found: list[_Trigger] = []
    for kind, voice, rx in _TRIGGERS:
        for m in rx.finditer(text):
            if any(m.start() < t.end and t.start < m.end() for t in found):
                continue
            before = text[max(0, m.start() - 40) : m.start()]
            # "trying in vain to dislodge Russian troops from X": the attempt shows who holds X
            dislodge = kind == "hold" and m.group(0).lower().startswith(("dislodg", "drive out", "oust"))
            if not dislodge and (_HYPOTHETICAL.search(before) or _MODAL_CLAUSE.search(_clause_before(text, m.start()))
                                 or _INTENTION.search(before) or _GERUND_SUBJECT.match(text[m.start() :])
                                 and (not _clause_before(text, m.start()).strip() or re.search(r"\bby\s+$", before))):
                continue  # "aims to capture", "a push to consolidate control over": a goal, not a claim
            if kind == "hold" and not re.match(r"\s+since\b", text[m.end() :]) and (re.match(r"had\s+been\b", m.group(0), re.IGNORECASE)
                                   or (m.group(0).lower().startswith("been") and re.search(r"\bhad\s+$", text[: m.start()]))
                                   or re.search(r"\bsituation\b[^,;]{0,40}$", text[: m.start()], re.IGNORECASE)):
                continue  # "a town that had been in Russian hands": a former state; "the situation is under control"
            negated = bool(_NEGATED.search(text[max(0, m.start() - 30) : m.start()]))
            found.append(_Trigger(m.start(), m.end(), kind, voice, m.group(0), negated))
    return sorted(found, key=lambda t: t.start)


def _clause_break(text: str) -> bool:
    return bool(_BOUNDARY.search(text))


@dataclass(frozen=True, slots=True)
class _Around:
    """What the sentences around a sentence say, for the places it refers to without naming them."""

    earlier: Sequence[Resolved] = ()  # settlements named before, for "the city", "the village", "it", "there"
    listed: Sequence[Resolved] = ()  # the places of the last list claimed, for "the settlements", "these villages"
    following: Resolved | None = None  # the place that opens the next sentence, for "a village" it then names
    last_day: date | None = None  # the day named last before, for "that evening", "the same day"


def _targets(trigger: _Trigger, text: str, mentions: Sequence[tuple[int, int, Resolved]],
             around: _Around = _Around()) -> list[tuple[int, int, Resolved]]:
    """The places a trigger is about. When the sentence names none for it: "the city itself", "the village", "it"
    or "there" stand for the last settlement of fitting size named before (in this sentence, else in earlier ones);
    "the settlements" for the places of the last list claimed; "a village" for the place the next sentence opens
    with ("... taken a village. Kalynove is southeast of Pokrovsk")."""
    found = _named_targets(trigger, text, mentions)
    if found:
        return found
    here = (trigger.start, trigger.end)
    head, tail = text[: trigger.start], text[trigger.end :]
    if around.listed and (_PLURAL_BEFORE.search(head) if trigger.voice in ("passive", "anaphor") else _PLURAL_AFTER.match(tail)):
        return [(*here, r) for r in around.listed]
    both = _BOTH.search(head) if trigger.voice in ("passive", "anaphor") else _BOTH.match(tail)
    if both:  # "the defense of both cities": the last two settlements named
        noun = both.group("noun").lower().removesuffix("s").replace("citie", "city")
        latest = {r.place.place_id: r for r in around.earlier if _fits(noun, r.place)}  # keyed by place, last mention wins
        pair = sorted(latest.values(), key=lambda r: r.mention.start)[-2:]
        return [(*here, r) for r in pair] if len(pair) == 2 else []
    if around.following and trigger.voice in ("active", "noun") and _INDEFINITE_AFTER.match(tail):
        return [(*here, around.following)]
    noun = (_ANAPHOR_BEFORE.search(head) if trigger.voice in ("passive", "anaphor") else
            _ANAPHOR_AFTER.match(tail) if trigger.voice in ("active", "noun") else None)
    if noun is None and not (trigger.voice == "anaphor" and not mentions):
        return []
    kind = (noun.group("noun") or "it").lower() if noun else "it"
    before = [r for s, _, r in mentions if s < trigger.start and r.place.feature == "settlement"
              and not _RELATIVE_LOCATION.search(text[max(0, s - 25) : s])]
    fitting = [r for r in [*around.earlier, *before] if _fits(kind, r.place)]
    return [(*here, fitting[-1])] if fitting else []


def _fits(noun: str, place: Place) -> bool:
    """Whether "the city" / "the village" can refer to this place (by population, when known); "it" fits any."""
    if noun == "city":
        return place.population == 0 or place.population >= 10_000
    if noun == "village":
        return place.population < 10_000
    return True


def _named_targets(trigger: _Trigger, text: str, mentions: Sequence[tuple[int, int, Resolved]]) -> list[tuple[int, int, Resolved]]:
    after = [m for m in mentions if m[0] >= trigger.end]
    before = [m for m in mentions if m[1] <= trigger.start]
    chosen: list[tuple[int, int, Resolved]] = []
    if trigger.voice in ("active", "noun") and after:
        # "captured three villages beyond Velyka Novosilka: Neskuchne, ...": the list after the colon, not the locator
        listed = next((m for m in after[:4] if _LIST_INTRO.match(text[trigger.end : m[0]])
                       or _INCLUDING.match(text[trigger.end : m[0]])), None)
        first = listed or after[0]
        gap = text[trigger.end : first[0]]
        block = _FIGHT_GAP_BLOCK if trigger.kind == "fight" else _TARGET_GAP_BLOCK
        if (len(gap) <= 70 and not _clause_break(gap) and not block.search(gap)) or first is listed:
            chosen.append(first)
            for nxt in after[after.index(first) + 1 :]:
                between = text[chosen[-1][1] : nxt[0]]
                if _LIST_GAP.match(between) or (trigger.kind == "fight" and _FIGHT_GOES_ON.match(between)):
                    chosen.append(nxt)
                elif not (trigger.kind == "fight" and _RELATIVE_LOCATION.search(text[max(0, nxt[0] - 40) : nxt[0]])):
                    break  # a fight runs on past the places that only locate ("in X, northeast of Y, ... near Z")
    if not chosen and trigger.voice == "passive" and before:
        # "Robotyne, about 15 km south of Orikhiv and 70 km southeast of Zaporizhzhia, was liberated": the subject,
        # not the places of its apposition
        subjects = [m for m in before if not _RELATIVE_LOCATION.search(text[max(0, m[0] - 40) : m[0]])] or before
        last = subjects[-1]
        gap = text[last[1] : trigger.start]
        if (len(gap) <= 60 and not _clause_break(gap)) or _APPOSITION.match(gap):
            chosen.append(last)
            for prev in reversed(before[:-1]):
                if _LIST_GAP.match(text[prev[1] : chosen[-1][0]]):
                    chosen.append(prev)
                else:
                    break
    if not chosen and trigger.voice == "active" and before:
        # "Staromaiorske, which Ukrainian soldiers took late last month": the antecedent of the relative clause
        last = before[-1]
        if _RELATIVE.match(text[last[1] : trigger.start]) and _RELATIVE_SUBJECT.search(text[last[1] : trigger.start]):
            chosen.append(last)
    if not chosen and trigger.voice == "anaphor" and before:
        # "denied that Russia had taken Soledar, saying Ukrainian units were still there": the place just named
        # (not one that only locates another: "west of Kyiv")
        named = [m for m in before if not _RELATIVE_LOCATION.search(text[max(0, m[0] - 25) : m[0]])]
        chosen.extend(named[-1:])
    if not chosen and trigger.kind in ("hold", "fight") and before:
        # "Kursk, where Ukrainian forces have maintained control": the place the clause is about
        clause_start = max((m.start() for m in re.finditer(r",\s+where\b", text[: trigger.start])), default=-1)
        if clause_start >= 0:
            antecedent = [m for m in before if m[1] <= clause_start]
            if antecedent and not text[antecedent[-1][1] : clause_start].strip():
                chosen.append(antecedent[-1])
    if chosen:
        for m in before:
            if _ALSO.search(text[: m[0]]) and m not in chosen:
                chosen.append(m)
    return chosen


def _actor_side(actor: Actor | None) -> Side | None:
    return actor.side if actor is not None and actor.side in ("RU", "UA") else None


_UNDER_CONTROL = re.compile(r"(?:,[^;]{0,100},)?\s*(?:as\s+)?(?:being\s+)?under\s+(?:the\s+)?(?:full\s+)?(Ukrainian|Russian|Ukraine's|Russia's|Kyiv's|Kiev's|Moscow's)\s+control",
                            re.IGNORECASE)


_SIDE_SUBJECT = re.compile(r"(?:^\s*|(?<!\bin\s)(?<!\binto\s)(?<!\bof\s)(?<!\bon\s)(?<!\bto\s)(?<!\bfrom\s)\bthe\s+)(Ukrainian|Russian)\s+"
                           r"[\"“'‘]?(?!territory|land|soil|border|side\b)[A-Za-z\-]+[\"”'’]?\s+(?:\w+\s+){0,3}$", re.IGNORECASE)


def _agent(trigger: _Trigger, text: str, actors: Sequence[Actor], targets: Sequence[tuple[int, int, Resolved]]) -> tuple[Side | None, bool, bool]:
    """The side named with the trigger: ``(side, named, took)``. ``took`` is True when that side is the one that
    took or holds the place ("fell to Russian forces", "captured by", "Russian troops seized"), False when it is
    the side that lost or left it ("Ukraine lost", "Russian troops withdrew")."""
    gains = trigger.kind in ("capture", "hold", "fight")
    # "fell to Russian forces", "held by Ukrainian troops", "captured by ...", "the fall of X to Russian troops"
    last_target = max((t[1] for t in targets), default=trigger.end)
    for a in actors:
        if a.start >= trigger.end and _actor_side(a):
            gap = text[min(trigger.end, last_target) if a.start >= last_target else trigger.end : a.start]
            if re.search(r"\b(?:by|to|control\s+of)\s+(?:the\s+)?$", gap) and not _clause_break(gap):
                return a.side, True, True
    if trigger.kind == "capture":  # "freed from the Russians", "cleared of Ukrainian troops": that side lost it
        for a in actors:
            if a.start >= trigger.end and _actor_side(a) and re.search(r"\b(?:from|of)\s+(?:the\s+)?(?:\w+\s+){0,4}?$", text[last_target : a.start]) \
                    and a.start - last_target < 60 and not _clause_break(text[last_target : a.start]) and a.start >= last_target:
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
                and not _clause_break(text[a.end : trigger.start])]
    if subjects:
        return subjects[-1].side, True, gains
    if trigger.voice == "active":
        # "Russian forces are edging forward after capturing Avdiivka": the subject of the main clause
        military = [a for a in actors if a.end <= trigger.start and a.military and a.can_take and _actor_side(a)
                    and not re.search(r"[;:]", text[a.end : trigger.start])]
        if military:
            return military[-1].side, True, gains
        # a subject the actor table does not know, named with its side: 'the Ukrainian "Nazis" refuse to leave'
        subject = _SIDE_SUBJECT.search(_clause_before(text, trigger.start))
        if subject:
            return ("UA" if subject.group(1).lower().startswith("ukrain") else "RU"), True, gains
    return None, False, gains


_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|whom)\b[^,;]*,")
_SAID_WHEN = re.compile(r"\b(?:said|saying|says|told|announced|reported|stated|wrote|declared|claimed)\s+(?:\w+\s+)?$", re.IGNORECASE)
_WHEN_SAID = re.compile(r"^,?\s+(?:\w+\s+)?(?:said|says|told|announced|reported|stated|wrote|declared|claimed)\b", re.IGNORECASE)


def _when(trigger: _Trigger, text: str, times: Sequence[When]) -> When | None:
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


def _locator(text: str, start: int, end: int, r: Resolved, settlement_ends: Sequence[int] = ()) -> bool:
    """A region that only says where something else is: "two villages in the Kursk region", "the village of
    Robotyne in the Zaporizhzhia region", "Stepove in the Dnipropetrovsk region", "this Donetsk Oblast city".
    ``settlement_ends``: where the settlements named in the sentence end."""
    if r.place.feature != "region":
        return False
    listed = " " not in r.mention.surface and re.match(r"\s*(?:,|and\b)", text[end:])  # "the Kharkiv, Donetsk, ... oblasts"
    before = re.sub(r"[A-Z][\w’'\-]+(?:,\s*|\s+and\s+)", "", text[max(0, start - 100) : start])
    if _COUNTED_IN.search(before):
        return False
    after_place = any(re.fullmatch(r"(?:,|\s+in)\s+(?:the\s+)?", text[e:start]) for e in settlement_ends if e <= start)
    return bool(_LOCATED_IN.search(before) or _REGION_AS_ADJECTIVE.match(text, end)
                or after_place and r.mention.kind in ("region", "raion") and not listed)


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
                     anchor: date | None = None, around: _Around = _Around()) -> Iterable[Claim]:
    """The claims of one sentence; ``inherited`` is the speaker of the sentences just before, whose report this
    sentence may go on with ("Ukraine's General Staff said ... . Troops also freed Lobkove.")."""
    text = sentence.text
    settlement_ends = [r.mention.end - sentence.start for r in resolved if r.place.feature == "settlement"]
    mentions = sorted(
        (r.mention.start - sentence.start, r.mention.end - sentence.start, r)
        for r in resolved
        if r.place.feature in ("settlement", "region")
        and not any(a.start <= r.mention.start - sentence.start < a.end for a in actors)
        and not _locator(text, r.mention.start - sentence.start, r.mention.end - sentence.start, r, settlement_ends)
        and not _AXIS.match(text, r.mention.end - sentence.start)
    )
    if not mentions and not around.earlier and not around.listed and not around.following:
        return
    yield from _described_holds(article, sentence, mentions)
    triggers = _triggers(text)
    if not triggers:
        return
    times = [w for w in find_times(text, article.published or anchor, around.last_day)  # "10th October" may be a village
             if not any(w.start < e and s < w.end for s, e, _ in mentions)]
    unverified = bool(_UNVERIFIED.search(text) or _UNVERIFIED.search(next_text))
    for trigger in triggers:
        # a place belongs to the nearest trigger: "advanced into Russian territory and taken Sudzha" takes Sudzha
        targets = [t for t in _targets(trigger, text, mentions, around)
                   if not any(o is not trigger and (trigger.end <= o.start < t[0] if t[0] >= trigger.end else t[1] <= o.start < trigger.start)
                              for o in triggers)]
        if not targets:
            continue
        # "The Kherson region, which Moscow says it has annexed, is only partly under ...": Moscow speaks only there
        inside = [m.span() for m in _RELATIVE_CLAUSE.finditer(text) if not m.start() <= trigger.start < m.end()]
        voices = [s for s in speakers if not any(a <= s.actor.start < b for a, b in inside)]
        speaker = next((s for s in reversed(voices) if s.actor.end <= trigger.start), None) or (voices[0] if voices else inherited)
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
            agent = opposite(targets[0][2].place.country)  # type: ignore[arg-type]  # "was still occupied": by the invader
        if agent is None and _LIBERATION.search(trigger.text) and not any(a.side in ("RU", "UA") for a in actors):
            agent = targets[0][2].place.country if targets[0][2].place.country in ("RU", "UA") else None  # freed: by its own side
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
            claimant_side = agent if agent in ("RU", "UA") and (took or trigger.kind != "capture") else controller  # type: ignore[assignment]
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
                    claimant=who, claimant_side=side, stance=said,  # type: ignore[arg-type]
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


def _opening_place(sentence: Sentence, resolved: Sequence[Resolved]) -> Resolved | None:
    """The settlement a sentence opens with, as its subject ("Kalynove is southeast of Pokrovsk.")."""
    first = min(resolved, key=lambda r: r.mention.start, default=None)
    if first is None or first.place.feature != "settlement" or first.mention.start - sentence.start > 1:
        return None
    rest = sentence.text[first.mention.end - sentence.start :]
    return first if re.match(r"\s*(?:,|is\b|lies\b|was\b|sits\b|had\b|has\b)", rest) else None


def extract_claims(article: Article, resolved: Sequence[Resolved]) -> list[Claim]:
    """Every territorial-control claim an article makes, one per place/side/event/claimant side."""
    by_sentence: dict[int, list[Resolved]] = defaultdict(list)
    for r in resolved:
        by_sentence[r.mention.sentence_index].append(r)
    sentences = split_sentences(article.text)
    # An undated article: relative dates resolve against the latest full date its text gives.
    anchor = None if article.published else latest_full_date(article.text)
    claims: list[Claim] = []
    inherited: Speaker | None = None
    since = 0
    named: list[Resolved] = []  # settlements named so far, for "the city", "the village"
    previous: list[Claim] = []
    people: dict[str, Side] = {}  # surnames of the people the article introduced, and their sides
    listed: list[Resolved] = []  # the places of the last list claimed, for "the settlements"
    last_day: date | None = None
    for s in sentences:
        actors, speakers = sentence_voices(s.text, people)
        nxt = sentences[s.index + 1] if s.index + 1 < len(sentences) else None
        around = _Around(named[-_ANAPHOR_REACH:], listed, _opening_place(nxt, by_sentence.get(nxt.index, [])) if nxt else None,
                         last_day)
        found = list(_sentence_claims(article, s, by_sentence.get(s.index, []), nxt.text if nxt else "", actors, speakers,
                                      inherited if since <= _SPEAKER_REACH else None, anchor, around))
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
                  and not _RELATIVE_LOCATION.search(s.text[max(0, r.mention.start - s.start - 25) : r.mention.start - s.start])]
        days = [w.event_date for w in find_times(s.text, article.published or anchor, last_day)
                if w.event_date and w.precision == "day" and w.text != _AS_PUBLISHED]
        last_day = days[-1] if days else last_day
        if speakers:
            inherited, since = speakers[-1], 0
        else:
            since += 1
    return _merge(claims)
