"""The example sentences of the fighting rules (``fight.*``), as :mod:`geo.claims.examples` describes them."""

from __future__ import annotations

from geo.claims.cases import Example, example

FIGHT_EXAMPLES: dict[str, tuple[Example, ...]] = {
    "fight.foothold": (
        example("Russian troops have managed to break through and gain a foothold in Ocheretyne in the "
                "Donetsk region.",
            "y061", ("Ocheretyne", "contested", "fighting")),
        example('Thursday, May 2, 2024 - Nazar Voloshin, spokesperson for the "Khortytsia" '
                "operational-strategic group of troops, has said that Russian forces have taken up positions "
                "in the village of Ocheretyne in the Donetsk "
                "region.", "x024", ("Ocheretyne", "contested", "fighting")),
    ),
    "fight.repel": (
        example("Ukrainian troops fought off attacks by Russian assault infantry and armor near Keramik, "
                "Ocheretyne, Berdychiv, Stepove, Lastochkine, Tonenke, Avdiyivka and Pervomaiske in Donetsk "
                "Oblast.", "y052",
            ("Keramik", "contested", "fighting"), ("Ocheretyne", "contested", "fighting"),
            ("Berdychiv", "contested", "fighting"), ("Stepove", "contested", "fighting"),
            ("Lastochkine", "contested", "fighting"), ("Tonenke", "contested", "fighting"),
            ("Avdiyivka", "contested", "fighting"),
            ("Pervomaiske", "contested", "fighting")),
        example("The ministry also said Russian troops had repulsed Ukrainian attacks just west of Velyka "
                "Novosilka, around the nearby village of Levadne in the neighbouring southern region of "
                "Zaporizhzhia.", "x052",
            ("Levadne", "contested", "fighting")),
        example("On Saturday, Ukraine's General Staff said on Telegram that Ukrainian troops had fought off "
                "a Russian attack through a gas pipeline on the outskirts of Sudzha, and published footage "
                "of the clash.", "x064",
            ("Sudzha", "contested", "fighting")),
    ),
    "fight.ongoing": (example("Fighting is also continuing on the outskirts of Toretsk.", "y074",
                              ("Toretsk", "contested", "fighting")),
                      example("Active street fighting is continuing in Vovchansk and the situation is "
                              "extremely difficult, he said.",
                          "x017", ("Vovchansk", "contested", "fighting")),
                      example("Around the village of Novoheorhiivka in the Dnipropetrovsk region clashes are "
                              "still going on, according to the "
                              "statement.", "y097", ("Novoheorhiivka", "contested", "fighting")),
                      # fighting that only goes on, for the place a capture before it takes
                      example("As U.S.-backed peace efforts continue, Moscow says it is advancing along the "
                              "whole front and claims to have taken the strategic city of Pokrovsk in the "
                              "east, which Kyiv denies, saying the fighting goes on.", "y107",
                          ("Pokrovsk", "contested", "fighting"), ("Pokrovsk", "RU", "captured")),
                      example("On Thursday, Ukraine's deputy defense minister Ganna Malyar retracted an "
                              "announcement made earlier that day that Kyiv had retaken Andriivka, after "
                              "troops on the ground said the fighting was still going on.", "x057",
                          ("Andriivka", "contested", "fighting")),
                      ),
    "fight.assault": (
        example("In the Kupyansk and Lyman directions, enemy offensive actions near Nevske, the Serebrianske "
                "forestry and Bilohorivka in the Luhansk Region "
                "failed.", "y040", ("Nevske", "contested", "fighting")),
        example("Although the Russian Ministry of Defence (MoD) has not announced the capture of Soledar, "
                "Kremlin spokesperson Dmitry Peskov congratulated Russian forces on successful offensive "
                "operations in the settlement.", "y032", ("Soledar", "contested", "fighting")),
        example("Last June, one of the thrusts of the Ukrainian summer counteroffensive fell on Rabotino.",
                "y064",
                ("Rabotino", "contested", "fighting")),
    ),
    "fight.presence": (
        example("The ISW says geolocated footage from 24 November confirms a Russian presence in eastern "
                "Yelizavetivka and in central Trudove.", "y079", ("Yelizavetivka", "contested", "fighting"),
            ("Trudove", "contested", "fighting")),
        example("According to the Ukrainian analytical project DeepState, Russian forces had taken control "
                "of the village of Vremivka and most of Velyka Novosilka. On the Russian presence in the "
                "settlement, Trehubov said the Russians had put their flag on a boiler house behind the "
                "Kolos stadium and had been seen in the settlement since the previous "
                "day.", "x087", ("Velyka Novosilka", "contested", "fighting")),
    ),
    "fight.attack": (
        example("On June 18 the Ukrainian military reported a rise in Russian attacks near the town of "
                'Toretsk after a "long lull" in the fighting '
                "there.", "y068", ("Toretsk", "contested", "fighting")),
        example("Ukraine's General Staff reported late on Saturday six Russian attacks on a sector that "
                "takes in Starytsya, without conceding that the village had been lost.", "y116",
            ("Starytsya", "contested", "fighting")),
        example("Shupun said that over the past day [8 September] the enemy had made ten failed attempts to "
                "dislodge Ukrainian units from their positions, and kept attacking in the areas of "
                "Novokalynove, Krasnohorivka and Prechystivka in Donetsk "
                "Oblast.", "x053", ("Novokalynove", "contested", "fighting"),
            ("Krasnohorivka", "contested", "fighting"), ("Prechystivka", "contested", "fighting")),
    ),
    "fight.attacked": (
        example("For months the troops of Russian President Wladimir Putin have been attacking Bakhmut, with "
                "little success so far", "y031", ("Bakhmut", "contested", "fighting")),
        example("The outlet also reported that the Belgorod authorities began moving people out of "
                "Krasnoyaruzhsky district on March 18, as Ukrainian troops tried to break through the border "
                "and attacked the settlements of Grafovka and Demidovka.", "y082",
            ("Demidovka", "contested", "fighting")),
    ),
    "fight.advance": (
        example("On August 12, the American Institute for War Studies (ISW) said Ukrainian forces had "
                "entered Urozajny, citing recordings with geolocation "
                "data.", "y047", ("Urozajny", "contested", "fighting")),
        example("Euromaidan Press had posted footage of Ukraine's 47th Brigade entering the village of "
                "Robotyne on August 22, 2023.", "x053", ("Robotyne", "contested", "fighting")),
        example("Russian troops have reached the administrative quarter in the centre of Toretsk, including "
                "the town's school and police buildings and the indoor market.", "y077",
            ("Toretsk", "contested", "fighting")),
    ),
    "fight.attempt": (
        example("In the Bakhmut direction the enemy is still trying to encircle the town of Bakhmut.", "y040",
            ("Bakhmut", "contested", "fighting")),
        example("According to Syrskyi, the enemy keeps trying to take Terny and to reach the Chornyi "
                "Zherebets River.",
            "y055", ("Terny", "contested", "fighting")),
        example("Vladyslav Voloshyn, spokesman for Ukraine's Southern Defense Forces, told Ukrinform that "
                "Russia has been trying to take the village of Stepnohirsk for about a month and a "
                "half.", "y115",
            ("Stepnohirsk", "contested", "fighting")),
        example("In Vovchansk, the Russians are trying to advance with small infantry groups, drones and "
                "artillery, but the Ukrainian military is holding its "
                "positions.", "y103", ("Vovchansk", "contested", "fighting")),
        example("He said Russian troops had tried three times to approach Ukraine's positions near Chasiv "
                'Yar and Klishchiivka, but that the situation was "under control" and fighting was '
                "continuing.", "y068",
            ("Chasiv Yar", "contested", "fighting"), ("Klishchiivka", "contested", "fighting")),
    ),
    "fight.operating": (
        example("The US-based think tank said in its report that elements of the Russian 42nd Motorized "
                "Rifle Division were reportedly operating near "
                "Robotyne.", "x074", ("Robotyne", "contested", "fighting")),
        example("Ukrainian officials say their forces are still operating inside the region, as well as in "
                "Belgorod, a neighbouring Russian region.", "y086", ("Belgorod", "contested", "fighting")),
    ),
    "fight.scene": (
        example("Viktor Trehubov, a spokesman for Ukrainian forces in the east, told the Ukrinform news "
                'agency that Kostiantynivka and the city of Pokrovsk to the west were "the main arena of '
                "battles\" and of the Kremlin's strategic "
                "ambitions.", "x085", ("Kostiantynivka", "contested", "fighting"),
            ("Pokrovsk", "contested", "fighting")),
        example("In its report for May 15, the Russian Ministry of Defense said the village of Rabotino in "
                'the Zaporozhye region, the scene of heavy fighting for almost a year, had been "completely '
                'liberated".',
            "y064",
            ("Rabotino", "contested", "fighting"), ("Rabotino", "RU", "captured")),
    ),
    "fight.grey_zone": (
        example("Ukraine did not acknowledge that Popiv Yar, northeast of Pokrovsk, which has been a focus "
                "of Russian attacks in the Donetsk region for months, had changed hands. The village has "
                'been in the "grey zone" for at least a '
                "week.", "y092", ("Popiv Yar", "contested", "fighting")),
        example("A military official told the Guardian on Sunday that the waters around Snake Island were "
                "still a grey zone, meaning that technically the Ukrainians did not plan to send their "
                "forces back.", "y016",
            ("Snake Island", "contested", "fighting")),
    ),
    "fight.situation": (
        example("The Ukrainian military said on Friday that the battlefield situation near the eastern town "
                "of Chasiv Yar was tense", "x020", ("Chasiv Yar", "contested", "fighting")),
        example("Meanwhile, according to the Institute for the Study of War, the tactical situation in "
                "Verbove remains unclear as Ukrainian forces press on with offensive operations in the "
                "western Zaporizhzhia region.", "x055",
            ("Verbove", "contested", "fighting")),
    ),
    "fight.encircled": (
        example("Russia's Defence Ministry responded by accusing Zelenskyy of \"concealing the dire "
                "situation\" facing his troops, and asserted that its forces had caught Kyiv's soldiers in "
                '"cauldrons" around Pokrovsk and Kupiansk.', "x034", ("Pokrovsk", "contested", "fighting"),
            ("Kupiansk", "contested", "fighting")),
        example('According to official statements, the "primary objective" of Russian forces now is to '
                'eliminate the Ukrainian troops "encircled" in '
                "Myrnohrad.", "x077", ("Myrnohrad", "contested", "fighting")),
        example("Earlier, on Oct. 1, Luhansk Oblast Governor Serhiy Haidai said that Ukraine's Armed Forces "
                "had encircled about 5,000 Russian soldiers in Lyman in Donetsk Oblast.", "x015",
            ("Lyman", "contested", "fighting")),
        example("Saldo said additional Russian forces had been brought in, that the enemy was trapped in "
                'Krynky, and that "a fiery hell" of bombs, rockets, heavy flamethrower systems, artillery '
                "shells and drones had been arranged for it.", "y053", ("Krynky", "contested", "fighting")),
    ),
}
