"""Who is who: the table that maps actors named in news copy to sides.

| side          | actors (as written in English copy)                                                          |
|---------------|----------------------------------------------------------------------------------------------|
| `RU`          | Russia, Moscow, the Kremlin, the Russians, Russian forces/troops/occupiers, defence ministry, |
|               | "the occupiers"/"the invaders" (the words of Ukrainian copy), Putin, Shoigu,                   |
|               | Belousov, Gerasimov, Peskov, Wagner, Prigozhin, DPR/LPR (DNR/LNR) forces, Pushilin, Kadyrov,  |
|               | North Korean troops, Russian-installed officials, TASS, RIA Novosti, Russian milbloggers      |
| `UA`          | Ukraine, Kyiv, Ukrainian forces/troops/army/military, Zelensky(y), the General Staff, the     |
|               | AFU / Armed Forces of Ukraine, numbered brigades, Syrskyi, Zaluzhnyi, Budanov, HUR, SBU,      |
|               | the National Guard, Azov, Khortytsia/Tavria groups, DeepState                                 |
| `third_party` | ISW / Institute for the Study of War, the Pentagon, the US / Washington, NATO, the UK         |
|               | defence ministry, Reuters, AP, AFP, the BBC, CNN, analysts, journalists, OSINT groups         |

A place name is an actor only where the grammar makes it one ("Moscow's declaration", "Kyiv said"):
the caller decides that; this table only names sides.

Each voice is also of a kind (:func:`voice_kind`): an ``official`` (governments, ministries, commanders, units,
officials), the ``media`` (agencies, outlets, channels, bloggers, DeepState) or an ``analyst`` (ISW, think tanks,
OSINT groups). Two voices of one side and kind say the same thing once; a ministry and a war blogger of the same
side are two claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.models import Side

_FORCE = r"(?:forces|troops|army|military|soldiers|units|servicemen|positions|brigades?|battalions?|regiments?|divisions?|fighters|defenders|defen[cs]es|assault groups?|paratroopers|marines|command|officials?|authorities|government|side|offensive|advances?|attacks?|occupiers|invaders|occupation forces|invading forces)"
_RU_MINISTRY = r"(?:Russia(?:'s|’s)?|Russian)\s+(?:Ministry of Defen[cs]e|Defen[cs]e Ministry|defen[cs]e ministry|MoD)"
_UA_STAFF = r"(?:Ukraine(?:'s|’s)?\s+|Ukrainian\s+|the\s+)?(?:(?:Ukrainian\s+)?(?:army|military)(?:'s|’s)\s+)?(?:General Staff|general staff)(?:\s+of the Armed Forces of Ukraine)?"

_TABLE: tuple[tuple[str, Side], ...] = (
    (_RU_MINISTRY, "RU"),
    (r"(?:the\s+)?Ministry of Defen[cs]e of (?:the )?Russia(?:n Federation)?", "RU"),
    (r"(?:Russian|Moscow|Kremlin)[- ]installed\s+(?:proxy\s+|regional\s+|local\s+)?(?:officials?|authorities|governor|head|leader|administration)", "RU"),
    (r"(?:Russian|Moscow-backed|pro-Russian|pro-Kremlin|Kremlin-affiliated)\s+(?:(?:defen[cs]e|military|security|war)\s+)?(?:milbloggers?|military bloggers?|war bloggers?|state media|"
     r"resources|sources|media|channels|outlets|bloggers?|war correspondents?)", "RU"),
    (rf"(?:Russian|Russia(?:'s|’s))\s+(?:(?:armed|ground|airborne|regular|[a-z]+ern|military)\s+){{0,2}}{_FORCE}", "RU"),
    (rf"North Korean\s+{_FORCE}", "RU"),
    # named units: "the Russian Vostok battalion", "Ukraine's 47th Separate Mechanised Brigade"
    (r"(?:Russian|Russia's|Russia’s)\s+(?:[A-Z\d][\w\-]*\s+){1,4}(?:[Bb]attalion|[Bb]rigade|[Rr]egiment|[Dd]ivision|[Cc]orps)", "RU"),
    (r"(?:Ukrainian|Ukraine's|Ukraine’s)\s+(?:[A-Z\d][\w\-]*\s+){1,4}(?:[Bb]attalion|[Bb]rigade|[Rr]egiment|[Dd]ivision|[Cc]orps)", "UA"),
    (rf"(?:Moscow|the Kremlin)(?:'s|’s)\s+{_FORCE}", "RU"),
    (rf"(?:Kyiv|Kiev)(?:'s|’s)\s+{_FORCE}", "UA"),
    (rf"(?:DPR|LPR|DNR|LNR|separatist|Chechen|Wagner)\s+{_FORCE}", "RU"),
    # the Russian defence ministry's groupings: "the Sever (North) group of forces", "battlegroup North"
    (r"(?:the\s+)?['\"‘“]?(?:Sever|Zapad|Tsentr|Yug|Vostok|Dnepr|North|West|Centre|Center|South|East)['\"’”]?\s+(?:\([A-Za-z]+\)\s+)?"
     r"(?:[Gg]roup|[Gg]rouping|[Bb]attlegroup)\s+of\s+[Ff]orces|[Bb]attlegroup\s+(?:North|West|Centre|Center|South|East)", "RU"),
    (rf"(?:the\s+)?Russian Federation(?:'s|’s)?(?:\s+(?:armed\s+)?{_FORCE})?", "RU"),
    # officials of the Russian-run "republics": "the First Deputy Minister of Information of the DPR"
    (r"(?:[A-Z][\w\-]*\s+){0,4}(?:[Mm]inister|[Oo]fficial|[Ll]eader|[Hh]ead|[Ss]pokes(?:man|person|woman))(?:\s+of\s+[A-Z][\w\-]*){0,3}\s+of\s+the\s+"
     r"(?:so-called\s+)?(?:DPR|LPR|DNR|LNR|Donetsk People's Republic|Luhansk People's Republic|Lugansk People's Republic)", "RU"),
    (r"(?:DPR|LPR|DNR|LNR)\s+(?:leader|head|official|spokes(?:man|person))", "RU"),
    (r"(?:the\s+)?Wagner(?:\s+Group)?|Prigozhin|Pushilin|Kadyrov|Putin|Shoigu|Belousov|Gerasimov|Peskov|Lavrov|Saldo|Balitsky|Rogov|Gladkov|Khinshtein|TASS|RIA Novosti|Interfax", "RU"),
    (r"(?:the\s+)?Kremlin|Moscow|Russia|(?:the\s+)?Russians|(?:the\s+)?(?:occupiers|invaders)", "RU"),
    (_UA_STAFF, "UA"),
    (r"(?:the\s+)?Armed Forces of Ukraine|AFU|ZSU", "UA"),
    (r"(?:Ukraine(?:'s|’s)?|Ukrainian)\s+(?:Ministry of Defen[cs]e|Defen[cs]e Ministry|defen[cs]e ministry|MoD)", "UA"),
    # "Ukraine's deputy defense minister Ganna Malyar", "Russian Defence Minister Andrei Belousov"
    (r"(?:Ukraine(?:'s|’s)?|Ukrainian)\s+(?:[Dd]eputy\s+|[Ff]irst\s+)?(?:[Dd]efen[cs]e\s+|[Ff]oreign\s+|[Pp]rime\s+)?[Mm]inister", "UA"),
    (r"(?:Russia(?:'s|’s)?|Russian)\s+(?:[Dd]eputy\s+|[Ff]irst\s+)?(?:[Dd]efen[cs]e\s+|[Ff]oreign\s+|[Pp]rime\s+)?[Mm]inister", "RU"),
    (rf"(?:Ukrainian|Ukraine(?:'s|’s))\s+(?:(?:armed|ground|airborne|special|regular|[a-z]+ern|military)\s+){{0,2}}{_FORCE}", "UA"),
    (r"(?:the\s+)?\d+(?:st|nd|rd|th)\s+(?:[A-Z][a-z]+\s+){0,3}(?:Brigade|Battalion|Regiment|Corps)", "UA"),
    (r"(?:the\s+)?(?:Khortytsia|Khortitsa|Khortytsya|Tavria|Tavriya|Azov|National Guard|Third Assault|Da Vinci Wolves|Kraken)"
     r"(?:\s+(?:operational(?:-strategic)?\s+)?(?:group(?:ing)?(?:\s+of\s+forces)?|Brigade|unit|Regiment))?", "UA"),
    (r"(?:Ukraine(?:'s|’s)|Ukrainian)\s+(?:[A-Za-z]+\s+){0,2}(?:operational(?:-strategic)?\s+)?(?:group|grouping)(?:\s+of\s+forces)?", "UA"),
    (r"Zelensk(?:yy|yi|iy|y|i)|Syrsk(?:yi|yy|y|iy)|Zaluzhn(?:yi|y|iy)|Budanov|Umerov|Reznikov|Shmyhal|Yermak|HUR|SBU|Deep\s?State(?:\s?Map)?", "UA"),
    (r"Kyiv|Kiev|Ukraine|(?:the\s+)?Ukrainians", "UA"),
    (r"(?:the\s+)?(?:Institute for the Study of War|ISW)", "third_party"),
    (r"(?:the\s+)?(?:Pentagon|White House|State Department|NATO|United Nations|UN)", "third_party"),
    (r"(?:the\s+)?(?:UK|British|Britain(?:'s|’s)?)\s+(?:Ministry of Defen[cs]e|Defen[cs]e Ministry|defen[cs]e ministry|MoD|intelligence)", "third_party"),
    (r"(?:the\s+)?(?:U\.S\.|US|American|Western|British)\s+(?:officials?|intelligence|military|government|analysts?)", "third_party"),
    (r"Washington|Reuters|(?:the\s+)?Associated Press|AP|AFP|(?:the\s+)?BBC|CNN|(?:the\s+)?New York Times|(?:military\s+)?analysts?|(?:open[- ]source|OSINT)\s+(?:analysts?|researchers|groups?)", "third_party"),
)

_TITLE = r"(?:\s+(?:spokes(?:person|man|woman)|press service|press office|chief|head|commander|officials?|sources?|representatives?|statement|adviser|advisor))?"
# Where an actor phrase may begin: a capital, a digit, a quote, or one of the few lower-case words that open a
# phrase of the table. Checked once per position before the table's alternatives (a speed-up, not a rule).
_OPENING = r"(?=[A-Z\d'\"‘“]|the\s|pro-|separatist|minister|official|leader|head|spokes|occupiers|invaders|military|analyst|open|army|general|battlegroup)"
_ACTOR_RX = re.compile(rf"\b{_OPENING}(?:" + "|".join(f"(?P<a{i}>(?:{rx}){_TITLE}\\b)" for i, (rx, _) in enumerate(_TABLE)) + ")")

# Phrases naming a military actor that can take or lose ground, not only speak.
_MILITARY = re.compile(rf"{_FORCE}|Brigade|Battalion|Regiment|Corps|Wagner|Armed Forces|AFU|ZSU|Khortytsia|Tavria|Azov|National Guard", re.IGNORECASE)


_CANNOT_TAKE = re.compile(r"(?:defen[cs]es|attacks?|advances?|offensive|officials?|authorities|statement|sources?|government)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor phrase in a text and its side."""

    start: int
    end: int
    text: str
    side: Side

    @property
    def can_take(self) -> bool:
        """False for phrases that name a side but cannot take ground: "Russian defences", "Ukrainian officials"."""
        return not _CANNOT_TAKE.search(self.text)

    @property
    def military(self) -> bool:
        """True when the phrase names fighting forces rather than a government or a speaker."""
        return bool(_MILITARY.search(self.text))


def find_actors(text: str) -> list[Actor]:
    """Every actor phrase in ``text`` with its side, left to right, longest match first."""
    found = []
    for m in _ACTOR_RX.finditer(text):
        index = int(m.lastgroup[1:])  # type: ignore[index]
        found.append(Actor(m.start(), m.end(), m.group(0), _TABLE[index][1]))
    return found


_MEDIA = re.compile(
    r"\b(?:TASS|Tass|RIA|Novosti|Interfax|Ukrinform|Suspilne|Pravda|DeepState(?:Map)?|Deep State(?: Map)?|Reuters|Associated Press|AP|AFP|"
    r"BBC|CNN|New York Times|RT|media|outlets?|channels?|(?:mil|war |military )?bloggers?|milbloggers?|correspondents?|"
    r"journalists?|reporters?|news(?:paper)?|agency|broadcaster|television|TV|portal|resources|(?:map|mapping) project)\b", re.IGNORECASE)
_ANALYST = re.compile(r"\b(?:ISW|Institute for the Study of War|think[- ]tank|analysts?|OSINT|open[- ]source|researchers?|"
                      r"geolocat\w*)\b", re.IGNORECASE)


def voice_kind(text: str) -> str:
    """The kind of voice a claimant phrase names: ``analyst``, ``media`` or ``official`` (the rest)."""
    if _ANALYST.search(text):
        return "analyst"
    if _MEDIA.search(text):
        return "media"
    return "official"


def opposite(side: Side) -> Side:
    """The other belligerent; third parties and unknowns have none."""
    return {"RU": "UA", "UA": "RU"}.get(side, "unknown")  # type: ignore[return-value]
