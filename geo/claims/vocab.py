"""Closed word sets of war reporting, by class: what the rule rows and slot finders match on (lemmas unless
said).

Written per class from the vocabulary of war reporting, every inflection through lemmas, not from the words of
one corpus. A rule row names the sets it uses; a slot finder (:mod:`geo.claims.frames`) uses the function-word
sets.
"""

from __future__ import annotations

# --- verbs of taking, freeing, leaving, holding and fighting (lemmas) ---
#: (not "storm": storming a place is assaulting it, dev2 y068 "began storming the town of Chasiv Yar")
CAPTURE = frozenset({"capture", "seize", "take", "liberate", "free", "overrun", "occupy", "conquer",
                     "win", "retake", "recapture", "regain", "reclaim", "clear", "secure", "de-occupy",
                     "deoccupy"})
#: verbs and participles of freeing: with no side named at all, a place is freed by its own side
LIBERATE = frozenset({"liberate", "free", "clear", "deoccupy", "de-occupy"})
LIBERATED = frozenset({"liberated", "freed", "cleared", "deoccupied", "de-occupied"})
#: past participles that make the passive of a capture ("was liberated", "had been retaken")
CAPTURED = frozenset({"captured", "seized", "taken", "liberated", "freed", "overrun", "occupied",
                      "conquered", "retaken", "recaptured", "regained", "reclaimed", "cleared", "secured",
                      "won", "de-occupied",
                      # not "lost", "abandoned", "surrendered": the side they name lost the place
                      "deoccupied"})
CAPTURE_NOUN = frozenset({"capture", "seizure", "liberation", "fall", "loss", "takeover", "recapture",
                          "collapse", "occupation", "surrender", "retaking", "taking",
                          "capturing", "liberating"})
#: verbs of taking control: "took/gained/established/claimed (full) control of/over"
CONTROL_VERB = frozenset({"take", "gain", "establish", "assume", "regain", "claim", "seize", "win", "restore",
                          "declare", "retake", "re-establish", "reestablish"})
DRIVE_OUT = frozenset({"drive", "push", "force", "knock", "kick", "oust", "dislodge", "expel", "repel",
                       "repulse", "throw"})
HOLD_NOUN = frozenset({"position", "line", "defence", "defense", "ground", "foothold", "control", "presence",
                       "grip", "stronghold", "bridgehead"})
REPEL = frozenset({"repel", "repulse", "beat", "fight", "fend", "hold", "thwart", "stop", "halt", "foil",
                   "rebuff", "push", "defeat", "destroy", "neutralize", "neutralise"})
ATTACK_NOUN = frozenset({"attack", "assault", "offensive", "attempt", "storming", "action", "advance", "push",
                         "counterattack", "counteroffensive", "counter-attack", "onslaught", "raid",
                         "breakthrough"})
FIGHT_NOUN = frozenset({"fighting", "fight", "clash", "battle", "combat", "hostility", "skirmish",
                        "firefight", "engagement", "confrontation", "struggle"})
ADVANCE = frozenset({"advance", "push", "break", "enter", "approach", "storm", "reach", "infiltrate",
                     "penetrate", "assault", "encircle", "surround", "besiege", "encroach", "press",
                     "progress", "breach", "gain"})
ATTEMPT = frozenset({"try", "attempt", "seek", "struggle", "strive", "push"})
#: adverbials between an attempt and its "to": "tried six times to", "trying in vain to", "tried again to"
TRY_ADVERBIAL = frozenset({"times", "twice", "again", "repeatedly", "unsuccessfully", "vainly", "vain", "in",
                           "once", "more", "several", "many", "multiple", "numerous", "also", "still"})

# --- speech acts (lemmas) ---
SAY = frozenset({"say", "tell", "report", "claim", "announce", "state", "write", "post", "add", "note",
                 "declare", "assess", "insist", "assert", "publish", "reiterate", "indicate", "suggest",
                 "show", "mark", "boast", "inform", "specify", "explain", "stress", "warn", "allege",
                 "describe"})
CONFIRM = frozenset({"confirm", "corroborate", "geolocate", "verify", "acknowledge", "admit", "concede",
                     "recognise", "recognize"})
ADMIT = frozenset({"acknowledge", "admit", "concede"})
DENY = frozenset({"deny", "reject", "dismiss", "refute", "dispute", "contradict", "rebuff", "debunk"})
#: every verb of a speech act: saying, confirming, denying
SPEECH_VERB = SAY | CONFIRM | DENY
SPEECH_NOUN = frozenset({"declaration", "claim", "announcement", "statement", "report", "update", "data",
                         "assertion", "denial", "map", "assessment", "summary", "briefing", "bulletin",
                         "post", "words"})
FALSE_WORDS = frozenset({"false", "untrue", "fake", "disinformation", "propaganda", "lie", "lies", "baseless",
                         "groundless", "fabricated", "fiction", "nonsense"})

# --- hedges, modals, negation (lower-case words) ---
HEDGE = frozenset({"reportedly", "allegedly", "purportedly", "apparently", "likely", "probably", "possibly",
                   "presumably", "unconfirmed", "seemingly"})
MODAL = frozenset({"would", "could", "might", "will", "shall", "should", "may", "can", "must", "'ll", "’ll",
                   "wo"})
NEGATION = frozenset({"not", "n't", "never", "no", "neither", "nor", "nobody", "nothing"})

# --- function words the slot finders skip or stop at (lower-case) ---
AUX = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "'s", "’s", "has", "have", "had",
                 "having", "do", "does", "did", "'ve", "’ve", "'d", "’d"})
ADVERB = frozenset({"now", "already", "just", "also", "meanwhile", "reportedly", "nonetheless", "however",
                    "indeed", "fully", "completely", "entirely", "finally", "allegedly", "still", "recently",
                    "successfully", "partially", "partly", "largely", "effectively", "officially", "again",
                    "earlier", "previously", "since", "then", "subsequently", "eventually", "apparently",
                    "likely", "probably", "almost", "nearly", "virtually", "practically", "soon",
                    "firmly", "back", "even", "only", "swiftly", "quickly", "gradually", "steadily",
                    "continuously", "actively", "fiercely", "relentlessly", "constantly", "repeatedly",
                    "reliably", "independently"})
DET = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "both", "all",
    "several", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "some", "many",
    "another", "other", "remaining", "nearby", "surrounding", "adjacent", "neighbouring", "neighboring",
    "key", "strategic", "strategically", "important", "small", "large", "tiny", "major", "former",
    "frontline", "front-line", "embattled", "besieged", "eastern", "western", "northern", "southern",
    "central", "north-eastern", "north-western", "south-eastern", "south-western", "northeastern",
    "northwestern", "southeastern", "southwestern", "industrial", "mining", "coal", "port", "regional",
    "district", "administrative", "logistics", "logistical", "fortress", "heavily", "fortified", "devastated",
    "ruined", "destroyed", "long-contested", "contested", "same", "first", "last", "latest", "new", "next",
    "whole", "entire", "critical", "crucial", "vital", "main", "encircled", "battered", "symbolic"})
#: head nouns of a place phrase: "the village of X", "the settlements of A, B and C"
PLACE_NOUN = frozenset({"village", "villages", "town", "towns", "city", "cities", "settlement", "settlements",
                        "locality", "localities", "hamlet", "hamlets", "community", "communities", "hub",
                        "centre", "center", "stronghold", "strongholds", "outpost", "island", "islands",
                        "suburb", "suburbs", "region", "regions", "oblast", "oblasts", "district",
                        "districts", "area", "areas", "territory", "bastion", "capital", "port", "urban-type",
                        "station", "of",
                        "following", "mine", "outskirts", "part", "parts", "half", "most", "much", "rest",
                        "edge", "remainder", "section", "sections", "vicinity", "environs", "entirety"})
#: the possessive ending as a word of its own: "the enemy's", "Russia's"
POSSESSIVE = frozenset({"'s", "’s"})
#: nouns that make the place a part only: "part of X", "the outskirts of X"
PARTITIVE = frozenset({"part", "parts", "half", "most", "much", "outskirts", "edge", "section", "sections",
                       "rest", "remainder", "areas", "area", "some", "percent", "%", "vicinity"})
#: prepositions of place that fighting and holding take: "near X", "in X", "on the outskirts of X"
PREP_AT = frozenset({"in", "near", "at", "around", "inside", "outside", "on", "within", "for", "over", "by",
                     "close", "into", "throughout", "across", "nearby", "of", "beside", "along", "against",
                     "to"})
#: words after which a place is a locator, not a target: "north of X", "20 km from X", "toward X"
LOCATOR_BEFORE = frozenset({"toward", "towards", "km", "kilometres", "kilometers", "miles", "mi", "direction",
                            "via", "beyond", "past"})
COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                     "north-east", "north-west", "south-east", "south-west", "northern", "southern",
                     "eastern", "western", "northeastern", "northwestern", "southeastern", "southwestern",
                     "north-eastern", "north-western", "south-eastern", "south-western"})
#: what a compass word ends with ("north", "north-east", "southwest")
POINTS = ("north", "south", "east", "west")
AXIS = frozenset({"direction", "directions", "axis", "axes", "sector", "sectors", "salient", "front",
                  "bridgehead", "offensive", "counteroffensive", "counter-offensive", "operation", "campaign",
                  "incursion",
                  "highway", "road", "river", "reservoir", "group", "grouping", "operational", "railway",
                  "district"})
LIST_JOIN = frozenset({",", "and", "or", "nor", "&", "as", "well", "along", "with", "plus", "together",
                       "also", "including", "namely", "among", "them", "such", "like", ":", "-", "–", "both",
                       "then", "even"})
CLAUSE_MARKS = frozenset({";", "—", "–"})
SIDE_WORD = {"russian": "RU", "russia": "RU", "russians": "RU", "moscow": "RU", "kremlin": "RU",
             "ukrainian": "UA", "ukraine": "UA", "ukrainians": "UA", "kyiv": "UA", "kiev": "UA"}
