"""The example sentences of every claim rule of :mod:`geo.claims.rules`, run by ``tests/test_claim_rows.py``.

Each rule that makes claims has at least two :class:`Example` sentences from different articles of ``corpus/dev``
(ids ``x...``) or ``corpus/dev2`` (ids ``y...``), with the claims they must give as (surface, controller, event),
and at least one :class:`Counter`: a sentence where the rule's trigger is present but the place is no claim of that
rule. Every expected claim of an example is one the article's labels (``labels.jsonl``) confirm: same place,
controller (``contested`` for a fighting label) and event; the rule was seen to make that claim in the whole
article and again on the sentence alone. A sentence may be cut to the clause the rule reads, never reworded. A
counter's places are in the article's ``non_claim_places`` or not labelled at all; counters marked
``article="written"`` were written to show where the construction stops (a plan, "toward X", a name "returned to").

A veto (a ``block.*`` rule) has counters only: sentences where its phrase overlaps another rule's trigger, whose
``absent`` places are those the vetoed trigger would claim without the veto (an empty ``absent``: the vetoed rule
makes no claim at all on the sentence).

Rules with fewer than two articles of dev + dev2 where they make a claim the labels confirm are listed in
:data:`UNPROVEN` instead of being given invented examples; the one article they have, if any, is an example.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

Triple = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Example:
    """A sentence and the claims (surface, controller, event) it must give, one at least made by the rule."""

    text: str
    article: str
    expect: tuple[Triple, ...]
    published: date | None = None


@dataclass(frozen=True, slots=True)
class Counter:
    """A sentence with the rule's trigger on which the rule must not claim the ``absent`` places (none at all
    when ``absent`` is empty)."""

    text: str
    article: str
    absent: tuple[str, ...] = ()


WRITTEN = "written"


def _ex(text: str, article: str, *expect: Triple, published: date | None = None) -> Example:
    return Example(text, article, tuple(expect), published)


def _co(text: str, article: str, *absent: str) -> Counter:
    return Counter(text, article, tuple(absent))


#: Rules with no two articles of dev + dev2 where they make a claim the labels confirm (see the module doc). None:
#: such rows were removed (with no side named: "X fell"; "grey zone"; "no longer occupy"; "forces remain/are in";
#: active and passive "occupied": 0 or 1 article each).
UNPROVEN: tuple[str, ...] = ()

EXAMPLES: dict[str, tuple[Example, ...]] = {
    "capture.liberate": (
        _ex("Ukrainian defenders have also freed the settlements of Novovasylivka, Novohryhorivka, Nova Kamenka, "
            "Trifonivka and Chervone.", "x048",
            ("Novovasylivka", "UA", "recaptured"), ("Novohryhorivka", "UA", "recaptured"),
            ("Nova Kamenka", "UA", "recaptured"), ("Trifonivka", "UA", "recaptured"), ("Chervone", "UA", "recaptured")),
        _ex("Russia's defence ministry said its forces had \"liberated the settlement of Novoselivka Persha\", which lies "
            "in the Donetsk region about 20 kilometres northwest of Avdiivka, a town Russia took in February.", "x070",
            ("Novoselivka Persha", "RU", "captured")),
        _ex("On November 14, President Volodymyr Zelensky visited the city, and the state flag was officially raised in "
            "de-occupied Kherson in his presence.", "x004", ("Kherson", "UA", "recaptured")),
    ),
    "capture.verb": (
        _ex("Russian troops seized Balakliya on March 4, 2022.", "y019", ("Balakliya", "RU", "captured")),
        _ex("Ukraine said its troops have retaken Klishchiivka, a village in Donetsk roughly nine kilometers south of "
            "Bakhmut.", "y049", ("Klishchiivka", "UA", "recaptured")),
        _ex("Russian troops and Donbass forces had captured the town of Krasny Liman at the end of May this year.", "x045",
            ("Krasny Liman", "RU", "captured")),
    ),
    "capture.liberated": (
        _ex("On 28 August, the Ministry of Defence officially confirmed that Robotyne had been liberated.", "x053",
            ("Robotyne", "UA", "recaptured")),
        _ex("Mariupol has been \"successfully liberated,\" Russian President Vladimir Putin declared on Thursday, "
            "April 21.", "y007", ("Mariupol", "RU", "captured")),
        _ex("A soldier in a video states that Snihurivka was freed by troops of the 131st separate reconnaissance "
            "battalion of the Ukrainian army", "x032", ("Snihurivka", "UA", "recaptured")),
    ),
    "capture.passive": (
        _ex("According to Moscow's defence ministry, Blahodatne, some 5 km (3 miles) north of Bakhmut, was taken with "
            "air support.", "y037", ("Blahodatne", "RU", "captured")),
        _ex("Kupiansk is officially listed as captured, yet even pro-Russian military bloggers admit that this is not "
            "true.", "y110", ("Kupiansk", "RU", "captured")),
        _ex("Ukraine's general staff said on Monday that nine settlements in the Zaporizhzhia region had been retaken "
            "since the end of January", "y119", ("Zaporizhzhia region", "UA", "recaptured")),
    ),
    "capture.fall_to": (
        _ex("Kherson, the port on the Black Sea in Ukraine's south, falls to Russian forces, an important success for "
            "Moscow following a run of setbacks on the battlefield.", "y001", ("Kherson", "RU", "captured")),
        _ex("According to the summary, the settlements of Middle, Neliepovka, Kleban-Byk, First May, Filia and "
            "Zaporizhzhye have passed under Russian military control after what the ministry called \"resolute "
            "actions\" by its troops.", "y098",
            ("Neliepovka", "RU", "captured"), ("Kleban-Byk", "RU", "captured"), ("Zaporizhzhye", "RU", "captured")),
        _ex("In the first days of October, the Armed Forces of Ukraine freed 8 settlements in the Kherson region, and the "
            "villages of Lyubimovka, Khreschenivka, Zolota Balka, Biliaivka, Ukrainka, Velyka and Mala Oleksandrivka "
            "and Davydiv Brid came back under Ukraine's control.", "x048",
            ("Zolota Balka", "UA", "recaptured"), ("Biliaivka", "UA", "recaptured"), ("Ukrainka", "UA", "recaptured"),
            ("Velyka Oleksandrivka", "UA", "recaptured"), ("Mala Oleksandrivka", "UA", "recaptured"),
            ("Davydiv Brid", "UA", "recaptured")),
    ),
    "capture.fallen": (
        _ex("Kyiv has rejected claims that Pokrovsk has fallen and that its troops are encircled, saying its forces "
            "still hold the city's northern district, about six kilometers (3.7 miles) west of Myrnohrad.", "x077",
            ("Pokrovsk", "RU", "captured"), ("Pokrovsk", "UA", "holds")),
        _ex("Ukrainian troops entered Sudzha on Tuesday. Russia has not reacted to the claims that the town has fallen, but "
            "its defence ministry said Russian troops had stopped attempts to seize several other communities.", "x010",
            ("Sudzha", "contested", "fighting"), ("Sudzha", "UA", "captured")),
        _ex("He also released a short video that seemed to show Wagner fighters standing by the sign at the entrance to "
            "Krasna Hora, a village of 600 people before the war. Reuters was unable to confirm independently that the "
            "village had fallen.", "y038", ("Krasna Hora", "RU", "captured")),
    ),
    "capture.liberation": (
        _ex("On Sept. 15, Ukraine's General Staff announced the liberation of Andriivka, another small settlement "
            "roughly three kilometers south of Klishchiivka and less than 10 kilometers from occupied Bakhmut.", "x056",
            ("Andriivka", "UA", "recaptured")),
        _ex("A fighter from the Kraken special unit of Ukraine's defence intelligence announced the de-occupation of "
            "Balakleya.", "y019", ("Balakleya", "UA", "recaptured")),
        _ex("According to the ministry's statement, \"decisive actions\" by Vostok battlegroup units resulted in the "
            "liberation of the settlement of Ugledar in the Donetsk People's Republic.", "y076",
            ("Ugledar", "RU", "captured")),
    ),
    "capture.noun": (
        _ex("Wagner Group chief Yevgeny Prigozhin had already announced the capture of Klescheevka the day before.",
            "y034", ("Klescheevka", "RU", "captured")),
        _ex("Russia's defense ministry made no immediate comment on the capture of Paraskoviivka.", "y043",
            ("Paraskoviivka", "RU", "captured")),
        _ex("Russia's defence ministry has claimed the capture of the mining town of Toretsk by its forces, their "
            "newest breakthrough in the Donetsk region in the east of Ukraine, where Ukraine's defences are buckling.",
            "x002", ("Toretsk", "RU", "captured")),
    ),
    "capture.loss": (
        _ex("Russia's Ministry of Defense has in effect acknowledged losing the towns of Izyum and Balaklia in the "
            "Kharkiv region", "x041", ("Izyum", "UA", "recaptured"), ("Balaklia", "UA", "recaptured")),
        _ex("Ukraine on Monday rejected claims that it had lost Soledar to Russia", "x027", ("Soledar", "RU", "captured")),
        _ex("If confirmed, the claimed fall of Toretsk would extend Russia's sweep across Donetsk, a drive that has cost "
            "Moscow dearly in soldiers and armour but has brought gains for the Kremlin.", "x002",
            ("Toretsk", "RU", "captured")),
    ),
    "capture.control": (
        _ex("Russian troops have taken control of the city of Volchansk in Kharkiv Oblast, a notable shift in the "
            "ongoing conflict in eastern Ukraine.", "x088", ("Volchansk", "RU", "captured")),
        _ex("Units of the Vostok battlegroup have taken control of the settlement of Ugledar in the Donetsk People's "
            "Republic, the Russian Ministry of Defense has reported.", "y076", ("Ugledar", "RU", "captured")),
        _ex("According to the ISW, geolocated footage published on 9 April shows elements of the Russian 9th Motorized "
            "Rifle Brigade raising a flag in western Pervomayske.", "x066", ("Pervomayske", "RU", "captured")),
    ),
    "withdraw.verb": (
        _ex("The Ukrainian army command has pulled troops out of Lisichansk, Ukrainian President Vladimir Zelensky has "
            "confirmed.", "y014", ("Lisichansk", "RU", "withdrew")),
        _ex("Ukrainian troops have reportedly withdrawn from the key eastern town of Avdiivka amid rising tensions and "
            "continuing conflict in the region.", "x009", ("Avdiivka", "RU", "withdrew")),
        _ex("As Ukrainian News Agency reported earlier, the Russian occupiers have left the Borova community of the "
            "Kharkiv Region.", "x042", ("Borova", "UA", "withdrew")),
    ),
    "withdraw.noun": (
        _ex("Sirsky's statement does not make clear whether the complete withdrawal of the Armed Forces of Ukraine from "
            "Avdiivka has already taken place or is still under way.", "x007", ("Avdiivka", "RU", "withdrew")),
        _ex("Russia's Ministry of Defense has officially announced what it calls a withdrawal of its troops from Lyman in "
            "the Donetsk region.", "y023", ("Lyman", "UA", "withdrew")),
    ),
    "withdraw.driven_out": (
        _ex("Ukrainian forces say \"heroic defenders\" have driven Russian troops out of the town of Makariv, to the "
            "west of Kyiv.", "x038", ("Makariv", "UA", "recaptured")),
        _ex("The Ukrainian military has driven Russian troops out of the city of Snihurivka in the Mykolaiv region, in "
            "the country's south.", "x032", ("Snihurivka", "UA", "recaptured")),
        _ex("Ukrainian troops have pushed Russian forces back from Kupyansk through active search-and-strike operations "
            "and now control almost 90% of the city", "y109", ("Kupyansk", "UA", "recaptured")),
    ),
    "withdraw.driven_out_passive": (
        _ex("Russian troops have been driven out of the city of Irpin in the Kyiv region, Mayor Oleksandr Markushin "
            "said.", "y004", ("Irpin", "UA", "recaptured")),
        _ex("Russia's Defense Ministry says Ukrainian forces have been driven out of Klescheevka, a strategic village "
            "in Russia's Donetsk Region.", "y034", ("Klescheevka", "RU", "captured")),
        _ex("Russian invaders have already been driven out of more than 40 settlements in Kharkiv Region.", "y020",
            ("Kharkiv Region", "UA", "recaptured")),
        _ex("Russia said on Saturday that its forces had not been driven out of Andriivka, a village close to the key "
            "frontline town of Bakhmut", "x057", ("Andriivka", "UA", "recaptured")),
    ),
    "hold.under": (
        _ex("Siversk itself is now almost entirely under Russian control.", "y110", ("Siversk", "RU", "holds")),
        _ex("Yunakivka is still under Ukraine's control.", "x086", ("Yunakivka", "UA", "holds")),
        _ex("The Kherson region, which Moscow says it has annexed, is only partly under the control of Russian forces.",
            "x047", ("Kherson region", "RU", "holds")),
    ),
    "hold.in_control": (
        _ex("Separatist forces backed by the Kremlin have controlled parts of Donetsk since 2014.", "x067",
            ("Donetsk", "RU", "holds")),
        _ex("The Armed Forces of Ukraine (AFU) control Kurakhove, while Russian forces are attempting assaults on the "
            "southeastern outskirts and the southern part of the town.", "y080", ("Kurakhove", "UA", "holds")),
        _ex("According to DeepState, an online military tracker linked to the Ukrainian army, the Russian advance came "
            "after a \"breach\" in Ukrainian defense lines near the town of Sudzha, which Kyiv controls.", "x065",
            ("Sudzha", "UA", "holds")),
    ),
    "hold.keep": (
        _ex("Despite intense Russian shelling, Ukrainian soldiers have kept positions in Krynky since November.", "y058",
            ("Krynky", "UA", "holds")),
        _ex("Zelenskiy wrote that Ukraine was holding its ground in Avdiivka and that Ukrainian courage and unity would "
            "decide how the war ends.", "x076", ("Avdiivka", "UA", "holds")),
        _ex("Cherevaty told AFP that some soldiers had held the outskirts of Soledar while others built a defensive line "
            "and fortified new points, all the while dealing the enemy \"a massive blow\".", "y035",
            ("Soledar", "UA", "holds")),
    ),
    "hold.held_by": (
        _ex("It also shows the northern districts of Kupiansk held by Ukraine", "y107", ("Kupiansk", "UA", "holds")),
        _ex("Yunakivka is controlled by Ukraine.", "x086", ("Yunakivka", "UA", "holds")),
        _ex("CNN notes that Izyum lies on a major road between Kharkiv and the eastern Ukrainian areas of Luhansk and "
            "Donetsk held by Russian separatists.", "y002", ("Luhansk", "RU", "holds"), ("Donetsk", "RU", "holds")),
    ),
    "hold.attributive": (
        _ex("It is only 6 km from the occupied city of Horlivka.", "x022", ("Horlivka", "RU", "holds")),
        _ex("All three settlements lie north of Ukraine-controlled Sudzha, a key town for supplying Ukraine's operation "
            "in Kursk.", "x064", ("Sudzha", "UA", "holds")),
        _ex("According to Voloshyn, Russian forces are trying to push from the occupied town of Horlivka towards the "
            "villages of Shumy and Niu-York.", "y068", ("Horlivka", "RU", "holds")),
    ),
    "hold.there": (
        _ex("A spokesperson for Ukraine's eastern military command on Friday denied that Russia had taken control of the "
            "town of Soledar, saying Ukrainian units were still there.", "x028", ("Soledar", "UA", "holds")),
        _ex("Authorities in the Chernihiv region, northeast of Kyiv, said some Russian troops were still there but had "
            "pulled back from the area around the region's main city of Chernihiv.", "x036",
            ("Chernihiv region", "RU", "holds")),
    ),
    "fight.foothold": (
        _ex("Russian troops have managed to break through and gain a foothold in Ocheretyne in the Donetsk region.",
            "y061", ("Ocheretyne", "contested", "fighting")),
        _ex("Thursday, May 2, 2024 - Nazar Voloshin, spokesperson for the \"Khortytsia\" operational-strategic group of "
            "troops, has said that Russian forces have taken up positions in the village of Ocheretyne in the Donetsk "
            "region.", "x024", ("Ocheretyne", "contested", "fighting")),
    ),
    "fight.repel": (
        _ex("Ukrainian troops fought off attacks by Russian assault infantry and armor near Keramik, Ocheretyne, "
            "Berdychiv, Stepove, Lastochkine, Tonenke, Avdiyivka and Pervomaiske in Donetsk Oblast.", "y052",
            ("Keramik", "contested", "fighting"), ("Ocheretyne", "contested", "fighting"),
            ("Berdychiv", "contested", "fighting"), ("Stepove", "contested", "fighting"),
            ("Lastochkine", "contested", "fighting"), ("Tonenke", "contested", "fighting"),
            ("Avdiyivka", "contested", "fighting"),
            ("Pervomaiske", "contested", "fighting")),
        _ex("The ministry also said Russian troops had repulsed Ukrainian attacks just west of Velyka Novosilka, around "
            "the nearby village of Levadne in the neighbouring southern region of Zaporizhzhia.", "x052",
            ("Levadne", "contested", "fighting")),
        _ex("On Saturday, Ukraine's General Staff said on Telegram that Ukrainian troops had fought off a Russian attack "
            "through a gas pipeline on the outskirts of Sudzha, and published footage of the clash.", "x064",
            ("Sudzha", "contested", "fighting")),
    ),
    "fight.ongoing": (
        _ex("Fighting is also continuing on the outskirts of Toretsk.", "y074", ("Toretsk", "contested", "fighting")),
        _ex("Active street fighting is continuing in Vovchansk and the situation is extremely difficult, he said.",
            "x017", ("Vovchansk", "contested", "fighting")),
        _ex("Around the village of Novoheorhiivka in the Dnipropetrovsk region clashes are still going on, according to "
            "the statement.", "y097", ("Novoheorhiivka", "contested", "fighting")),
    ),
    "fight.assault": (
        _ex("In the Kupyansk and Lyman directions, enemy offensive actions near Nevske, the Serebrianske forestry and "
            "Bilohorivka in the Luhansk Region failed.", "y040", ("Nevske", "contested", "fighting")),
        _ex("Although the Russian Ministry of Defence (MoD) has not announced the capture of Soledar, Kremlin "
            "spokesperson Dmitry Peskov congratulated Russian forces on successful offensive operations in the "
            "settlement.", "y032", ("Soledar", "contested", "fighting")),
        _ex("Last June, one of the thrusts of the Ukrainian summer counteroffensive fell on Rabotino.", "y064",
            ("Rabotino", "contested", "fighting")),
    ),
    "fight.presence": (
        _ex("The ISW says geolocated footage from 24 November confirms a Russian presence in eastern Yelizavetivka and "
            "in central Trudove.", "y079", ("Yelizavetivka", "contested", "fighting"), ("Trudove", "contested", "fighting")),
        _ex("According to the Ukrainian analytical project DeepState, Russian forces had taken control of the village of "
            "Vremivka and most of Velyka Novosilka. On the Russian presence in the settlement, Trehubov said "
            "the Russians had put their flag on a boiler house behind the Kolos stadium and had been seen in the "
            "settlement since the previous day.", "x087", ("Velyka Novosilka", "contested", "fighting")),
    ),
    "fight.attack": (
        _ex("On June 18 the Ukrainian military reported a rise in Russian attacks near the town of Toretsk after a "
            "\"long lull\" in the fighting there.", "y068", ("Toretsk", "contested", "fighting")),
        _ex("Ukraine's General Staff reported late on Saturday six Russian attacks on a sector that takes in Starytsya, "
            "without conceding that the village had been lost.", "y116", ("Starytsya", "contested", "fighting")),
        _ex("Shupun said that over the past day [8 September] the enemy had made ten failed attempts to dislodge "
            "Ukrainian units from their positions, and kept attacking in the areas of Novokalynove, Krasnohorivka and "
            "Prechystivka in Donetsk Oblast.", "x053", ("Novokalynove", "contested", "fighting"),
            ("Krasnohorivka", "contested", "fighting"), ("Prechystivka", "contested", "fighting")),
    ),
    "fight.advance": (
        _ex("On August 12, the American Institute for War Studies (ISW) said Ukrainian forces had entered Urozajny, "
            "citing recordings with geolocation data.", "y047", ("Urozajny", "contested", "fighting")),
        _ex("Euromaidan Press had posted footage of Ukraine's 47th Brigade entering the village of Robotyne on August 22, "
            "2023.", "x053", ("Robotyne", "contested", "fighting")),
        _ex("Russian troops have reached the administrative quarter in the centre of Toretsk, including the town's "
            "school and police buildings and the indoor market.", "y077", ("Toretsk", "contested", "fighting")),
    ),
    "fight.attempt": (
        _ex("In the Bakhmut direction the enemy is still trying to encircle the town of Bakhmut.", "y040",
            ("Bakhmut", "contested", "fighting")),
        _ex("According to Syrskyi, the enemy keeps trying to take Terny and to reach the Chornyi Zherebets River.",
            "y055", ("Terny", "contested", "fighting")),
        _ex("Vladyslav Voloshyn, spokesman for Ukraine's Southern Defense Forces, told Ukrinform that Russia has been "
            "trying to take the village of Stepnohirsk for about a month and a half.", "y115",
            ("Stepnohirsk", "contested", "fighting")),
        _ex("In Vovchansk, the Russians are trying to advance with small infantry groups, drones and artillery, but the "
            "Ukrainian military is holding its positions.", "y103", ("Vovchansk", "contested", "fighting")),
        _ex("He said Russian troops had tried three times to approach Ukraine's positions near Chasiv Yar and "
            "Klishchiivka, but that the situation was \"under control\" and fighting was continuing.", "y068",
            ("Chasiv Yar", "contested", "fighting"), ("Klishchiivka", "contested", "fighting")),
    ),
    "fight.operating": (
        _ex("The US-based think tank said in its report that elements of the Russian 42nd Motorized Rifle Division were "
            "reportedly operating near Robotyne.", "x074", ("Robotyne", "contested", "fighting")),
        _ex("Ukrainian officials say their forces are still operating inside the region, as well as in Belgorod, a "
            "neighbouring Russian region.", "y086", ("Belgorod", "contested", "fighting")),
    ),
    "fight.scene": (
        _ex("Viktor Trehubov, a spokesman for Ukrainian forces in the east, told the Ukrinform news agency that "
            "Kostiantynivka and the city of Pokrovsk to the west were \"the main arena of battles\" and of the Kremlin's "
            "strategic ambitions.", "x085", ("Kostiantynivka", "contested", "fighting"), ("Pokrovsk", "contested", "fighting")),
        _ex("In its report for May 15, the Russian Ministry of Defense said the village of Rabotino in the Zaporozhye "
            "region, the scene of heavy fighting for almost a year, had been \"completely liberated\".", "y064",
            ("Rabotino", "contested", "fighting"), ("Rabotino", "RU", "captured")),
    ),
    "fight.grey_zone": (
        _ex("Ukraine did not acknowledge that Popiv Yar, northeast of Pokrovsk, which has been a focus of Russian "
            "attacks in the Donetsk region for months, had changed hands. The village has been in the \"grey zone\" for "
            "at least a week.", "y092", ("Popiv Yar", "contested", "fighting")),
        _ex("A military official told the Guardian on Sunday that the waters around Snake Island were still a grey "
            "zone, meaning that technically the Ukrainians did not plan to send their forces back.", "y016",
            ("Snake Island", "contested", "fighting")),
    ),
    "fight.situation": (
        _ex("The Ukrainian military said on Friday that the battlefield situation near the eastern town of Chasiv Yar "
            "was tense", "x020", ("Chasiv Yar", "contested", "fighting")),
        _ex("Meanwhile, according to the Institute for the Study of War, the tactical situation in Verbove remains "
            "unclear as Ukrainian forces press on with offensive operations in the western Zaporizhzhia region.", "x055",
            ("Verbove", "contested", "fighting")),
    ),
    "fight.encircled": (
        _ex("Russia's Defence Ministry responded by accusing Zelenskyy of \"concealing the dire situation\" facing his "
            "troops, and asserted that its forces had caught Kyiv's soldiers in \"cauldrons\" around Pokrovsk and "
            "Kupiansk.", "x034", ("Pokrovsk", "contested", "fighting"), ("Kupiansk", "contested", "fighting")),
        _ex("According to official statements, the \"primary objective\" of Russian forces now is to eliminate the "
            "Ukrainian troops \"encircled\" in Myrnohrad.", "x077", ("Myrnohrad", "contested", "fighting")),
        _ex("Earlier, on Oct. 1, Luhansk Oblast Governor Serhiy Haidai said that Ukraine's Armed Forces had encircled "
            "about 5,000 Russian soldiers in Lyman in Donetsk Oblast.", "x015", ("Lyman", "contested", "fighting")),
        _ex("Saldo said additional Russian forces had been brought in, that the enemy was trapped in Krynky, and that "
            "\"a fiery hell\" of bombs, rockets, heavy flamethrower systems, artillery shells and drones had been "
            "arranged for it.", "y053", ("Krynky", "contested", "fighting")),
    ),
}

COUNTERS: dict[str, tuple[Counter, ...]] = {
    "capture.liberate": (
        _co("Ukraine's Deputy Defense Minister Hanna Malar said in a Telegram message that Ukrainian forces had freed the "
            "village of Urozajne in the Donetsk region and were reinforcing their positions there.", "y047",
            "Donetsk region"),
        _co("Deputy Defense Minister Hanna Maliar said on June 19 that Ukrainian forces had freed the village of "
            "Piatykhatky in Zaporizhzhia Oblast, the eighth settlement retaken in Ukraine's continuing counteroffensive.",
            "x051", "Zaporizhzhia Oblast"),
    ),
    "capture.verb": (
        _co("On Sunday, Kyiv said it had captured three villages beyond Velyka Novosilka: Neskuchne, Blagodatne and "
            "Makarivka.", "x052", "Velyka Novosilka"),
        _co("In recent days they took the village of Zhuravka, south of Hrodivka, and moved up close to Krasnyi Yar.",
            "y074", "Hrodivka"),
        _co("Russian forces aim to capture Kupiansk by the end of the year.", WRITTEN, "Kupiansk"),
    ),
    "capture.liberated": (
        _co("Robotyne, about 15 kilometers (9 miles) south of Orikhiv and 70 kilometers (43.5 miles) southeast of "
            "Zaporizhzhia, was liberated by Ukraine in its summer 2023 counteroffensive and has been on the front line "
            "ever since.", "x074", "Orikhiv", "Zaporizhzhia"),
        _co("Luhansk's village of Bilohorivka, close to the border with Donetsk Oblast, was liberated in mid-September.",
            "y025", "Donetsk Oblast"),
        _co("Speaking in the video, a Ukrainian soldier told the president and commander-in-chief that the village of "
            "Robotyne in the Zaporizhzhia region had been freed from the occupiers by troops of the 47th Mechanised "
            "Brigade together with neighbouring units.", "x006", "Zaporizhzhia region"),
    ),
    "capture.passive": (
        _co("Regional governor Oleh Synehubov said Russian glide bombs had struck a house in the village of Cherkaski "
            "Tyshky in the Kharkivskyi district of the Oblast, injuring a 74-year-old resident who was then taken to "
            "hospital.", "x097", "Cherkaski Tyshky", "Kharkivskyi district"),
    ),
    "capture.fall_to": (
        _co("Ukraine did not acknowledge that Popiv Yar, northeast of Pokrovsk, which has been a focus of Russian "
            "attacks in the Donetsk region for months, had changed hands.", "y092", "Donetsk region"),
        _co("A year before the full-scale invasion, the civic group \"Ukrainian New York in Donetsk oblast\" and "
            "like-minded people succeeded in having the historical name of New York returned to the village of "
            "Novhorodske.", "x022", "Novhorodske"),
    ),
    "capture.fallen": (
        _co("At 10:57 PM explosions were heard in Kharkiv as glide bombs fell on the city, and the mayor warned that more "
            "strikes were possible.", "x093", "Kharkiv"),
        _co("Last June, one of the thrusts of the Ukrainian summer counteroffensive fell on Rabotino.", "y064", "Rabotino"),
        _co("Military spokesman Sergiy Cherevaty said that after months of heavy fighting, the past weeks included, "
            "Ukraine's Armed Forces had left Soledar and fallen back along its outskirts to \"pre-prepared positions\".",
            "y035", "Soledar"),
        _co("The commander-in-chief added that the success came at a price and honoured the memory of fallen soldiers "
            "near Kupiansk.", WRITTEN, "Kupiansk"),
    ),
    "capture.liberation": (
        _co("With the liberation of Ugledar, Russian forces will push the Ukrainian military further from the capital "
            "of the Donetsk People's Republic and cut the number of Kiev's bombardments of Yelenovka and the outskirts "
            "of Volnovakha.", "x072", "Yelenovka", "Volnovakha"),
        _co("Haidai asked people to be patient while waiting for the large-scale de-occupation of Luhansk region, "
            "warning that it would be far harder than in Kharkiv region.", "x044", "Kharkiv region"),
    ),
    "capture.noun": (
        _co("The report of the alleged capture of Rabotino came as Russian troops pressed their recently launched "
            "offensive in the Kharkov region.", "y064", "Kharkov region"),
        _co("The Russian Ministry of Defense announced the capture of the village of Niu-York, which it calls by its "
            "former Soviet name, Novhorodske, in use from 1951 to 2021.", "y074", "Novhorodske"),
    ),
    "capture.loss": (
        _co("Ukrainian forces have recently won back positions they had lost near Lyptsi, north of Kharkiv, as fighting "
            "continued in northern Kharkiv Oblast on June 11, with footage showing they retook areas along the "
            "Lyptsi-Kharkiv road.", "x060", "Lyptsi", "Kharkiv", "Kharkiv Oblast"),
        _co("On Saturday Russia said its troops had won back three villages in the Kursk border region that Ukraine had "
            "seized, an area where Kyiv's forces have recently been losing ground.", "x065", "Kursk border region"),
    ),
    "capture.control": (
        _co("He said the main Russian route toward it runs along the shore of the former Kakhovka Reservoir, where "
            "Russian troops would take control of the settlements of Prymorske and Plavni, and that the enemy is also "
            "trying to push along the same shore toward Zaporizhzhia and toward Kushuhum and Balabyne.", "y115",
            "Prymorske", "Plavni", "Zaporizhzhia", "Kushuhum", "Balabyne"),
        _co("A video posted on social media on the evening of 9 August shows soldiers, apparently Ukrainian, who say "
            "they are in the town of Sudzha in Russia's Kursk Oblast and have taken control of a Gazprom facility.",
            "y071", "Kursk Oblast"),
    ),
    "withdraw.verb": (
        _co("Russia invaded Ukraine on February 24, but abandoned an early push towards the capital Kyiv after meeting "
            "fierce resistance supported by Western weapons.", "x030", "Kyiv"),
        _co("Irina Dmitrieva, a designer and blogger, had left Kyiv for Vinnytsia in February, after the war broke out, "
            "together with her four-year-old daughter, to stay with her mother.", "y017", "Kyiv", "Vinnytsia"),
    ),
    "withdraw.driven_out": (
        _co("According to Voloshyn, Russian forces are trying to push from the occupied town of Horlivka towards the "
            "villages of Shumy and Niu-York.", "y068", "Shumy", "Niu-York"),
        _co("At the same time, Russian forces said they had carried out strikes in Sumy Oblast against the equipment and "
            "personnel of five Ukrainian army brigades.", "x088", "Sumy Oblast"),
    ),
    "withdraw.driven_out_passive": (
        _co("Russian troops have been driven out of the city of Irpin in the Kyiv region, Mayor Oleksandr Markushin "
            "said.", "y004", "Kyiv region"),
        _co("The brigade said the enemy had not attempted any offensive actions over the past day and had been forced to "
            "hold off a strike from the south of the Glushkovskiy district, adding that it expected good news.", "x061",
            "Glushkovskiy"),
    ),
    "hold.under": (
        _co("Ugledar lies about 60-70 km southwest of Donetsk and is a key logistics hub in the Donetsk People's "
            "Republic that had stayed under Kiev's control until now.", "x072", "Donetsk"),
        _co("Robotyne lies 10 kilometres to the south of Orikhiv, a frontline town in the Zaporizhzhia region, on a key "
            "road towards Tokmak, a road and rail hub under Russian occupation.", "x006", "Orikhiv",
            "Zaporizhzhia region"),
    ),
    "hold.in_control": (
        _co("Sievierodonetsk is the last major city in the Luhansk region that Ukraine still partially controls.", "x031",
            "Luhansk region"),
        _co("Holding it would also let the enemy control supply routes running east from Zaporizhzhia, including those "
            "to Orikhiv and Huliaipole.", "y115", "Zaporizhzhia", "Orikhiv", "Huliaipole"),
    ),
    "hold.keep": (
        _co("Heavy Russian shelling keeps hitting Kharkiv, the country's second city; buildings of the police and of a "
            "university are among the latest targets.", "y001", "Kharkiv"),
        _co("Zaporizhzhia's acting mayor, Rehina Harchenko, wrote on Telegram that the city was holding on, with pain in "
            "its heart and tears in its eyes.", "x092", "Zaporizhzhia"),
    ),
    "hold.held_by": (
        _co("In one episode, a column of nine Russian armored vehicles moving from Donetsk City to attack Avdiyivka was "
            "held up by one of its own tanks, which had overturned.", "y052", "Donetsk"),
        _co("The conflicting accounts from Kyiv and Moscow come as analysts say Ukraine has begun its long-awaited "
            "counter-offensive with Western weapons to regain territory held by Russian forces.", "x052", "Kyiv"),
    ),
    "hold.attributive": (
        _co("From the outermost edge of the village of New York, in the Toretsk community of the Bakhmut district, to "
            "the occupied territory is roughly 1-2 km.", "x022", "Toretsk", "Bakhmut district"),
        _co("Snihurivka ranks among the most important settlements of the temporarily occupied right bank, which lies "
            "in the Kherson region and partly in the Mykolaiv region.", "x032", "Kherson region", "Mykolaiv region"),
    ),
    "hold.there": (
        _co("Authorities in the Chernihiv region, northeast of Kyiv, said some Russian troops were still there but had "
            "pulled back from the area around the region's main city of Chernihiv.", "x036", "Kyiv"),
    ),
    "fight.foothold": (
        _co("Russian troops have managed to break through and gain a foothold in Ocheretyne in the Donetsk region.",
            "y061", "Donetsk region"),
    ),
    "fight.repel": (
        _co("In a Telegram statement, Ukraine's General Staff said its troops had halted Russian advances toward the "
            "village of Zaporizhske in the eastern Donetsk region and still controlled the settlement despite attempts "
            "to seize it.", "y097", "Donetsk region"),
        _co("Over the past day Ukrainian defenders fought off numerous attacks near the Donetsk Region settlements of "
            "Vasiukivka, Zaliznianske, Orikhovo-Vasylivka, Dubovo-Vasylivka, Hryhorivka, Ivanivske and Bakhmut.",
            "y040", "Donetsk Region"),
    ),
    "fight.ongoing": (
        _co("Ukrainian troops managed to take the village after many days of fighting, but they were unable to push "
            "further south towards Tokmak and Melitopol.", "y064", "Tokmak", "Melitopol"),
        _co("Bakhmut, north of the city of Donetsk, has been fiercely fought over and has been at the heart of "
            "hostilities between Russia and Ukraine for months.", "x025", "Donetsk"),
    ),
    "fight.presence": (
        _co("Kostyantynivka lies on supply routes that Ukrainian forces need to keep their presence in the Donbas.",
            "y101", "Donbas"),
    ),
    "fight.attack": (
        _co("At least 14 people have been reported killed in the Russian attack on Kryvyi Rih in central Ukraine.",
            "x090", "Kryvyi Rih"),
        _co("The Russian attack also caused three fires at the same time at different places in Kharkiv, which took "
            "more than 5 hours to put out, and four people, one of them a child, were injured.", "x097", "Kharkiv"),
        _co("Russian forces attacked Kharkiv with glide bombs, and one of them struck a residential building, the "
            "city's mayor Ihor Terekhov said.", "x093", "Kharkiv"),
    ),
    "fight.assault": (
        _co("He added that a Ukrainian foothold in Piatykhatky could open the way to an offensive towards Vasilyvka.",
            "x051", "Vasilyvka"),
        _co("Russia launched fresh offensive operations on May 10 in the north of Kharkiv Oblast, towards Lyptsi and "
            "Vovchansk.", "x018", "Lyptsi", "Kharkiv Oblast"),
    ),
    "fight.advance": (
        _co("Russian forces are continuing to advance in the Pokrovsk direction.", "y074", "Pokrovsk"),
        _co("She said Ukrainian troops had pushed forward by up to 7 kilometers in the Tavriia direction.", "x051",
            "Tavriia"),
        _co("According to Ukraine's Interior Ministry, the strike was part of a wider Russian assault across Ukraine that "
            "killed more than 20 people and injured over 50, with most of the casualties in Kyiv and the city of Kryvyi "
            "Rih.", "x095", "Kyiv", "Kryvyi Rih"),
        _co("Once the news broke, users began sharing a video of a tank filmed close to Avdiivka.", WRITTEN, "Avdiivka"),
    ),
    "fight.attempt": (
        _co("The sources said the villages are Strilecha, Krasne, Pylna and Borysivka, and that the Russians are trying "
            "to push towards Vovchansk.", "y062", "Vovchansk"),
        _co("In the Siversk direction, the enemy is trying to advance at Spirne and Bilohorivka and is training assault "
            "units drawn from airborne troops for an offensive toward Soledar and Siversk.", "y055", "Soledar",
            "Siversk"),
    ),
    "withdraw.noun": (
        _co("After the withdrawal from Kherson, Russian troops shelled Beryslav across the river.", WRITTEN, "Beryslav"),
    ),
    "fight.operating": (
        _co("The city's main hospital keeps operating in Kharkiv despite the shelling.", WRITTEN, "Kharkiv"),
    ),
    "fight.scene": (
        _co("According to the defense ministry, its troops seized the village of Novomykolaivka near the border with the "
            "Donetsk region, the epicenter of the fighting along the front.", "x081", "Donetsk region"),
    ),
    "fight.grey_zone": (
        _co("Speaking on a news broadcast, Nazar Voloshin, a representative of Ukraine's 'Khortytsia' "
            "operational-strategic group of forces, said the so-called \"grey zone\" in Kharkiv region had not started "
            "to expand.", "x058", "Kharkiv region"),
    ),
    "fight.situation": (
        _co("Kiev has admitted that the situation in the Kharkov Region is extremely difficult for Ukrainian troops.",
            "x059", "Kharkov Region"),
    ),
    "fight.encircled": (
        _co("Russia's probable capture of Soledar on January 11 does not matter much operationally and does not suggest "
            "that Bakhmut is about to be encircled by Russian forces.", "y032", "Bakhmut"),
        _co("Fyodorov said about 20 buildings were damaged in the mid-afternoon attack on Zaporizhzhia's city centre on "
            "Tuesday, and that rescuers were still working because people were believed to be trapped under the "
            "rubble.", "x092", "Zaporizhzhia"),
        _co("Mash said the strike had cut off the border area of the Glushkovsky district, including the villages of "
            "Tetkino, Popovo-Lezhachi and Volfino and about 27 other localities.", "y073", "Tetkino", "Popovo-Lezhachi",
            "Volfino"),
    ),
    # --- vetoes: the vetoed trigger would claim the absent places (none at all when absent is empty)
    "block.bank": (
        # without the veto, withdraw.verb reads "left" and gives Kherson region RU withdrew
        _co("Marines of the Armed Forces of Ukraine have spent the past 9 months clinging to a small bridgehead in "
            "Krynyky, on the left bank of the Kherson region, under extremely harsh conditions and at the cost of many "
            "casualties.", "x021", "Kherson region"),
    ),
    "block.situation": (
        # without the veto, hold.under reads "under control" and gives Vovchansk UA holds
        _co("In Vovchansk, the situation is under control by the Ukrainian army.", WRITTEN, "Vovchansk"),
        _co("It also said that as of 11.00 p.m. on 13 May Ukrainian defenders were clearing the urban area of "
            "Vovchansk, that fighting was continuing, and that the situation was under control.", "x017"),
    ),
    "block.take_part": (
        _co("Sirsky's statement does not make clear whether the complete withdrawal of the Armed Forces of Ukraine from "
            "Avdiivka has already taken place or is still under way.", "x007"),
        _co("Residents of Kupiansk took shelter in basements.", WRITTEN),
    ),
}
