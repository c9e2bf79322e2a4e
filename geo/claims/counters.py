"""The counter-examples of every claim rule of :mod:`geo.claims.rules` (and the sentences of the vetoes), run
by ``tests/test_claim_rows.py``: sentences with a rule's trigger on which the rule must not claim the places
named (see :mod:`geo.claims.examples` for how they were chosen)."""

from __future__ import annotations

from geo.claims.cases import WRITTEN, Counter, counter

COUNTERS: dict[str, tuple[Counter, ...]] = {
    "capture.liberate": (
        counter("Ukraine's Deputy Defense Minister Hanna Malar said in a Telegram message that Ukrainian "
                "forces had freed the village of Urozajne in the Donetsk region and were reinforcing their "
                "positions there.", "y047",
            "Donetsk region"),
        counter("Deputy Defense Minister Hanna Maliar said on June 19 that Ukrainian forces had freed the "
                "village of Piatykhatky in Zaporizhzhia Oblast, the eighth settlement retaken in Ukraine's "
                "continuing counteroffensive.",
            "x051", "Zaporizhzhia Oblast"),
    ),
    "capture.verb": (
        counter("On Sunday, Kyiv said it had captured three villages beyond Velyka Novosilka: Neskuchne, "
                "Blagodatne and Makarivka.", "x052", "Velyka Novosilka"),
        counter("In recent days they took the village of Zhuravka, south of Hrodivka, and moved up close to "
                "Krasnyi Yar.",
            "y074", "Hrodivka"),
        counter("Russian forces aim to capture Kupiansk by the end of the year.", WRITTEN, "Kupiansk"),
    ),
    "capture.liberated": (
        counter("Robotyne, about 15 kilometers (9 miles) south of Orikhiv and 70 kilometers (43.5 miles) "
                "southeast of Zaporizhzhia, was liberated by Ukraine in its summer 2023 counteroffensive and "
                "has been on the front line ever since.", "x074", "Orikhiv", "Zaporizhzhia"),
        counter("Luhansk's village of Bilohorivka, close to the border with Donetsk Oblast, was liberated in "
                "mid-September.",
            "y025", "Donetsk Oblast"),
        counter("Speaking in the video, a Ukrainian soldier told the president and commander-in-chief that "
                "the village of Robotyne in the Zaporizhzhia region had been freed from the occupiers by "
                "troops of the 47th Mechanised Brigade together with neighbouring "
                "units.", "x006", "Zaporizhzhia region"),
    ),
    "capture.passive": (
        counter("Regional governor Oleh Synehubov said Russian glide bombs had struck a house in the village "
                "of Cherkaski Tyshky in the Kharkivskyi district of the Oblast, injuring a 74-year-old "
                "resident who was then taken to "
                "hospital.", "x097", "Cherkaski Tyshky", "Kharkivskyi district"),
    ),
    "capture.fall_to": (
        counter("Ukraine did not acknowledge that Popiv Yar, northeast of Pokrovsk, which has been a focus "
                "of Russian attacks in the Donetsk region for months, had changed "
                "hands.", "y092", "Donetsk region"),
        counter('A year before the full-scale invasion, the civic group "Ukrainian New York in Donetsk '
                'oblast" and like-minded people succeeded in having the historical name of New York returned '
                "to the village of Novhorodske.", "x022", "Novhorodske"),
    ),
    "capture.fallen": (
        counter("At 10:57 PM explosions were heard in Kharkiv as glide bombs fell on the city, and the mayor "
                "warned that more strikes were possible.", "x093", "Kharkiv"),
        counter("Last June, one of the thrusts of the Ukrainian summer counteroffensive fell on Rabotino.",
                "y064", "Rabotino"),
        counter("Military spokesman Sergiy Cherevaty said that after months of heavy fighting, the past "
                "weeks included, Ukraine's Armed Forces had left Soledar and fallen back along its outskirts "
                'to "pre-prepared positions".',
            "y035", "Soledar"),
        counter("The commander-in-chief added that the success came at a price and honoured the memory of "
                "fallen soldiers near Kupiansk.", WRITTEN, "Kupiansk"),
    ),
    "capture.liberation": (
        counter("With the liberation of Ugledar, Russian forces will push the Ukrainian military further "
                "from the capital of the Donetsk People's Republic and cut the number of Kiev's bombardments "
                "of Yelenovka and the outskirts of Volnovakha.", "x072", "Yelenovka", "Volnovakha"),
        counter("Haidai asked people to be patient while waiting for the large-scale de-occupation of "
                "Luhansk region, warning that it would be far harder than in Kharkiv "
                "region.", "x044", "Kharkiv region"),
    ),
    "capture.noun": (
        counter("The report of the alleged capture of Rabotino came as Russian troops pressed their recently "
                "launched offensive in the Kharkov region.", "y064", "Kharkov region"),
        counter("The Russian Ministry of Defense announced the capture of the village of Niu-York, which it "
                "calls by its former Soviet name, Novhorodske, in use from 1951 to "
                "2021.", "y074", "Novhorodske"),
    ),
    "capture.loss": (
        counter("Ukrainian forces have recently won back positions they had lost near Lyptsi, north of "
                "Kharkiv, as fighting continued in northern Kharkiv Oblast on June 11, with footage showing "
                "they retook areas along the Lyptsi-Kharkiv "
                "road.", "x060", "Lyptsi", "Kharkiv", "Kharkiv Oblast"),
        counter("On Saturday Russia said its troops had won back three villages in the Kursk border region "
                "that Ukraine had seized, an area where Kyiv's forces have recently been losing "
                "ground.", "x065",
            "Kursk border region"),
    ),
    "capture.control": (
        counter("He said the main Russian route toward it runs along the shore of the former Kakhovka "
                "Reservoir, where Russian troops would take control of the settlements of Prymorske and "
                "Plavni, and that the enemy is also trying to push along the same shore toward Zaporizhzhia "
                "and toward Kushuhum and Balabyne.",
            "y115", "Prymorske", "Plavni", "Zaporizhzhia", "Kushuhum", "Balabyne"),
        counter("A video posted on social media on the evening of 9 August shows soldiers, apparently "
                "Ukrainian, who say they are in the town of Sudzha in Russia's Kursk Oblast and have taken "
                "control of a Gazprom facility.",
            "y071", "Kursk Oblast"),
    ),
    "withdraw.verb": (
        counter("Russia invaded Ukraine on February 24, but abandoned an early push towards the capital Kyiv "
                "after meeting fierce resistance supported by Western weapons.", "x030", "Kyiv"),
        counter("Irina Dmitrieva, a designer and blogger, had left Kyiv for Vinnytsia in February, after the "
                "war broke out, together with her four-year-old daughter, to stay with her "
                "mother.", "y017", "Kyiv",
            "Vinnytsia"),
    ),
    "withdraw.driven_out": (
        counter("According to Voloshyn, Russian forces are trying to push from the occupied town of Horlivka "
                "towards the villages of Shumy and Niu-York.", "y068", "Shumy", "Niu-York"),
        counter("At the same time, Russian forces said they had carried out strikes in Sumy Oblast against "
                "the equipment and personnel of five Ukrainian army brigades.", "x088", "Sumy Oblast"),
    ),
    "withdraw.driven_out_passive": (
        counter("Russian troops have been driven out of the city of Irpin in the Kyiv region, Mayor "
                "Oleksandr Markushin said.", "y004", "Kyiv region"),
        counter("The brigade said the enemy had not attempted any offensive actions over the past day and "
                "had been forced to hold off a strike from the south of the Glushkovskiy district, adding "
                "that it expected good news.", "x061",
            "Glushkovskiy"),
    ),
    "hold.under": (
        counter("Ugledar lies about 60-70 km southwest of Donetsk and is a key logistics hub in the Donetsk "
                "People's Republic that had stayed under Kiev's control until now.", "x072", "Donetsk"),
        counter("Robotyne lies 10 kilometres to the south of Orikhiv, a frontline town in the Zaporizhzhia "
                "region, on a key road towards Tokmak, a road and rail hub under Russian "
                "occupation.", "x006", "Orikhiv",
            "Zaporizhzhia region"),
    ),
    "hold.in_control": (
        counter("Sievierodonetsk is the last major city in the Luhansk region that Ukraine still partially "
                "controls.", "x031",
            "Luhansk region"),
        counter("Holding it would also let the enemy control supply routes running east from Zaporizhzhia, "
                "including those to Orikhiv and "
                "Huliaipole.", "y115", "Zaporizhzhia", "Orikhiv", "Huliaipole"),
    ),
    "hold.keep": (
        counter("Heavy Russian shelling keeps hitting Kharkiv, the country's second city; buildings of the "
                "police and of a university are among the latest targets.", "y001", "Kharkiv"),
        counter("Zaporizhzhia's acting mayor, Rehina Harchenko, wrote on Telegram that the city was holding "
                "on, with pain in its heart and tears in its eyes.", "x092", "Zaporizhzhia"),
    ),
    "hold.held_by": (
        counter("In one episode, a column of nine Russian armored vehicles moving from Donetsk City to "
                "attack Avdiyivka was held up by one of its own tanks, which had "
                "overturned.", "y052", "Donetsk"),
        counter("The conflicting accounts from Kyiv and Moscow come as analysts say Ukraine has begun its "
                "long-awaited counter-offensive with Western weapons to regain territory held by Russian "
                "forces.", "x052",
            "Kyiv"),
    ),
    "hold.attributive": (
        counter("From the outermost edge of the village of New York, in the Toretsk community of the Bakhmut "
                "district, to the occupied territory is roughly 1-2 "
                "km.", "x022", "Toretsk", "Bakhmut district"),
        counter("Snihurivka ranks among the most important settlements of the temporarily occupied right "
                "bank, which lies in the Kherson region and partly in the Mykolaiv "
                "region.", "x032", "Kherson region",
            "Mykolaiv region"),
    ),
    "hold.there": (
        counter("Authorities in the Chernihiv region, northeast of Kyiv, said some Russian troops were still "
                "there but had pulled back from the area around the region's main city of "
                "Chernihiv.", "x036", "Kyiv"),
    ),
    "fight.foothold": (
        counter("Russian troops have managed to break through and gain a foothold in Ocheretyne in the "
                "Donetsk region.",
            "y061", "Donetsk region"),
    ),
    "fight.repel": (
        counter("In a Telegram statement, Ukraine's General Staff said its troops had halted Russian "
                "advances toward the village of Zaporizhske in the eastern Donetsk region and still "
                "controlled the settlement despite attempts to seize it.", "y097", "Donetsk region"),
        counter("Over the past day Ukrainian defenders fought off numerous attacks near the Donetsk Region "
                "settlements of Vasiukivka, Zaliznianske, Orikhovo-Vasylivka, Dubovo-Vasylivka, Hryhorivka, "
                "Ivanivske and Bakhmut.",
            "y040", "Donetsk Region"),
    ),
    "fight.ongoing": (
        counter("Ukrainian troops managed to take the village after many days of fighting, but they were "
                "unable to push further south towards Tokmak and Melitopol.", "y064", "Tokmak", "Melitopol"),
        counter("Bakhmut, north of the city of Donetsk, has been fiercely fought over and has been at the "
                "heart of hostilities between Russia and Ukraine for months.", "x025", "Donetsk"),
        # fighting that only goes on claims nothing where no capture before it names a place
        counter("Zelensky visited Kharkiv on Monday, saying the fighting goes on.", WRITTEN, "Kharkiv"),
        counter("Zelensky took part in talks in Kyiv while the fighting goes on.", WRITTEN, "Kyiv"),
    ),
    "fight.presence": (
        counter("Kostyantynivka lies on supply routes that Ukrainian forces need to keep their presence in "
                "the Donbas.",
            "y101", "Donbas"),
    ),
    "fight.attack": (
        counter("At least 14 people have been reported killed in the Russian attack on Kryvyi Rih in central "
                "Ukraine.",
            "x090", "Kryvyi Rih"),
        counter("The Russian attack also caused three fires at the same time at different places in Kharkiv, "
                "which took more than 5 hours to put out, and four people, one of them a child, were "
                "injured.", "x097",
            "Kharkiv"),
        counter("Russian forces attacked Kharkiv with glide bombs, and one of them struck a residential "
                "building, the city's mayor Ihor Terekhov said.", "x093", "Kharkiv"),
    ),
    "fight.attacked": (
        counter("A year after that tragedy, they attacked Kramatorsk and hit a summer house near Kremenchuk, "
                "while residents of Sumy also heard explosions.", "y041", "Kramatorsk"),
        counter("Kharkiv Mayor Ihor Terekhov reported explosions in the city as Russia attacked it and "
                "warned that glide bombs might be launched again.", "x097", "Kharkiv"),
    ),
    "fight.assault": (
        counter("He added that a Ukrainian foothold in Piatykhatky could open the way to an offensive "
                "towards Vasilyvka.",
            "x051", "Vasilyvka"),
        counter("Russia launched fresh offensive operations on May 10 in the north of Kharkiv Oblast, "
                "towards Lyptsi and Vovchansk.", "x018", "Lyptsi", "Kharkiv Oblast"),
    ),
    "fight.advance": (
        counter("Russian forces are continuing to advance in the Pokrovsk direction.", "y074", "Pokrovsk"),
        counter("She said Ukrainian troops had pushed forward by up to 7 kilometers in the Tavriia "
                "direction.", "x051",
            "Tavriia"),
        counter("According to Ukraine's Interior Ministry, the strike was part of a wider Russian assault "
                "across Ukraine that killed more than 20 people and injured over 50, with most of the "
                "casualties in Kyiv and the city of Kryvyi Rih.", "x095", "Kyiv", "Kryvyi Rih"),
        counter("Once the news broke, users began sharing a video of a tank filmed close to Avdiivka.",
                WRITTEN, "Avdiivka"),
    ),
    "fight.attempt": (
        counter("The sources said the villages are Strilecha, Krasne, Pylna and Borysivka, and that the "
                "Russians are trying to push towards Vovchansk.", "y062", "Vovchansk"),
        counter("In the Siversk direction, the enemy is trying to advance at Spirne and Bilohorivka and is "
                "training assault units drawn from airborne troops for an offensive toward Soledar and "
                "Siversk.", "y055",
            "Soledar", "Siversk"),
    ),
    "withdraw.noun": (
        counter("After the withdrawal from Kherson, Russian troops shelled Beryslav across the river.",
                WRITTEN, "Beryslav"),
    ),
    "fight.operating": (counter("The city's main hospital keeps operating in Kharkiv despite the shelling.",
                                WRITTEN, "Kharkiv"),
                        ),
    "fight.scene": (
        counter("According to the defense ministry, its troops seized the village of Novomykolaivka near the "
                "border with the Donetsk region, the epicenter of the fighting along the "
                "front.", "x081", "Donetsk region"),
    ),
    "fight.grey_zone": (
        counter("Speaking on a news broadcast, Nazar Voloshin, a representative of Ukraine's 'Khortytsia' "
            'operational-strategic group of forces, said the so-called "grey zone" in Kharkiv region had not '
            "started to expand.", "x058", "Kharkiv region"),
    ),
    "fight.situation": (
        counter("Kiev has admitted that the situation in the Kharkov Region is extremely difficult for "
                "Ukrainian troops.",
            "x059", "Kharkov Region"),
    ),
    "fight.encircled": (
        counter("Russia's probable capture of Soledar on January 11 does not matter much operationally and "
                "does not suggest that Bakhmut is about to be encircled by Russian "
                "forces.", "y032", "Bakhmut"),
        counter("Fyodorov said about 20 buildings were damaged in the mid-afternoon attack on Zaporizhzhia's "
                "city centre on Tuesday, and that rescuers were still working because people were believed "
                "to be trapped under the rubble.", "x092", "Zaporizhzhia"),
        counter("Mash said the strike had cut off the border area of the Glushkovsky district, including the "
                "villages of Tetkino, Popovo-Lezhachi and Volfino and about 27 other "
                "localities.", "y073", "Tetkino",
            "Popovo-Lezhachi", "Volfino"),
    ),
    # --- vetoes: the vetoed trigger would claim the absent places (none at all when absent is empty)
    "block.bank": (
        # without the veto, withdraw.verb reads "left" and gives Kherson region RU withdrew
        counter("Marines of the Armed Forces of Ukraine have spent the past 9 months clinging to a small "
                "bridgehead in Krynyky, on the left bank of the Kherson region, under extremely harsh "
                "conditions and at the cost of many casualties.", "x021", "Kherson region"),
    ),
    "block.situation": (
        # without the veto, hold.under reads "under control" and gives Vovchansk UA holds
        counter("In Vovchansk, the situation is under control by the Ukrainian army.", WRITTEN, "Vovchansk"),
        counter("It also said that as of 11.00 p.m. on 13 May Ukrainian defenders were clearing the urban "
                "area of Vovchansk, that fighting was continuing, and that the situation was under "
                "control.", "x017"),
    ),
    "block.take_part": (
        counter("Sirsky's statement does not make clear whether the complete withdrawal of the Armed Forces "
                "of Ukraine from Avdiivka has already taken place or is still under way.", "x007"),
        counter("Residents of Kupiansk took shelter in basements.", WRITTEN),
    ),
}
