"""The example sentences of every claim rule of :mod:`geo.claims.rules`, run by ``tests/test_claim_rows.py``.

Each rule that makes claims has at least two :class:`Example` sentences from different articles of
``corpus/dev`` (ids ``x...``) or ``corpus/dev2`` (ids ``y...``), with the claims they must give as (surface,
controller, event), and at least one :class:`Counter`: a sentence where the rule's trigger is present but the
place is no claim of that rule. Every expected claim of an example is one the article's labels
(``labels.jsonl``) confirm: same place, controller (``contested`` for a fighting label) and event; the rule
was seen to make that claim in the whole article and again on the sentence alone. A sentence may be cut to the
clause the rule reads, never reworded. A counter's places are in the article's ``non_claim_places`` or not
labelled at all; counters marked ``article="written"`` were written to show where the construction stops (a
plan, "toward X", a name "returned to").

A veto (a ``block.*`` rule) has counters only: sentences where its phrase overlaps another rule's trigger,
whose ``absent`` places are those the vetoed trigger would claim without the veto (an empty ``absent``: the
vetoed rule makes no claim at all on the sentence).

Rules with fewer than two articles of dev + dev2 where they make a claim the labels confirm are listed in
:data:`UNPROVEN` instead of being given invented examples; the one article they have, if any, is an example.
"""

from __future__ import annotations

from geo.claims.cases import Example, example
from geo.claims.examples_fight import FIGHT_EXAMPLES

#: Rules with no two articles of dev + dev2 where they make a claim the labels confirm (see the module doc).
#: None: such rows were removed (with no side named: "X fell"; "grey zone"; "no longer occupy"; "forces
#: remain/are in"; active and passive "occupied": 0 or 1 article each).
UNPROVEN: tuple[str, ...] = ()

_TAKING_AND_HOLDING: dict[str, tuple[Example, ...]] = {
    "capture.liberate": (
        example("Ukrainian defenders have also freed the settlements of Novovasylivka, Novohryhorivka, Nova "
                "Kamenka, Trifonivka and Chervone.", "x048",
            ("Novovasylivka", "UA", "recaptured"), ("Novohryhorivka", "UA", "recaptured"),
            ("Nova Kamenka", "UA", "recaptured"), ("Trifonivka", "UA", "recaptured"),
            ("Chervone", "UA", "recaptured")),
        example("Russia's defence ministry said its forces had \"liberated the settlement of Novoselivka "
                'Persha", which lies in the Donetsk region about 20 kilometres northwest of Avdiivka, a town '
                "Russia took in February.", "x070",
            ("Novoselivka Persha", "RU", "captured")),
        example("On November 14, President Volodymyr Zelensky visited the city, and the state flag was "
                "officially raised in de-occupied Kherson in his "
                "presence.", "x004", ("Kherson", "UA", "recaptured")),
    ),
    "capture.verb": (
        example("Russian troops seized Balakliya on March 4, 2022.", "y019", ("Balakliya", "RU", "captured")),
        example("Ukraine said its troops have retaken Klishchiivka, a village in Donetsk roughly nine "
                "kilometers south of Bakhmut.", "y049", ("Klishchiivka", "UA", "recaptured")),
        example("Russian troops and Donbass forces had captured the town of Krasny Liman at the end of May "
                "this year.", "x045",
            ("Krasny Liman", "RU", "captured")),
    ),
    "capture.liberated": (
        example("On 28 August, the Ministry of Defence officially confirmed that Robotyne had been "
                "liberated.", "x053",
            ("Robotyne", "UA", "recaptured")),
        example('Mariupol has been "successfully liberated," Russian President Vladimir Putin declared on '
                "Thursday, April 21.", "y007", ("Mariupol", "RU", "captured")),
        example("A soldier in a video states that Snihurivka was freed by troops of the 131st separate "
                "reconnaissance battalion of the Ukrainian army", "x032", ("Snihurivka", "UA", "recaptured")),
    ),
    "capture.passive": (
        example("According to Moscow's defence ministry, Blahodatne, some 5 km (3 miles) north of Bakhmut, "
                "was taken with air support.", "y037", ("Blahodatne", "RU", "captured")),
        example("Kupiansk is officially listed as captured, yet even pro-Russian military bloggers admit "
                "that this is not true.", "y110", ("Kupiansk", "RU", "captured")),
        example("Ukraine's general staff said on Monday that nine settlements in the Zaporizhzhia region had "
                "been retaken since the end of January", "y119", ("Zaporizhzhia region", "UA", "recaptured")),
    ),
    "capture.fall_to": (
        example("Kherson, the port on the Black Sea in Ukraine's south, falls to Russian forces, an "
                "important success for Moscow following a run of setbacks on the "
                "battlefield.", "y001", ("Kherson", "RU", "captured")),
        example("According to the summary, the settlements of Middle, Neliepovka, Kleban-Byk, First May, "
                "Filia and Zaporizhzhye have passed under Russian military control after what the ministry "
                'called "resolute actions" by its troops.', "y098",
            ("Neliepovka", "RU", "captured"), ("Kleban-Byk", "RU", "captured"),
            ("Zaporizhzhye", "RU", "captured")),
        example("In the first days of October, the Armed Forces of Ukraine freed 8 settlements in the "
                "Kherson region, and the villages of Lyubimovka, Khreschenivka, Zolota Balka, Biliaivka, "
                "Ukrainka, Velyka and Mala Oleksandrivka and Davydiv Brid came back under Ukraine's "
                "control.", "x048",
            ("Zolota Balka", "UA", "recaptured"), ("Biliaivka", "UA", "recaptured"),
            ("Ukrainka", "UA", "recaptured"),
            ("Velyka Oleksandrivka", "UA", "recaptured"), ("Mala Oleksandrivka", "UA", "recaptured"),
            ("Davydiv Brid", "UA", "recaptured")),
    ),
    "capture.fallen": (
        example("Kyiv has rejected claims that Pokrovsk has fallen and that its troops are encircled, saying "
                "its forces still hold the city's northern district, about six kilometers (3.7 miles) west "
                "of Myrnohrad.",
            "x077",
            ("Pokrovsk", "RU", "captured"), ("Pokrovsk", "UA", "holds")),
        example("Ukrainian troops entered Sudzha on Tuesday. Russia has not reacted to the claims that the "
                "town has fallen, but its defence ministry said Russian troops had stopped attempts to seize "
                "several other communities.", "x010",
            ("Sudzha", "contested", "fighting"), ("Sudzha", "UA", "captured")),
        example("He also released a short video that seemed to show Wagner fighters standing by the sign at "
                "the entrance to Krasna Hora, a village of 600 people before the war. Reuters was unable to "
                "confirm independently that the village had "
                "fallen.", "y038", ("Krasna Hora", "RU", "captured")),
    ),
    "capture.liberation": (
        example("On Sept. 15, Ukraine's General Staff announced the liberation of Andriivka, another small "
                "settlement roughly three kilometers south of Klishchiivka and less than 10 kilometers from "
                "occupied Bakhmut.", "x056",
            ("Andriivka", "UA", "recaptured")),
        example("A fighter from the Kraken special unit of Ukraine's defence intelligence announced the "
                "de-occupation of Balakleya.", "y019", ("Balakleya", "UA", "recaptured")),
        example('According to the ministry\'s statement, "decisive actions" by Vostok battlegroup units '
                "resulted in the liberation of the settlement of Ugledar in the Donetsk People's "
                "Republic.", "y076",
            ("Ugledar", "RU", "captured")),
    ),
    "capture.noun": (
        example("Wagner Group chief Yevgeny Prigozhin had already announced the capture of Klescheevka the "
                "day before.",
            "y034", ("Klescheevka", "RU", "captured")),
        example("Russia's defense ministry made no immediate comment on the capture of Paraskoviivka.",
                "y043",
                ("Paraskoviivka", "RU", "captured")),
        example("Russia's defence ministry has claimed the capture of the mining town of Toretsk by its "
                "forces, their newest breakthrough in the Donetsk region in the east of Ukraine, where "
                "Ukraine's defences are buckling.",
            "x002", ("Toretsk", "RU", "captured")),
    ),
    "capture.loss": (
        example("Russia's Ministry of Defense has in effect acknowledged losing the towns of Izyum and "
                "Balaklia in the Kharkiv "
                "region", "x041", ("Izyum", "UA", "recaptured"), ("Balaklia", "UA", "recaptured")),
        example("Ukraine on Monday rejected claims that it had lost Soledar to Russia", "x027",
                ("Soledar", "RU", "captured")),
        example("If confirmed, the claimed fall of Toretsk would extend Russia's sweep across Donetsk, a "
                "drive that has cost Moscow dearly in soldiers and armour but has brought gains for the "
                "Kremlin.", "x002",
            ("Toretsk", "RU", "captured")),
    ),
    "capture.control": (
        example("Russian troops have taken control of the city of Volchansk in Kharkiv Oblast, a notable "
                "shift in the ongoing conflict in eastern Ukraine.", "x088", ("Volchansk", "RU", "captured")),
        example("Units of the Vostok battlegroup have taken control of the settlement of Ugledar in the "
                "Donetsk People's Republic, the Russian Ministry of Defense has "
                "reported.", "y076", ("Ugledar", "RU", "captured")),
        example("According to the ISW, geolocated footage published on 9 April shows elements of the Russian "
                "9th Motorized Rifle Brigade raising a flag in western Pervomayske.", "x066",
            ("Pervomayske", "RU", "captured")),
    ),
    "withdraw.verb": (
        example("The Ukrainian army command has pulled troops out of Lisichansk, Ukrainian President "
                "Vladimir Zelensky has confirmed.", "y014", ("Lisichansk", "RU", "withdrew")),
        example("Ukrainian troops have reportedly withdrawn from the key eastern town of Avdiivka amid "
                "rising tensions and continuing conflict in the "
                "region.", "x009", ("Avdiivka", "RU", "withdrew")),
        example("As Ukrainian News Agency reported earlier, the Russian occupiers have left the Borova "
                "community of the Kharkiv Region.", "x042", ("Borova", "UA", "withdrew")),
        example("Ukrainian forces are getting ready to hoist the national flag on Snake Island, a strategic "
                "and symbolic outpost in the Black Sea that Russian troops abandoned last week after being "
                "pounded for months.", "y016", ("Snake Island", "UA", "withdrew")),
    ),
    "withdraw.noun": (
        example("Sirsky's statement does not make clear whether the complete withdrawal of the Armed Forces "
                "of Ukraine from Avdiivka has already taken place or is still under way.", "x007",
            ("Avdiivka", "RU", "withdrew")),
        example("Russia's Ministry of Defense has officially announced what it calls a withdrawal of its "
                "troops from Lyman in the Donetsk region.", "y023", ("Lyman", "UA", "withdrew")),
    ),
    "withdraw.driven_out": (
        example('Ukrainian forces say "heroic defenders" have driven Russian troops out of the town of '
                "Makariv, to the west of Kyiv.", "x038", ("Makariv", "UA", "recaptured")),
        example("The Ukrainian military has driven Russian troops out of the city of Snihurivka in the "
                "Mykolaiv region, in the country's south.", "x032", ("Snihurivka", "UA", "recaptured")),
        example("Ukrainian troops have pushed Russian forces back from Kupyansk through active "
                "search-and-strike operations and now control almost 90% of the "
                "city", "y109", ("Kupyansk", "UA", "recaptured")),
    ),
    "withdraw.driven_out_passive": (
        example("Russian troops have been driven out of the city of Irpin in the Kyiv region, Mayor "
                "Oleksandr Markushin said.", "y004", ("Irpin", "UA", "recaptured")),
        example("Russia's Defense Ministry says Ukrainian forces have been driven out of Klescheevka, a "
                "strategic village in Russia's Donetsk Region.", "y034", ("Klescheevka", "RU", "captured")),
        example("Russian invaders have already been driven out of more than 40 settlements in Kharkiv "
                "Region.", "y020",
            ("Kharkiv Region", "UA", "recaptured")),
        example("Russia said on Saturday that its forces had not been driven out of Andriivka, a village "
                "close to the key frontline town of Bakhmut", "x057", ("Andriivka", "UA", "recaptured")),
    ),
    "hold.under": (example("Siversk itself is now almost entirely under Russian control.", "y110",
                           ("Siversk", "RU", "holds")), example("Yunakivka is still under Ukraine's control.",
                                                                "x086", ("Yunakivka", "UA", "holds")),
                   example("The Kherson region, which Moscow says it has annexed, is only partly under the "
                           "control of Russian forces.",
                       "x047", ("Kherson region", "RU", "holds")),
                   ),
    "hold.in_control": (
        example("Separatist forces backed by the Kremlin have controlled parts of Donetsk since 2014.",
                "x067",
                ("Donetsk", "RU", "holds")),
        example("The Armed Forces of Ukraine (AFU) control Kurakhove, while Russian forces are attempting "
                "assaults on the southeastern outskirts and the southern part of the town.", "y080",
            ("Kurakhove", "UA", "holds")),
        example("According to DeepState, an online military tracker linked to the Ukrainian army, the "
                'Russian advance came after a "breach" in Ukrainian defense lines near the town of Sudzha, '
                "which Kyiv controls.",
            "x065",
            ("Sudzha", "UA", "holds")),
    ),
    "hold.keep": (
        example("Despite intense Russian shelling, Ukrainian soldiers have kept positions in Krynky since "
                "November.", "y058",
            ("Krynky", "UA", "holds")),
        example("Zelenskiy wrote that Ukraine was holding its ground in Avdiivka and that Ukrainian courage "
                "and unity would decide how the war ends.", "x076", ("Avdiivka", "UA", "holds")),
        example("Cherevaty told AFP that some soldiers had held the outskirts of Soledar while others built "
                'a defensive line and fortified new points, all the while dealing the enemy "a massive '
                'blow".', "y035",
            ("Soledar", "UA", "holds")),
    ),
    "hold.held_by": (example("It also shows the northern districts of Kupiansk held by Ukraine", "y107",
                             ("Kupiansk", "UA", "holds")),
                     example("Yunakivka is controlled by Ukraine.", "x086", ("Yunakivka", "UA", "holds")),
                     example("CNN notes that Izyum lies on a major road between Kharkiv and the eastern "
                             "Ukrainian areas of Luhansk and Donetsk held by Russian "
                             "separatists.", "y002", ("Luhansk", "RU", "holds"),
                         ("Donetsk", "RU", "holds")),
                     ),
    "hold.attributive": (
        example("It is only 6 km from the occupied city of Horlivka.", "x022", ("Horlivka", "RU", "holds")),
        example("All three settlements lie north of Ukraine-controlled Sudzha, a key town for supplying "
                "Ukraine's operation in Kursk.", "x064", ("Sudzha", "UA", "holds")),
        example("According to Voloshyn, Russian forces are trying to push from the occupied town of Horlivka "
                "towards the villages of Shumy and Niu-York.", "y068", ("Horlivka", "RU", "holds")),
    ),
    "hold.there": (
        example("A spokesperson for Ukraine's eastern military command on Friday denied that Russia had "
                "taken control of the town of Soledar, saying Ukrainian units were still "
                "there.", "x028", ("Soledar", "UA", "holds")),
        example("Authorities in the Chernihiv region, northeast of Kyiv, said some Russian troops were still "
                "there but had pulled back from the area around the region's main city of Chernihiv.", "x036",
            ("Chernihiv region", "RU", "holds")),
    ),
}

EXAMPLES: dict[str, tuple[Example, ...]] = {**_TAKING_AND_HOLDING, **FIGHT_EXAMPLES}
