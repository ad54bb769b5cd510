"""Text for the demo newsroom: story templates in English, German and Russian.

Every sentence here was written for Newswatch; people, outlets, think tanks, teams and
the Ras Kandar terminal are fictional. A story's `topics` is the ground truth: its text
names exactly those watched topics and no others, so the topic matcher can be scored.
`compose()` fills the slots (`{city}`, `{person}`, ...) from a seeded `random.Random`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Story:
    """A family of articles: a section, the topics it is about and its sentences.

    An article takes one title, one standfirst, the lead and an in-order sample of the
    other paragraphs.
    """

    key: str
    topics: frozenset[str]
    section: str
    weight: float
    titles: tuple[str, ...]
    standfirsts: tuple[str, ...]
    lead: str
    paragraphs: tuple[str, ...]


def story(key: str, topics: str, section: str, weight: float, titles: list[str],
          standfirsts: list[str], lead: str, paragraphs: list[str]) -> Story:
    return Story(key, frozenset(topics.split()), section, weight, tuple(titles),
                 tuple(standfirsts), lead, tuple(paragraphs))


EN_STORIES = [
    story(
        "ukraine-grid", "ukraine", "world", 4,
        ["Ukraine races to repair power grid before the next cold snap",
         "Engineers in Ukraine restore electricity to {big},000 homes around {ua_city}",
         "Lights return in {ua_city} as Ukraine's grid operator finishes repairs"],
        ["Crews worked through the night to reconnect substations around {ua_city}.",
         "The grid operator says the worst outages in the region should now be over."],
        "Repair crews in Ukraine restored power to about {big},000 households in and around "
        "{ua_city} {on_weekday}, the national grid operator said, after a week in which rolling "
        "blackouts had left some districts without electricity for up to {num} hours a day.",
        ["{person}, a spokesperson for the operator, said engineers had replaced {num} "
         "transformers and rerouted lines around two damaged substations. “We are not out of the "
         "woods,” {person_last} said. “But the worst of the outages in this region should now be "
         "behind us.”",
         "Residents described queues at charging points set up in schools and libraries. In one "
         "apartment block on the edge of the city, neighbours shared a single generator to keep "
         "a lift running for elderly tenants on the upper floors.",
         "The government has asked households to limit the use of heaters, kettles and washing "
         "machines during the evening peak, between 5 p.m. and 10 p.m., when demand is highest "
         "and the network is most fragile.",
         "European partners have pledged further equipment, including mobile gas turbines and "
         "spare transformers, although officials said deliveries of the largest units can take "
         "several months.",
         "Energy economists say the repairs buy time rather than solve the underlying problem. "
         "“Every patch adds strain to a network that was designed decades ago,” said {person2}, "
         "an analyst at {think_tank}. “Smaller, local power plants are the only durable answer.”",
         "The operator said it would publish an updated outage schedule on its website and urged "
         "customers to report faults through its app rather than by phone, where waiting times "
         "have exceeded an hour."]),
    story(
        "ukraine-front", "ukraine russia", "world", 5,
        ["Ukraine says it repelled Russian assaults near {ua_city}",
         "Heavy fighting reported as Russia presses attacks in eastern Ukraine",
         "Ukraine's army reports {num} clashes with Russian forces in a day"],
        ["The claims could not be independently verified.",
         "Analysts say neither side has the reserves for a breakthrough."],
        "Ukraine's armed forces said {on_weekday} they had repelled {num} Russian assaults along "
        "the eastern front over the previous 24 hours, with the heaviest fighting reported in "
        "the hills south of {ua_city}.",
        ["The general staff said Russian units had used armoured vehicles and artillery in "
         "attempts to advance on several villages, but that defensive lines had held. The claims "
         "could not be independently verified, and Moscow did not immediately comment.",
         "Russia's defence ministry, in its own daily briefing, said its troops had “improved "
         "their positions” in the same area, a phrase it often uses to describe small gains.",
         "Military analysts say the front has changed little in recent months, with both sides "
         "relying on artillery and fortified positions. “Neither army has the reserves for a "
         "breakthrough right now,” said {person2}, a researcher at {think_tank}.",
         "Local officials in {ua_city} said shelling had damaged a school and several private "
         "houses overnight. No casualties were reported, but residents of villages close to the "
         "front were again urged to leave.",
         "Kyiv has repeatedly asked its allies to speed up deliveries of air-defence systems and "
         "ammunition, arguing that shortages allow Moscow to keep up pressure on the front.",
         "Volunteers who run evacuation buses from the area said demand had risen sharply. “People "
         "wait until the last possible moment,” said one driver, who gave only his first name, "
         "{first}. “Then they leave with one bag and a cat.”"]),
    story(
        "ukraine-drone-war", "ukraine russia drones", "world", 3,
        ["Ukraine says it downed {num} Russian drones overnight",
         "Russia launches wave of drones at Ukraine as air defences respond",
         "Drone debris damages homes in {ua_city} after Russian overnight attack"],
        ["Falling debris damaged a warehouse and several houses, the regional governor said.",
         "Mobile fire groups now bring down a growing share of the attack drones."],
        "Ukraine's air force said it shot down {num} of {num_plus} drones launched by Russia "
        "overnight, in an attack that targeted energy and transport facilities in several "
        "regions, including around {ua_city}.",
        ["Falling debris damaged a warehouse and several houses, regional governor {person} said "
         "in a statement. Firefighters put out a blaze at a storage site within two hours, and no "
         "one was seriously hurt.",
         "Moscow has stepped up its use of long-range attack drones in recent months, often "
         "launching them in waves at night to stretch air defences before missiles follow.",
         "Kyiv, for its part, has expanded its own drone production and has targeted fuel depots "
         "and airfields deep inside Russia. The Russian defence ministry said {on_weekday} it had "
         "intercepted several Ukrainian drones over border regions.",
         "“The drone war has become a contest of volume and cost,” said {person2}, who studies "
         "unmanned systems at {think_tank}. “A cheap drone that forces the defender to fire an "
         "expensive missile is a win for the attacker, even if it never reaches its target.”",
         "Mobile fire groups equipped with machine guns and searchlights now guard many towns, "
         "officials said, a low-cost layer of defence that has brought down a growing share of "
         "the drones.",
         "Power was briefly cut to {num},000 customers in the region while engineers checked "
         "damaged lines, the local utility said. Supplies were restored by mid-morning."]),
    story(
        "russia-economy", "russia", "business", 4,
        ["Russia's central bank holds key rate at {rate} per cent",
         "Russian rouble slips as oil revenue falls",
         "Russia's budget deficit widens, finance ministry data show"],
        ["Inflation remains well above the bank's target.",
         "Economists say a cut is possible at the next meeting."],
        "Russia's central bank kept its key interest rate at {rate} per cent {on_weekday}, saying "
        "inflation remained well above its target even as signs of slowing growth emerged in "
        "industry and retail.",
        ["The bank said price growth was running at an annualised {pct} per cent and warned that "
         "a tight labour market was pushing up wages faster than productivity.",
         "Economists polled before the meeting had mostly expected the decision. “The bank is "
         "buying time,” said {person2} of {think_tank}. “It wants to see evidence that the cooling "
         "is durable before it cuts.”",
         "The Russian economy has been reshaped by sanctions and heavy state spending. Defence "
         "manufacturing has grown quickly, while sectors that relied on imported parts, such as "
         "car making, have struggled.",
         "The rouble weakened slightly after the announcement, trading at around {fx} to the "
         "dollar in Moscow. Finance ministry data published earlier this month showed oil and gas "
         "revenue down {pct2} per cent from a year earlier.",
         "Small businesses complain that borrowing has become prohibitively expensive. A bakery "
         "owner in Kazan told local media she had shelved plans for a second shop until loans "
         "became cheaper.",
         "The central bank's board will next meet in {month_next}. Analysts said a cut was "
         "possible then if monthly inflation readings continue to ease."]),
    story(
        "israel-politics", "israel", "world", 5,
        ["Israel's coalition faces key budget vote",
         "Protests in Israel as parliament debates the budget",
         "Israel's opposition calls for early elections"],
        ["Two smaller coalition partners threaten to withhold support.",
         "Polls suggest no bloc would win a majority."],
        "Israel's governing coalition faced a crucial vote in parliament {on_weekday} over a "
        "budget package that has exposed deep divisions between its partners, with two smaller "
        "parties threatening to withhold their support.",
        ["Finance ministry officials said the package would raise spending on defence and housing "
         "while cutting grants to several ministries. Opposition leaders called the plan “a list "
         "of favours” and promised to fight it in committee.",
         "Thousands of people demonstrated outside the Knesset in Jerusalem on the eve of the "
         "debate, some carrying signs calling for early elections. Police said the protest was "
         "largely peaceful, though {num} people were detained after blocking a road.",
         "“This coalition has survived worse,” said {person2}, a political scientist at "
         "{think_tank}. “But every vote now comes at a price, and the price keeps going up.”",
         "Polls published this week suggested that none of the main blocs would win a majority "
         "if an election were held now, a result that could lead to months of coalition talks.",
         "Business groups urged lawmakers to pass the budget quickly, warning that uncertainty "
         "was already weighing on investment in the technology sector, which accounts for a "
         "large share of Israeli exports.",
         "If the budget is not passed by the legal deadline, parliament would dissolve "
         "automatically and Israel would head to another election."]),
    story(
        "iran-talks", "iran", "world", 3,
        ["Iran and European envoys resume nuclear talks in Vienna",
         "Iran says it is ready for ‘serious’ talks on its nuclear programme",
         "Inspectors report limited access at Iran's nuclear sites"],
        ["Diplomats describe expectations as low but not zero.",
         "The UN watchdog says its inspectors' access has been reduced."],
        "Diplomats from Iran and three European countries resumed talks in Vienna {on_weekday} on "
        "the future of Iran's nuclear programme, the first such meeting in several months, "
        "officials said.",
        ["Iran's delegation was led by deputy foreign minister {person_ir}, who told reporters on "
         "arrival that Tehran was ready for “serious and result-oriented” discussions provided "
         "sanctions relief was on the table.",
         "European officials said the talks were exploratory. One diplomat, who asked not to be "
         "named because the talks are confidential, said expectations were “low but not zero”.",
         "The UN nuclear watchdog said in its latest quarterly report that inspectors' access to "
         "some sites had been reduced, making it harder to verify the size of Iran's stockpile of "
         "enriched uranium.",
         "“Both sides want to avoid an escalation, but neither wants to be seen to blink first,” "
         "said {person2}, a non-proliferation expert at {think_tank}.",
         "Iran has always said its nuclear programme is for peaceful purposes. Oil exports and "
         "the value of the rial have been hit hard by sanctions, adding pressure on the "
         "government to find a diplomatic opening.",
         "A further round is expected in {month_next}, although neither side has confirmed a "
         "date or a venue."]),
    story(
        "iran-economy", "iran", "business", 2,
        ["Iran's rial hits new low on the open market",
         "Iran raises petrol prices as subsidy bill grows",
         "Shoppers in Tehran feel the squeeze as Iran's inflation tops {pct_high} per cent"],
        ["Traders in Tehran's currency exchange offices report brisk demand for dollars.",
         "Officials say the changes will protect the poorest households."],
        "Iran's currency fell to a record low against the dollar on the open market {on_weekday}, "
        "traders in Tehran said, extending a slide that has pushed up the price of imported food "
        "and medicine.",
        ["Annual inflation in Iran is running above {pct_high} per cent, according to the "
         "statistics centre, and economists say the official figure understates the rise in "
         "everyday prices.",
         "The government said it would raise the price of subsidised petrol beyond a monthly "
         "quota, arguing that cheap fuel mainly benefits wealthier households who drive more.",
         "“Every week the same basket costs more,” said {person_ir2}, a shopkeeper in a northern "
         "district of Tehran. “People buy smaller packets now, or they buy on credit.”",
         "Economists at {think_tank} said the measures could narrow the budget deficit but warned "
         "of protests, recalling unrest that followed earlier price rises.",
         "The central bank has tried to steady the rial by selling foreign currency through "
         "licensed exchange centres, with limited success."]),
    story(
        "iran-drone-exports", "iran drones", "world", 1,
        ["Report details Iran's growing drone exports",
         "Iran unveils new long-range drone at military exhibition"],
        ["Researchers traced components to several countries.",
         "Defence officials claim a range of more than {range} kilometres."],
        "Iran has expanded exports of military drones to several countries over the past two "
        "years, according to a report published {on_weekday} by researchers at {think_tank}, who "
        "examined wreckage, shipping records and company filings.",
        ["The report said Iranian-designed drones were now assembled at sites outside the country "
         "and that many components, from engines to navigation chips, were bought on the open "
         "market through intermediaries.",
         "At an exhibition near Tehran, Iran's defence ministry displayed a new long-range model "
         "that officials said could fly more than {range} kilometres. The claim could not be "
         "independently verified.",
         "“Cheap drones have become a calling card of Iranian defence diplomacy,” said "
         "{person2}, one of the report's authors. “They are easy to copy, easy to ship and hard "
         "to stop.”",
         "Governments that buy the drones say they use them for border surveillance. Critics say "
         "export controls have failed to keep up with how quickly the technology spreads.",
         "The researchers recommended closer checks on dual-use parts and better sharing of "
         "information between customs services."]),
    story(
        "drone-rules", "drones", "tech", 3,
        ["Regulators approve drone delivery trials in {city}",
         "New rules for hobby drones take effect next month",
         "Flights halted at {city} airport after drone sighting"],
        ["Operators will need to register and pass an online test.",
         "The trials will carry prescriptions and small parcels."],
        "Aviation regulators approved a year-long trial of drone deliveries in {city} "
        "{on_weekday}, allowing a logistics company to fly small parcels and prescriptions to "
        "customers within a {num}-kilometre radius of its depot.",
        ["The drones will fly along fixed corridors at no more than 120 metres and will be "
         "monitored by remote pilots, each responsible for up to {num_small} aircraft at a time.",
         "From next month, owners of hobby drones weighing more than 250 grams will have to "
         "register them and pass an online theory test. Those flying near airports without "
         "permission face fines of up to {money}.",
         "Flights at {city} airport were suspended for {num} minutes on Sunday evening after a "
         "pilot reported a drone near the approach path. Police said they were searching for "
         "the operator.",
         "“The technology is ready; the question is whether people will accept the noise,” said "
         "{person2} of {think_tank}. Early trials elsewhere drew complaints from residents "
         "about buzzing overhead.",
         "Privacy groups asked for clear limits on cameras fitted to delivery drones. The "
         "regulator said footage could be used only for navigation and safety.",
         "The company said it hoped to expand the service to {num_small} more towns if the trial "
         "met its safety targets."]),
    story(
        "economy-rates", "", "business", 6,
        ["Central bank leaves rates unchanged as inflation eases",
         "Inflation falls to {pct} per cent, lowest in two years",
         "Mortgage rates edge down as lenders compete for borrowers"],
        ["Policymakers signal that cuts may come later in the year.",
         "Food and energy prices rose more slowly last month."],
        "The central bank held its main interest rate at {rate_low} per cent {on_weekday}, saying "
        "that inflation was falling broadly as expected but that it wanted more evidence before "
        "lowering borrowing costs.",
        ["Consumer price inflation slowed to {pct} per cent last month, official figures showed, "
         "helped by smaller increases in food and energy prices. Services inflation, which the "
         "bank watches closely, remained stubborn.",
         "“The direction is right, the speed is not there yet,” said {person2}, chief economist "
         "at {think_tank}. “I would expect the first cut in {month_next} at the earliest.”",
         "Several lenders cut fixed mortgage rates this week, a sign that markets expect lower "
         "rates later this year. Brokers said first-time buyers had started to return.",
         "The bank's committee voted {vote} to keep rates on hold, with the minority preferring an "
         "immediate cut of a quarter point.",
         "Retailers welcomed the slowdown in prices but said household budgets remained "
         "stretched after two years of rapid increases.",
         "The next decision is due in {month_next}, alongside new forecasts for growth and "
         "unemployment."]),
    story(
        "economy-industry", "", "business", 5,
        ["Factory orders fall for a third month",
         "Retail sales rise {pct} per cent as shoppers return",
         "{company} to cut {big} jobs in restructuring"],
        ["Manufacturers blame weak export demand.",
         "Unions say they will fight the job cuts."],
        "New orders at manufacturers fell for a third consecutive month, a closely watched survey "
        "showed {on_weekday}, as weak demand from export markets outweighed a modest pick-up at "
        "home.",
        ["The index fell to {index}, below the 50 mark that separates growth from contraction. "
         "Firms reported that customers were running down stocks rather than placing new orders.",
         "Retail sales, by contrast, rose {pct} per cent from the previous month, lifted by warm "
         "weather and discounts on clothing and garden furniture.",
         "{company}, one of the region's largest employers, said it would cut {big} jobs over two "
         "years as it closes an older plant and moves production to a newer site.",
         "“This is a painful day for the town,” said {person}, a union representative. “We will "
         "look at every option to keep skilled people in work.”",
         "Economists at {think_tank} said the figures pointed to a slow recovery rather than a "
         "new downturn, with lower energy costs giving firms some relief.",
         "The government said it would meet company managers and local leaders next week to "
         "discuss retraining programmes for affected workers."]),
    story(
        "sport-football", "", "sport", 6,
        ["{team} beat {team2} {score} to go top of the table",
         "Late goal rescues draw for {team} against {team2}",
         "{team} sack manager after run of defeats"],
        ["A stoppage-time header settled a tense match.",
         "The board says a successor will be named within days."],
        "{team} moved to the top of the table with a {score} win over {team2} {on_weekday}, "
        "their {ordinal} victory in a row, in front of a sold-out crowd of {crowd} spectators.",
        ["The visitors started brightly and hit the post after ten minutes, but {team} took the "
         "lead shortly before half-time when {player} turned in a low cross at the near post.",
         "After the break the match opened up. {team2} equalised from a penalty before a header "
         "from a corner in stoppage time decided it.",
         "“We showed character today,” said {team}'s manager {person}. “We were not at our best "
         "for long spells, but the players never stopped running.”",
         "The defeat leaves {team2} {num_small} points behind the leaders with {num} matches left, "
         "and their manager admitted the title race was “slipping away”.",
         "Elsewhere, the board of a relegation-threatened club dismissed its manager after a run "
         "of five straight defeats, saying a successor would be named within days.",
         "Both sides now have a week off before the cup quarter-finals."]),
    story(
        "sport-tennis", "", "sport", 3,
        ["{player} reaches final after three-set battle",
         "Teenager {player} stuns top seed in straight sets"],
        ["The match lasted almost three hours.",
         "It is the biggest win of the teenager's career."],
        "{player} reached the final of the {city} Open {on_weekday}, coming from a set down to "
        "beat the defending champion in a match that lasted almost three hours.",
        ["Broken early in the first set, {player} struggled with the wind and a string of double "
         "faults before finding rhythm on serve midway through the second.",
         "The decisive break came at 4-4 in the third set, when a forehand pass down the line "
         "drew roars from the centre-court crowd.",
         "“I told myself to stay patient and trust my legs,” {player} said afterwards. “The crowd "
         "carried me through the last few games.”",
         "Earlier, an unseeded teenager knocked out the top seed in straight sets, the biggest win "
         "of her young career, to set up a semi-final against a fellow qualifier.",
         "The final is scheduled for {on_weekday_next} afternoon, with rain forecast."]),
    story(
        "culture", "", "culture", 5,
        ["{city} film festival opens with a family drama",
         "Museum in {city} reopens after five-year renovation",
         "Novelist {person} wins literary prize for debut"],
        ["Organisers say ticket sales are at a record high.",
         "The renovation cost more than {money}."],
        "The {city} film festival opened {on_weekday} with the premiere of a quiet family drama "
        "about three sisters who return to their childhood home to sell it, a choice that "
        "organisers said reflected a year of intimate, personal films.",
        ["More than {num} films from {num_small} countries will be shown over ten days, and "
         "organisers said advance ticket sales were the highest in the festival's history.",
         "Across town, the city museum reopened after a five-year renovation that added a glass "
         "roof over its central courtyard and new galleries for its textile collection.",
         "“We wanted a building that invites people in rather than intimidating them,” said "
         "director {person2}. Entry to the permanent collection will be free on Sundays.",
         "The renovation cost more than {money}, partly funded by a lottery grant and a public "
         "appeal that raised money from {big} individual donors.",
         "Separately, the novelist {person} won a national literary prize for a debut novel set "
         "in a fishing village, which judges called “funny, unsentimental and unforgettable”.",
         "The festival closes on the last weekend of the month with an open-air screening in the "
         "old harbour."]),
    story(
        "climate", "", "climate", 5,
        ["Heatwave warnings issued as temperatures near {temp}C",
         "Offshore wind farm approved after two-year review",
         "Floods force evacuations in {city} after days of rain"],
        ["Forecasters expect the heat to last into next week.",
         "The project could power {big},000 homes."],
        "Forecasters issued heat warnings for much of the country {on_weekday}, with temperatures "
        "expected to approach {temp}C in some inland areas by the weekend.",
        ["Health officials advised people to avoid strenuous activity in the afternoon, check on "
         "elderly neighbours and keep windows shaded during the day.",
         "The government approved a large offshore wind farm after a two-year review, saying the "
         "project could supply about {big},000 homes once completed at the end of the decade.",
         "In {city}, firefighters evacuated {num} households after a river burst its banks "
         "following several days of heavy rain. Emergency shelters were opened in two schools.",
         "“Events that used to be rare are becoming routine,” said {person2}, a climate "
         "scientist at {think_tank}. “Planning has to assume the extremes, not the averages.”",
         "Farmers warned that the combination of heat and dry soil could cut yields of wheat and "
         "barley, while water companies asked customers to use hosepipes sparingly.",
         "Environmental groups welcomed the wind farm decision but said grid connections were "
         "still too slow to approve."]),
    story(
        "tech", "", "tech", 4,
        ["{company} opens chip plant as demand for AI hardware grows",
         "Regulators fine {company} over data breach",
         "Start-up raises {money} to build cheaper batteries"],
        ["The plant will employ about {big} people.",
         "The breach affected the data of {big},000 customers."],
        "{company} opened a new semiconductor plant outside {city} {on_weekday}, part of an "
        "expansion driven by demand for chips used in artificial-intelligence data centres.",
        ["The plant will employ about {big} people when it reaches full production next year, the "
         "company said, and will make packaging components rather than the most advanced chips.",
         "Data protection regulators fined {company2} {money} after a breach exposed the names, "
         "addresses and purchase histories of about {big},000 customers.",
         "“Security was treated as an afterthought,” the regulator said in its decision. The "
         "company said it had since hired an outside firm to review its systems.",
         "A battery start-up raised {money} from investors to build cells that use sodium instead "
         "of lithium, which it says could cut costs for home storage.",
         "“The money buys us a pilot line, not a gigafactory,” said chief executive {person}. "
         "“But it lets us prove the chemistry at scale.”"]),
]

DE_STORIES = [
    story(
        "ukraine-front", "ukraine russia", "world", 5,
        ["Ukraine meldet schwere Kämpfe bei {ua_city}",
         "Russland verstärkt Angriffe im Osten der Ukraine",
         "Ukrainische Armee wehrt {num} russische Vorstöße ab"],
        ["Die Angaben lassen sich nicht unabhängig überprüfen.",
         "Militärexperten erwarten keinen schnellen Durchbruch."],
        "Die ukrainische Armee hat nach eigenen Angaben {on_weekday} {num} Angriffe russischer "
        "Truppen im Osten des Landes abgewehrt. Die schwersten Gefechte gab es demnach in der "
        "Hügellandschaft südlich von {ua_city}.",
        ["Russische Einheiten hätten mit Panzerfahrzeugen und Artillerie versucht, auf mehrere "
         "Dörfer vorzurücken, teilte der Generalstab in Kiew mit. Die Verteidigungslinien hätten "
         "gehalten. Unabhängig überprüfen ließen sich die Angaben nicht.",
         "Das Verteidigungsministerium in Moskau sprach in seinem täglichen Lagebericht davon, "
         "die eigenen Truppen hätten „ihre Positionen verbessert“ – eine Formulierung, die es "
         "häufig für kleine Geländegewinne verwendet.",
         "„Keine der beiden Armeen verfügt derzeit über die Reserven für einen Durchbruch“, sagte "
         "{person2}, {expert} bei der {think_tank}. Der Frontverlauf habe sich seit Monaten kaum "
         "verändert.",
         "In {ua_city} beschädigte nächtlicher Beschuss nach Angaben der Stadtverwaltung eine "
         "Schule und mehrere Wohnhäuser. Verletzte gab es nicht. Die Bewohner frontnaher Dörfer "
         "wurden erneut aufgefordert, ihre Häuser zu verlassen.",
         "Die Regierung in Kiew drängt ihre Verbündeten seit Wochen, Flugabwehrsysteme und "
         "Munition schneller zu liefern. Engpässe erlaubten es Russland, den Druck an der Front "
         "aufrechtzuerhalten.",
         "Freiwillige, die Evakuierungsbusse organisieren, berichten von steigender Nachfrage. "
         "„Viele warten bis zum letzten Moment“, sagt ein Fahrer. „Dann gehen sie mit einer "
         "Tasche und der Katze.“"]),
    story(
        "ukraine-drohnen", "ukraine russia drones", "world", 3,
        ["Ukraine wehrt nächtlichen Drohnenangriff Russlands ab",
         "Trümmer abgeschossener Drohnen beschädigen Häuser in {ua_city}"],
        ["Die Flugabwehr meldet {num} abgeschossene Drohnen.",
         "Verletzte gab es nach ersten Angaben nicht."],
        "Die ukrainische Luftwaffe hat in der Nacht nach eigenen Angaben {num} von {num_plus} "
        "Drohnen abgeschossen, die Russland auf Ziele in mehreren Regionen gestartet hatte, "
        "darunter die Umgebung von {ua_city}.",
        ["Herabfallende Trümmer beschädigten ein Lagerhaus und mehrere Wohnhäuser, teilte "
         "Gebietsgouverneur {person} mit. Die Feuerwehr löschte einen Brand auf einem "
         "Lagergelände innerhalb von zwei Stunden.",
         "Moskau setzt seit Monaten verstärkt auf Langstreckendrohnen, die oft in Wellen "
         "gestartet werden, um die Flugabwehr zu überlasten, bevor Raketen folgen.",
         "Kiew baut seinerseits die eigene Drohnenproduktion aus und greift Treibstofflager und "
         "Flugplätze in Russland an. Das russische Verteidigungsministerium meldete {on_weekday}, "
         "über Grenzregionen seien mehrere ukrainische Drohnen abgefangen worden.",
         "„Der Drohnenkrieg ist ein Wettlauf um Menge und Kosten“, sagte {person2}, {expert} "
         "für unbemannte Systeme bei der {think_tank}. „Eine billige Drohne, die den Verteidiger "
         "zu einer teuren Abwehrrakete zwingt, ist für den Angreifer ein Gewinn.“",
         "Mobile Einsatzgruppen mit Maschinengewehren und Suchscheinwerfern schützen inzwischen "
         "viele Städte. Sie holen nach offiziellen Angaben einen wachsenden Teil der Drohnen vom "
         "Himmel."]),
    story(
        "russland-wirtschaft", "russia", "business", 4,
        ["Russlands Zentralbank belässt Leitzins bei {rate} Prozent",
         "Rubel gibt nach – Russlands Öleinnahmen sinken"],
        ["Die Inflation liegt weiter deutlich über dem Ziel.",
         "Ökonomen halten eine Senkung im {month_next} für möglich."],
        "Die russische Zentralbank hat ihren Leitzins {on_weekday} bei {rate} Prozent belassen. "
        "Die Inflation liege weiter deutlich über dem Zielwert, auch wenn sich in Industrie und "
        "Handel eine Abkühlung abzeichne, hieß es zur Begründung.",
        ["Die Teuerung liege auf das Jahr hochgerechnet bei {pct} Prozent. Der angespannte "
         "Arbeitsmarkt treibe die Löhne schneller als die Produktivität, warnte die Notenbank.",
         "„Die Zentralbank kauft sich Zeit“, sagte {person2} von der {think_tank}. „Sie will "
         "sicher sein, dass die Abkühlung anhält, bevor sie senkt.“",
         "Sanktionen und hohe Staatsausgaben haben die russische Wirtschaft verändert. Die "
         "Rüstungsindustrie wächst kräftig, während Branchen, die auf importierte Bauteile "
         "angewiesen sind, etwa die Autoindustrie, zu kämpfen haben.",
         "Der Rubel gab nach der Entscheidung leicht nach. Nach Zahlen des Finanzministeriums "
         "lagen die Einnahmen aus Öl und Gas zuletzt um {pct2} Prozent unter dem Vorjahreswert.",
         "Der Rat der Notenbank tagt das nächste Mal im {month_next}. Sollte sich die monatliche "
         "Teuerung weiter abschwächen, sei dann eine Zinssenkung möglich, schätzen Ökonomen."]),
    story(
        "israel", "israel", "world", 4,
        ["Israels Koalition vor schwieriger Haushaltsabstimmung",
         "Proteste in Israel während der Haushaltsdebatte"],
        ["Zwei kleinere Partner drohen, die Zustimmung zu verweigern.",
         "Umfragen sehen keine Mehrheit für eines der Lager."],
        "Die Regierungskoalition in Israel steht {on_weekday} vor einer entscheidenden "
        "Abstimmung über den Haushalt. Zwei kleinere Partner drohen, ihre Zustimmung zu "
        "verweigern.",
        ["Das Paket sieht höhere Ausgaben für Verteidigung und Wohnungsbau vor, während mehrere "
         "Ministerien Kürzungen hinnehmen müssen. Die Opposition sprach von einer „Liste von "
         "Gefälligkeiten“.",
         "Vor der Knesset in Jerusalem demonstrierten am Vorabend der Debatte Tausende Menschen, "
         "viele forderten Neuwahlen. Die Polizei nahm {num} Personen fest, die eine Straße "
         "blockiert hatten.",
         "„Diese Koalition hat Schlimmeres überstanden“, sagte {person2}, {expert} bei der "
         "{think_tank}. „Aber jede Abstimmung hat inzwischen ihren Preis.“",
         "Nach jüngsten Umfragen käme keines der großen Lager auf eine eigene Mehrheit, wenn "
         "jetzt gewählt würde.",
         "Wird der Haushalt nicht fristgerecht verabschiedet, löst sich das Parlament "
         "automatisch auf, und Israel stünde vor einer weiteren Wahl."]),
    story(
        "iran", "iran", "world", 3,
        ["Iran und europäische Unterhändler nehmen Atomgespräche wieder auf",
         "Inspekteure melden eingeschränkten Zugang zu Irans Atomanlagen"],
        ["Diplomaten dämpfen die Erwartungen.",
         "Die UN-Behörde kann die Vorräte nicht mehr vollständig prüfen."],
        "Vertreter Irans und dreier europäischer Staaten haben {on_weekday} in Wien ihre "
        "Gespräche über das iranische Atomprogramm wieder aufgenommen – erstmals seit mehreren "
        "Monaten.",
        ["Die iranische Delegation wird von Vizeaußenminister {person_ir} geleitet. Teheran sei "
         "zu „ernsthaften und ergebnisorientierten“ Gesprächen bereit, sofern auch über eine "
         "Lockerung der Sanktionen gesprochen werde, sagte er bei seiner Ankunft.",
         "Europäische Diplomaten sprachen von Sondierungen. Die Erwartungen seien „niedrig, aber "
         "nicht null“, sagte ein Teilnehmer, der nicht namentlich genannt werden wollte.",
         "Die UN-Atomaufsicht berichtete zuletzt, der Zugang ihrer Inspekteure zu einigen "
         "Anlagen sei eingeschränkt worden. Damit lasse sich der Umfang der Vorräte an "
         "angereichertem Uran schwerer überprüfen.",
         "„Beide Seiten wollen eine Eskalation vermeiden, aber keine will zuerst nachgeben“, "
         "sagte {person2}, {expert} für Rüstungskontrolle bei der {think_tank}.",
         "Der Iran betont, sein Atomprogramm diene ausschließlich friedlichen Zwecken. Die "
         "Sanktionen belasten die Ölexporte und die Landeswährung schwer."]),
    story(
        "drohnen", "drones", "tech", 3,
        ["Behörde genehmigt Lieferdrohnen-Test in {city}",
         "Neue Regeln für Hobby-Drohnen ab dem kommenden Monat",
         "Drohnensichtung legt Flughafen {city} für {num} Minuten lahm"],
        ["Betreiber müssen sich künftig registrieren.",
         "Der Test soll ein Jahr dauern."],
        "Die Luftfahrtbehörde hat {on_weekday} einen einjährigen Test mit Drohnen für die "
        "Paketzustellung in {city} genehmigt. Ein Logistikunternehmen darf damit kleine Pakete "
        "und Medikamente im Umkreis von {num} Kilometern um sein Depot zustellen.",
        ["Die Drohnen fliegen auf festgelegten Korridoren in höchstens 120 Metern Höhe und werden "
         "von Fernpiloten überwacht, die jeweils bis zu {num_small} Fluggeräte steuern.",
         "Ab dem kommenden Monat müssen Besitzer von Hobby-Drohnen über 250 Gramm ihre Geräte "
         "registrieren und einen Online-Test bestehen. Wer ohne Genehmigung in Flughafennähe "
         "fliegt, riskiert ein Bußgeld.",
         "Am Flughafen {city} ruhte der Betrieb am Sonntagabend für {num} Minuten, nachdem ein "
         "Pilot eine Drohne nahe der Anflugschneise gemeldet hatte. Die Polizei sucht den "
         "Steuerer.",
         "„Die Technik ist reif, die Frage ist, ob die Menschen den Lärm akzeptieren“, sagte "
         "{person2} von der {think_tank}.",
         "Datenschützer fordern klare Grenzen für Kameras an Lieferdrohnen. Die Behörde erklärte, "
         "Aufnahmen dürften nur zur Navigation verwendet werden."]),
    story(
        "wirtschaft", "", "business", 7,
        ["Inflation sinkt auf {pct} Prozent",
         "Auftragseingang der Industrie fällt den dritten Monat in Folge",
         "{company_de} streicht {big} Stellen"],
        ["Vor allem Energie und Lebensmittel verteuerten sich weniger stark.",
         "Die Gewerkschaft kündigt Widerstand an."],
        "Die Inflation ist im vergangenen Monat auf {pct} Prozent gesunken, wie das Statistikamt "
        "{on_weekday} mitteilte. Vor allem Energie und Lebensmittel verteuerten sich weniger "
        "stark als zuvor.",
        ["Die Dienstleistungspreise, auf die die Notenbank besonders achtet, stiegen dagegen "
         "weiterhin kräftig. Ökonomen rechnen frühestens im {month_next} mit einer Zinssenkung.",
         "Der Auftragseingang der Industrie fiel den dritten Monat in Folge. Vor allem aus dem "
         "Ausland kamen weniger Bestellungen, Kunden bauten lieber ihre Lager ab.",
         "Der Maschinenbauer {company_de} kündigte an, in den nächsten zwei Jahren {big} Stellen "
         "abzubauen und ein älteres Werk zu schließen.",
         "„Das ist ein bitterer Tag für die ganze Region“, sagte {person}, Betriebsratschef des "
         "Werks. „Wir werden um jeden Arbeitsplatz kämpfen.“",
         "Ökonomen der {think_tank} sehen dennoch keine neue Rezession. Die gesunkenen "
         "Energiepreise verschafften den Unternehmen etwas Luft, sagte {person2}."]),
    story(
        "sport", "", "sport", 6,
        ["{team_de} schlägt {team2_de} {score} und übernimmt die Tabellenführung",
         "Später Ausgleich: {team_de} rettet Remis gegen {team2_de}",
         "{team_de} trennt sich von Trainer nach Niederlagenserie"],
        ["Ein Kopfball in der Nachspielzeit entschied die Partie.",
         "Der Verein will rasch einen Nachfolger präsentieren."],
        "{team_de} hat {on_weekday} mit einem {score} gegen {team2_de} die Tabellenführung "
        "übernommen. Vor {crowd} Zuschauern im ausverkauften Stadion war es der {ordinal_de} "
        "Sieg in Folge.",
        ["Die Gäste begannen stark und trafen nach zehn Minuten den Pfosten. Kurz vor der Pause "
         "gingen die Gastgeber durch {player_de} in Führung, der eine flache Hereingabe am "
         "kurzen Pfosten verwertete.",
         "Nach dem Seitenwechsel wurde die Partie offener. {team2_de} glich per Foulelfmeter aus, "
         "ehe ein Kopfball nach einer Ecke in der Nachspielzeit die Entscheidung brachte.",
         "„Die Mannschaft hat Charakter gezeigt“, sagte Trainer {person}. „Wir waren nicht "
         "immer gut, aber die Jungs haben nie aufgehört zu laufen.“",
         "Für {team2_de} wird es im Titelrennen nun schwer: Der Rückstand auf die Spitze beträgt "
         "{num_small} Punkte.",
         "Beide Mannschaften haben nun eine Woche Pause, bevor das Viertelfinale im Pokal "
         "ansteht."]),
    story(
        "kultur", "", "culture", 5,
        ["Filmfestival in {city} eröffnet mit leisem Familiendrama",
         "Stadtmuseum {city} öffnet nach fünf Jahren Umbau",
         "Debütroman von {person} gewinnt Literaturpreis"],
        ["Der Vorverkauf erreichte einen Rekord.",
         "Der Umbau kostete mehr als {money_de}."],
        "Das Filmfestival in {city} ist {on_weekday} mit der Premiere eines leisen Familiendramas "
        "eröffnet worden: Drei Schwestern kehren in ihr Elternhaus zurück, um es zu verkaufen.",
        ["Bis zum Ende der kommenden Woche laufen mehr als {num} Filme aus {num_small} Ländern. "
         "Der Vorverkauf sei so gut gewesen wie nie zuvor, teilten die Veranstalter mit.",
         "Das Stadtmuseum öffnete nach fünfjährigem Umbau wieder seine Türen. Ein gläsernes Dach "
         "überspannt nun den Innenhof, die Textilsammlung hat neue Säle bekommen.",
         "„Wir wollten ein Haus, das einlädt statt einschüchtert“, sagte Direktorin {person2}. "
         "Sonntags ist der Eintritt künftig frei.",
         "Der Umbau kostete mehr als {money_de}, finanziert unter anderem durch Spenden von "
         "{big} Bürgerinnen und Bürgern.",
         "Zum Abschluss zeigt das Festival am letzten Wochenende des Monats einen Film unter "
         "freiem Himmel im alten Hafen."]),
    story(
        "klima", "", "climate", 5,
        ["Hitzewarnung: Temperaturen bis {temp} Grad erwartet",
         "Offshore-Windpark nach zweijähriger Prüfung genehmigt",
         "Hochwasser in {city}: Anwohner müssen Häuser verlassen"],
        ["Die Hitze soll bis in die kommende Woche anhalten.",
         "Der Windpark könnte {big}.000 Haushalte versorgen."],
        "Der Wetterdienst hat {on_weekday} für weite Teile des Landes Hitzewarnungen "
        "ausgegeben. Im Binnenland könnten die Temperaturen bis zum Wochenende auf {temp} Grad "
        "steigen.",
        ["Gesundheitsbehörden raten, körperliche Anstrengung am Nachmittag zu vermeiden, nach "
         "älteren Nachbarn zu sehen und Fenster tagsüber abzudunkeln.",
         "Die Regierung genehmigte nach zweijähriger Prüfung einen großen Windpark vor der "
         "Küste. Er könnte nach Fertigstellung rund {big}.000 Haushalte mit Strom versorgen.",
         "In {city} mussten {num} Haushalte ihre Wohnungen verlassen, nachdem ein Fluss nach "
         "tagelangem Regen über die Ufer getreten war. In zwei Schulen wurden Notunterkünfte "
         "eingerichtet.",
         "„Was früher selten war, wird zur Routine“, sagte {person2}, {expert} bei der "
         "{think_tank}. „Die Planung muss sich an den Extremen orientieren, nicht an "
         "Durchschnittswerten.“",
         "Landwirte befürchten wegen Hitze und trockener Böden geringere Ernten bei Weizen und "
         "Gerste."]),
]

RU_STORIES = [
    story(
        "ukraine-front", "ukraine russia", "world", 5,
        ["ВСУ заявили об отражении {num} атак российских войск",
         "Россия усиливает натиск на востоке Украины",
         "Украина сообщает о тяжёлых боях под городом {ua_city_ru}"],
        ["Проверить эти данные независимо невозможно.",
         "Эксперты не ожидают быстрого прорыва ни с одной стороны."],
        "Вооружённые силы Украины {on_weekday} сообщили, что за сутки отразили {num} атак "
        "российских войск на восточном направлении. Самые тяжёлые бои, по их данным, шли под "
        "городом {ua_city_ru}.",
        ["По словам украинского генштаба, российские подразделения пытались продвинуться к "
         "нескольким сёлам при поддержке бронетехники и артиллерии, однако линия обороны "
         "выдержала. Независимо проверить эти сведения невозможно.",
         "Министерство обороны России в ежедневной сводке заявило, что его войска «улучшили "
         "положение по переднему краю» — так ведомство обычно описывает небольшие продвижения.",
         "«Ни у одной из армий сейчас нет резервов для прорыва», — {said2} {person2}, эксперт "
         "{think_tank_ru}. По {his2} словам, линия фронта почти не меняется уже несколько месяцев.",
         "Местные власти сообщили, что ночным обстрелом повреждены школа и несколько частных "
         "домов. Пострадавших нет. Жителей прифронтовых сёл вновь призвали эвакуироваться.",
         "Киев уже несколько недель просит союзников ускорить поставки систем ПВО и боеприпасов, "
         "утверждая, что их нехватка позволяет Москве сохранять давление на фронте."]),
    story(
        "ukraine-drones", "ukraine russia drones", "world", 3,
        ["Украина сообщила о {num} сбитых российских беспилотниках",
         "Обломки дронов повредили дома под городом {ua_city_ru}"],
        ["Пострадавших, по предварительным данным, нет.",
         "Мобильные огневые группы сбивают всё больше дронов."],
        "Воздушные силы Украины сообщили, что ночью сбили {num} из {num_plus} беспилотников, "
        "запущенных Россией по объектам энергетики и транспорта в нескольких областях.",
        ["Падающие обломки повредили склад и несколько жилых домов, {said} глава области "
         "{person}. Пожар на складе потушили за два часа.",
         "В последние месяцы Москва всё чаще запускает дальнобойные дроны волнами по ночам, "
         "чтобы перегрузить ПВО перед ракетным ударом.",
         "Киев, в свою очередь, наращивает собственное производство беспилотников и атакует "
         "нефтебазы и аэродромы на территории России. Российское Минобороны {on_weekday} "
         "сообщило о перехвате нескольких украинских дронов над приграничными регионами.",
         "«Война дронов превратилась в соревнование объёмов и стоимости, — {said2} {person2}, "
         "исследователь {think_tank_ru}. — Дешёвый аппарат, который вынуждает противника "
         "потратить дорогую ракету, — уже выигрыш для атакующего»."]),
    story(
        "russia-economy", "russia", "business", 4,
        ["ЦБ России сохранил ключевую ставку на уровне {rate}%",
         "Рубль слабеет на фоне падения нефтегазовых доходов России"],
        ["Инфляция остаётся значительно выше цели регулятора.",
         "Аналитики допускают снижение ставки на следующем заседании."],
        "Центральный банк России {on_weekday} сохранил ключевую ставку на уровне {rate}% "
        "годовых, указав, что инфляция по-прежнему значительно превышает целевой уровень.",
        ["По оценке регулятора, рост цен в пересчёте на год составляет {pct}%. Дефицит кадров "
         "подталкивает зарплаты вверх быстрее, чем растёт производительность труда.",
         "«Банк покупает время, — {said2} {person2} из {think_tank_ru}. — Он хочет убедиться, "
         "что охлаждение экономики устойчиво, прежде чем снижать ставку».",
         "Санкции и высокие госрасходы изменили структуру российской экономики: оборонные "
         "предприятия быстро растут, а отрасли, зависящие от импортных комплектующих, "
         "испытывают трудности.",
         "Нефтегазовые доходы бюджета, по данным Минфина, снизились на {pct2}% по сравнению с "
         "прошлым годом. Рубль после решения ЦБ немного ослаб.",
         "Малый бизнес жалуется на дорогие кредиты. Владелица пекарни в Казани рассказала, что "
         "отложила открытие второго магазина до снижения ставок."]),
    story(
        "israel", "israel", "world", 4,
        ["Правящая коалиция Израиля рискует провалить бюджет",
         "В Израиле проходят протесты на фоне бюджетных дебатов"],
        ["Два небольших партнёра по коалиции угрожают не поддержать проект.",
         "Опросы не дают большинства ни одному из блоков."],
        "Правящая коалиция Израиля {on_weekday} столкнулась с трудным голосованием по бюджету: "
        "две небольшие партии угрожают не поддержать законопроект.",
        ["Пакет предусматривает рост расходов на оборону и жильё при сокращении финансирования "
         "ряда министерств. Оппозиция назвала его «списком одолжений».",
         "У здания кнессета в Иерусалиме накануне дебатов собрались тысячи демонстрантов, многие "
         "требовали досрочных выборов. Полиция задержала {num} человек, перекрывших дорогу.",
         "«Эта коалиция переживала и худшее, — {said2} политолог {person2}. — Но теперь у "
         "каждого голосования есть своя цена».",
         "Если бюджет не будет принят в установленный срок, парламент будет автоматически "
         "распущен, и Израиль ждут новые выборы."]),
    story(
        "iran", "iran", "world", 3,
        ["Иран и европейские дипломаты возобновили переговоры в Вене",
         "МАГАТЭ сообщает об ограниченном доступе к ядерным объектам Ирана"],
        ["Дипломаты называют ожидания «низкими, но не нулевыми».",
         "Инспекторам стало сложнее проверять запасы урана."],
        "Представители Ирана и трёх европейских стран {on_weekday} возобновили в Вене переговоры "
        "о будущем иранской ядерной программы — впервые за несколько месяцев.",
        ["Иранскую делегацию возглавляет заместитель министра иностранных дел {person_ir_ru}. "
         "По его словам, Тегеран готов к «серьёзным и ориентированным на результат» переговорам, "
         "если речь пойдёт и о смягчении санкций.",
         "Европейские дипломаты называют встречу консультациями. Ожидания «низкие, но не "
         "нулевые», сказал один из участников на условиях анонимности.",
         "МАГАТЭ в последнем докладе сообщило, что доступ инспекторов к ряду объектов сокращён, "
         "из-за чего объём запасов обогащённого урана проверить сложнее.",
         "«Обе стороны хотят избежать эскалации, но никто не хочет уступать первым», — {said2} "
         "{person2}, эксперт по нераспространению.",
         "Иран настаивает на мирном характере своей ядерной программы. Санкции сильно ударили "
         "по экспорту нефти и курсу национальной валюты."]),
    story(
        "drones", "drones", "tech", 3,
        ["Регулятор разрешил испытания доставки дронами",
         "Владельцев беспилотников обяжут регистрировать аппараты"],
        ["Испытания продлятся год.",
         "Правила касаются аппаратов тяжелее 250 граммов."],
        "Авиационный регулятор {on_weekday} разрешил годовые испытания доставки посылок и "
        "лекарств с помощью дронов в радиусе {num} километров от склада логистической компании.",
        ["Беспилотники будут летать по заданным коридорам на высоте не более 120 метров под "
         "контролем операторов, каждый из которых отвечает за {num_small} аппаратов.",
         "Со следующего месяца владельцы любительских дронов тяжелее 250 граммов обязаны "
         "регистрировать их и сдавать онлайн-тест. За полёты у аэропортов без разрешения "
         "грозит штраф.",
         "«Технология готова, вопрос в том, смирятся ли люди с шумом», — {said2} {person2}, "
         "эксперт {think_tank_ru}.",
         "Правозащитники требуют ограничить использование камер на беспилотниках доставки. "
         "Регулятор заверил, что записи будут использоваться только для навигации."]),
    story(
        "economy", "", "business", 7,
        ["Инфляция в Латвии замедлилась до {pct}%",
         "Рижский порт сообщил о снижении грузооборота",
         "Компания {company_ru} сократит {big} рабочих мест"],
        ["Сильнее всего замедлился рост цен на продукты и энергию.",
         "Профсоюз обещает добиваться компенсаций."],
        "Годовая инфляция в Латвии в прошлом месяце замедлилась до {pct}%, сообщило "
        "статистическое управление {on_weekday}. Сильнее всего замедлился рост цен на продукты "
        "и энергию.",
        ["Цены на услуги, за которыми особенно внимательно следит центральный банк еврозоны, "
         "по-прежнему растут быстро. Экономисты ожидают снижения ставок не раньше осени.",
         "Рижский порт сообщил о снижении грузооборота на {pct2}% по сравнению с прошлым годом: "
         "транзит угля и удобрений продолжает сокращаться.",
         "Компания {company_ru} объявила о сокращении {big} рабочих мест и закрытии старого "
         "цеха в течение двух лет.",
         "«Для города это тяжёлый день», — {said} {person}, представитель профсоюза. По словам "
         "профсоюза, он будет добиваться переобучения и компенсаций для работников.",
         "Аналитики считают, что экономика восстанавливается медленно, но новой рецессии не "
         "ожидают: снижение цен на энергию даёт предприятиям передышку."]),
    story(
        "sport", "", "sport", 5,
        ["«{team_ru}» обыграл «{team2_ru}» со счётом {score} и возглавил таблицу",
         "«{team_ru}» спасся от поражения в матче с «{team2_ru}»"],
        ["Исход встречи решил гол в компенсированное время.",
         "Команды возьмут недельную паузу перед кубком."],
        "«{team_ru}» {on_weekday} обыграл «{team2_ru}» со счётом {score} и вышел на первое место "
        "в чемпионате. Матч прошёл при полных трибунах.",
        ["Гости начали активно и уже на десятой минуте попали в штангу, но перед перерывом "
         "хозяева вышли вперёд после точного удара с близкого расстояния.",
         "После перерыва игра стала открытой: «{team2_ru}» сравнял счёт с пенальти, а победу "
         "хозяевам принёс удар головой после углового в компенсированное время.",
         "«Команда показала характер, — {said} главный тренер {person}. — Мы не всегда "
         "играли хорошо, но ребята бились до конца».",
         "Теперь у команд неделя отдыха перед четвертьфиналом кубка."]),
    story(
        "culture", "", "culture", 5,
        ["В Риге открылся кинофестиваль",
         "Музей в Таллине открылся после пятилетней реконструкции"],
        ["Продажи билетов побили рекорд.",
         "Вход в постоянную экспозицию по воскресеньям будет бесплатным."],
        "Кинофестиваль в Риге {on_weekday} открылся премьерой камерной семейной драмы о трёх "
        "сёстрах, которые возвращаются в родительский дом, чтобы продать его.",
        ["За десять дней зрители увидят более {num} фильмов из {num_small} стран. По словам "
         "организаторов, предварительные продажи билетов стали рекордными.",
         "В Таллине после пятилетней реконструкции открылся городской музей: над внутренним "
         "двором появилась стеклянная крыша, а текстильная коллекция получила новые залы.",
         "«Мы хотели, чтобы здание приглашало, а не пугало», — {said2} директор музея "
         "{person2}. По воскресеньям вход в постоянную экспозицию будет бесплатным.",
         "Фестиваль завершится в последние выходные месяца показом под открытым небом в старом "
         "порту."]),
    story(
        "climate", "", "climate", 4,
        ["Синоптики предупреждают о жаре до {temp} градусов",
         "Паводок вынудил жителей покинуть дома"],
        ["Жара продержится до следующей недели.",
         "В школах открыты пункты временного размещения."],
        "Синоптики {on_weekday} объявили штормовое предупреждение из-за жары: к выходным "
        "температура в отдельных районах может подняться до {temp} градусов.",
        ["Врачи советуют избегать физических нагрузок во второй половине дня и навещать пожилых "
         "соседей.",
         "После нескольких дней проливных дождей река вышла из берегов, и {num} семей "
         "пришлось покинуть дома. В двух школах открыли пункты временного размещения.",
         "«То, что раньше было редкостью, становится нормой, — {said2} климатолог {person2}. — "
         "Планировать нужно с расчётом на крайности, а не на средние значения».",
         "Фермеры опасаются, что жара и засуха снизят урожай пшеницы и ячменя."]),
]


@dataclass(frozen=True)
class WireStory:
    """A Newswire agency story that several outlets run verbatim under their own headline."""

    story_id: str
    minute: int  # minutes after the burst starts that the agency filed it
    titles: tuple[str, ...]  # each carrying outlet re-edits the headline
    standfirst: str
    paragraphs: tuple[str, ...]  # the first starts with the dateline


WIRE_CREDIT = "Reporting by Newswire staff; Editing by {editor}"

BURST_WIRE = [
    WireStory(
        "NW-{date}-RASKANDAR-1", 15,
        ("Drones strike Gulf of Oman oil terminal; Iran-backed group suspected",
         "Drone attack hits Ras Kandar oil terminal, Iran-linked group suspected",
         "Drones set tank ablaze at Gulf oil terminal as suspicion falls on Iran",
         "Oil terminal on Gulf of Oman hit by drone swarm; officials point to Iran",
         "Drone swarm attacks Ras Kandar terminal, sources blame Iran-backed militia"),
        "A storage tank is on fire and loadings are halted, port officials say.",
        ("DUBAI (Newswire) - A swarm of drones struck the Ras Kandar oil terminal on the Gulf of "
         "Oman early {on_weekday}, setting at least one storage tank on fire and halting tanker "
         "loadings, port officials and two shipping sources said.",
         "Officials said at least {drones} drones approached the terminal from the sea shortly "
         "before dawn. Air defences brought down several of them, but at least two hit the tank "
         "farm, one of the sources told Newswire, asking not to be named because they were not "
         "authorised to speak to the media.",
         "Two security sources said the attack bore the hallmarks of an armed group backed by "
         "Iran, which has previously used long-range one-way attack drones against shipping. "
         "There was no immediate claim of responsibility, and Newswire could not independently "
         "verify the accounts.",
         "Iran's foreign ministry did not immediately respond to a request for comment.",
         "Ras Kandar handles around {barrels} barrels of crude a day, according to shipping "
         "data, and is one of the main loading points outside the Strait of Hormuz. Two tankers "
         "that were moored at the terminal moved away from the jetties after the attack, the "
         "shipping sources said.",
         "Civil defence teams were fighting the fire, and there were no reports of casualties, "
         "the port authority said in a brief statement.")),
    WireStory(
        "NW-{date}-RASKANDAR-2", 75,
        ("Iran denies role in drone attack on Ras Kandar terminal",
         "Iran rejects ‘baseless’ accusations over Gulf terminal drone strike",
         "Tehran denies involvement as drone strike on oil terminal stirs tension",
         "Iran says it had no part in drone attack on Gulf of Oman terminal"),
        "Tehran warns against ‘hasty accusations’ as investigators collect wreckage.",
        ("DUBAI (Newswire) - Iran denied any involvement {on_weekday} in the drone attack on "
         "the Ras Kandar oil terminal, calling accusations against it “baseless” and warning "
         "regional governments against “hasty conclusions”.",
         "“The Islamic Republic has no connection to this incident,” foreign ministry spokesman "
         "{person_ir} said in a statement carried by state media. He said Iran was ready to "
         "help any investigation.",
         "Investigators were collecting wreckage from the terminal and from the sea nearby, a "
         "port official said. Two security sources said fragments recovered so far resembled "
         "Iranian-designed drones used by armed groups in the region, but cautioned that such "
         "designs have been widely copied.",
         "The fire at the storage tank was brought under control by mid-morning, the port "
         "authority said. Loadings remained suspended while engineers inspected the jetties.",
         "Gulf governments called an emergency meeting of security officials for later in the "
         "day. Shipping companies said they were reviewing routes for tankers due at the "
         "terminal in the coming days.")),
    WireStory(
        "NW-{date}-RASKANDAR-OIL", 125,
        ("Oil prices jump after drone strike on Gulf terminal",
         "Oil jumps {oil_pct}% as Gulf terminal drone attack rattles markets",
         "Crude rallies after drones hit Ras Kandar; Iran denies role",
         "Oil surges as drone attack halts loadings at Gulf of Oman terminal"),
        "Brent crude rose as much as {oil_pct}% before paring gains.",
        ("LONDON (Newswire) - Oil prices jumped {on_weekday} after a drone attack halted loadings "
         "at the Ras Kandar terminal on the Gulf of Oman, reviving worries about supply from one "
         "of the world's most important producing regions.",
         "Brent crude futures rose as much as {oil_pct}% to ${brent} a barrel before paring "
         "gains. Traders said the market was watching whether loadings would resume quickly and "
         "whether the attack, which security sources linked to a group backed by Iran, was the "
         "start of a wider campaign.",
         "“The physical damage looks limited for now, but the market is pricing the risk of "
         "repeat attacks,” said {person2}, an analyst at {think_tank}. “Cheap drones can keep "
         "insurers and shipowners nervous for weeks.”",
         "Iran has denied any role in the attack. Tanker rates for routes out of the region rose "
         "and war-risk insurance premiums were expected to increase, brokers said.",
         "Stock markets in the Gulf fell in early trading, led by shipping and insurance "
         "companies.")),
]

BURST_EN = [
    story(
        "burst-explainer", "iran drones", "world", 1,
        ["What we know about the drone attack on the Ras Kandar oil terminal",
         "Ras Kandar drone strike: what we know so far"],
        ["Who might be behind it, what was hit, and why it matters for oil."],
        "A swarm of drones hit the Ras Kandar oil terminal on the Gulf of Oman before dawn "
        "{on_weekday}, setting a storage tank on fire and stopping tankers from loading. Here is "
        "what we know so far.",
        ["What was hit? Port officials say at least two drones struck the tank farm, the area "
         "where crude is stored before it is pumped aboard tankers. Several others were shot "
         "down over the water.",
         "Who is behind it? Nobody has claimed the attack. Security sources have pointed to an "
         "armed group backed by Iran, which has used similar long-range drones before. Iran "
         "denies any involvement.",
         "Why does it matter? Ras Kandar is one of the few large export terminals outside the "
         "Strait of Hormuz, so it is valued precisely because it avoids the region's most "
         "dangerous choke point.",
         "What happens next? Investigators are examining wreckage. Gulf governments have called "
         "an emergency security meeting, and shipping companies are reviewing their routes."]),
    story(
        "burst-analysis", "iran drones", "world", 1,
        ["Analysis: Iran's drone strategy moves from the battlefield to the sea lanes",
         "Analysis: Cheap drones, costly consequences – the Ras Kandar attack"],
        ["A low-cost weapon is forcing expensive choices on Gulf states."],
        "The attack on the Ras Kandar terminal, if confirmed to be the work of a group armed by "
        "Iran, would mark a shift: drones that have so far been used against military targets "
        "turned on the infrastructure that keeps oil flowing.",
        ["For years Iran has supplied partner groups with designs for long-range one-way attack "
         "drones, {person2} of {think_tank} said. “They are cheap enough to lose and accurate "
         "enough to matter. That combination changes the arithmetic of defence.”",
         "Defending a sprawling terminal against a swarm is hard. Radars struggle to pick up "
         "small, slow aircraft flying low over the sea, and each interceptor missile can cost "
         "far more than the drone it destroys.",
         "Gulf governments have invested heavily in air defence, but officials privately concede "
         "that no system can stop every drone. Some are now testing guns and electronic jammers "
         "as a cheaper outer layer.",
         "Tehran's denial leaves room for diplomacy, analysts say. But if the wreckage points to "
         "Iranian designs, pressure will grow for a response, and with it the risk of "
         "escalation in waters that carry a large share of the world's oil."]),
    story(
        "burst-shipping", "iran drones", "business", 1,
        ["Shipping firms reroute tankers after drone strike blamed on Iran-backed group",
         "Insurers raise war-risk premiums after Gulf terminal drone attack"],
        ["Tanker owners hold vessels at anchor as insurers reassess risk."],
        "Several tanker operators held vessels at anchor or diverted them to other ports "
        "{on_weekday} after drones struck the Ras Kandar terminal, in an attack security sources "
        "linked to an armed group backed by Iran.",
        ["Brokers said war-risk insurance premiums for voyages to the Gulf of Oman were likely to "
         "rise sharply, adding tens of thousands of dollars to the cost of a single trip.",
         "“Owners are not going to send crews into a port that was hit by drones a few hours "
         "ago without clarity,” said {person2}, a shipping analyst at {think_tank}.",
         "Iran has denied any involvement. The port authority said loadings would resume once "
         "engineers had inspected the jetties and pipelines.",
         "Freight rates for large crude carriers on routes out of the region rose on the news, "
         "and shares in tanker companies gained while airline stocks fell on higher fuel-cost "
         "expectations."]),
    story(
        "burst-live", "iran drones", "world", 1,
        ["Live: Drone attack on Gulf oil terminal – Iran denies involvement",
         "Live updates: Ras Kandar terminal hit by drones"],
        ["Follow our live coverage of the attack and the reaction."],
        "Welcome to our live coverage of the drone attack on the Ras Kandar oil terminal on the "
        "Gulf of Oman. Here are the latest developments.",
        ["{hhmm} – Port officials confirm that loadings are suspended and that a storage tank "
         "caught fire after at least two drones hit the tank farm before dawn.",
         "{hhmm2} – Security sources tell our correspondent that the drones appear similar to "
         "models used by armed groups backed by Iran. No one has claimed responsibility.",
         "{hhmm3} – Iran's foreign ministry calls the accusations “baseless”. The spokesman says "
         "Tehran is ready to support an investigation.",
         "{hhmm4} – Civil defence says the fire is under control. There are no reports of "
         "casualties. Gulf security officials will meet later today."]),
    story(
        "burst-witness", "iran drones", "world", 1,
        ["‘We heard the buzzing, then the blast’: workers describe Ras Kandar drone attack",
         "Terminal workers recount the moment drones hit Ras Kandar"],
        ["Workers on the night shift describe the attack."],
        "Workers on the night shift at the Ras Kandar terminal said they heard a low buzzing "
        "over the water minutes before the first explosion, as drones approached from the sea "
        "{on_weekday}.",
        ["“It sounded like a motorbike far away, then several of them,” said {first}, a "
         "maintenance technician who asked that his surname not be used. “Then the sky lit up.”",
         "Guards sounded the alarm and staff were moved to shelters in the administration "
         "building. Several drones were shot down over the water, workers said, but at least "
         "two reached the storage tanks.",
         "Security sources have linked the attack to an armed group backed by Iran. Tehran "
         "denies any involvement and says it will cooperate with investigators.",
         "By mid-morning the fire was under control. Many workers stayed on site to help, "
         "{first} said. “Nobody wanted to go home until it was out.”"]),
    story(
        "burst-diplomacy", "iran drones", "world", 1,
        ["Gulf states call emergency meeting as Iran denies drone attack",
         "Iran summons envoys over ‘hasty’ drone accusations"],
        ["Regional security officials meet as pressure on Tehran grows."],
        "Gulf governments called an emergency meeting of security officials {on_weekday} after "
        "the drone strike on the Ras Kandar terminal, while Iran summoned several ambassadors to "
        "protest against what it called hasty accusations.",
        ["Diplomats said the meeting would review air-defence coordination around ports and "
         "pipelines and discuss how to share radar data more quickly.",
         "Iran's foreign ministry said it had told the envoys that it had no link to the "
         "attack and warned that blaming Tehran without evidence would “serve those who want "
         "instability”.",
         "{person2}, a regional security expert at {think_tank}, said both sides had reasons to "
         "avoid escalation. “Nobody in the region wants an oil shock. But drones make deniable "
         "attacks cheap, and that is destabilising in itself.”",
         "The UN Secretary-General's office urged restraint and called for an independent "
         "investigation into the attack."]),
]

BURST_DE = [
    story(
        "burst-de-1", "iran drones", "world", 1,
        ["Drohnenangriff auf Ölterminal im Golf von Oman – Verdacht fällt auf Iran"],
        ["Ein Tank brennt, die Verladung von Öl ist gestoppt."],
        "Ein Schwarm von Drohnen hat {on_weekday} das Ölterminal Ras Kandar am Golf von Oman "
        "angegriffen. Mindestens ein Tank geriet in Brand, die Verladung auf Tanker wurde "
        "gestoppt.",
        ["Mehrere Drohnen seien über dem Meer abgeschossen worden, mindestens zwei hätten jedoch "
         "das Tanklager getroffen, berichteten Hafenbeamte. Verletzte gab es nach ersten "
         "Angaben nicht.",
         "Sicherheitskreise bringen den Angriff mit einer vom Iran unterstützten Miliz in "
         "Verbindung, die bereits früher Langstreckendrohnen gegen Schiffe eingesetzt hat. Ein "
         "Bekennerschreiben gab es zunächst nicht.",
         "Das Terminal gilt als wichtiger Ausweichhafen, weil es außerhalb der Straße von Hormus "
         "liegt. Zwei Tanker legten nach dem Angriff von den Anlegern ab."]),
    story(
        "burst-de-2", "iran drones", "world", 1,
        ["Iran weist Vorwürfe nach Drohnenangriff zurück"],
        ["Teheran spricht von „haltlosen Anschuldigungen“."],
        "Der Iran hat jede Beteiligung an dem Drohnenangriff auf das Ölterminal Ras Kandar "
        "bestritten. Die Vorwürfe seien „haltlos“, erklärte das Außenministerium in Teheran.",
        ["Ermittler sammeln Trümmerteile auf dem Gelände und im Meer. Sie ähneln nach Angaben "
         "aus Sicherheitskreisen Drohnen iranischer Bauart, die allerdings vielfach nachgebaut "
         "werden.",
         "„Billige Drohnen machen Angriffe, die sich niemandem sicher zuordnen lassen, sehr "
         "einfach“, sagte {person2}, {expert} bei der {think_tank}. „Das allein wirkt schon "
         "destabilisierend.“",
         "Die Golfstaaten haben für den späten Nachmittag ein Krisentreffen ihrer "
         "Sicherheitsbehörden einberufen."]),
    story(
        "burst-de-3", "iran drones", "business", 1,
        ["Ölpreis steigt nach Drohnenattacke am Golf – Iran bestreitet Beteiligung"],
        ["Die Sorte Brent verteuerte sich zeitweise um {oil_pct} Prozent."],
        "Der Drohnenangriff auf das Ölterminal Ras Kandar hat die Ölpreise {on_weekday} "
        "deutlich steigen lassen. Die Nordseesorte Brent verteuerte sich zeitweise um {oil_pct} "
        "Prozent.",
        ["Händler verwiesen auf die Sorge vor weiteren Angriffen. Sicherheitskreise bringen die "
         "Attacke mit einer vom Iran unterstützten Gruppe in Verbindung, Teheran bestreitet das.",
         "Reedereien ließen Tanker vor Anker gehen oder leiteten sie um. Versicherer dürften die "
         "Prämien für Fahrten in die Region deutlich anheben, hieß es bei Maklern.",
         "An den Börsen der Golfstaaten gaben die Kurse nach, vor allem Aktien von Reedereien "
         "und Versicherern."]),
]

BURST_RU = [
    story(
        "burst-ru-1", "iran drones", "world", 1,
        ["Беспилотники атаковали нефтяной терминал в Оманском заливе, подозрения пали на Иран"],
        ["На терминале горит резервуар, отгрузка нефти остановлена."],
        "Группа беспилотников {on_weekday} атаковала нефтяной терминал Рас-Кандар в Оманском "
        "заливе. По меньшей мере один резервуар загорелся, отгрузка нефти на танкеры "
        "остановлена.",
        ["По словам сотрудников порта, несколько дронов сбиты над морем, однако как минимум два "
         "попали в резервуарный парк. О пострадавших не сообщается.",
         "Источники в силовых структурах связывают атаку с вооружённой группировкой, которую "
         "поддерживает Иран. Ответственность за нападение пока никто не взял.",
         "Терминал — один из немногих крупных экспортных узлов за пределами Ормузского пролива. "
         "После атаки два танкера отошли от причалов."]),
    story(
        "burst-ru-2", "iran drones", "world", 1,
        ["Иран отрицает причастность к атаке дронов на терминал Рас-Кандар"],
        ["Тегеран называет обвинения «безосновательными»."],
        "МИД Ирана {on_weekday} отверг обвинения в причастности к атаке беспилотников на "
        "нефтяной терминал Рас-Кандар, назвав их «безосновательными».",
        ["Следователи собирают обломки на территории терминала и в море. По данным источников, "
         "они похожи на дроны иранской конструкции, которые, впрочем, широко копируются.",
         "«Дешёвые беспилотники позволяют наносить удары, которые трудно кому-либо приписать, — "
         "{said2} {person2}, эксперт {think_tank_ru}. — Это само по себе дестабилизирует "
         "регион».",
         "Страны Персидского залива созвали экстренное совещание по вопросам безопасности."]),
    story(
        "burst-ru-3", "iran drones", "business", 1,
        ["Нефть подорожала после атаки беспилотников на терминал в заливе"],
        ["Brent дорожала более чем на {oil_pct}%."],
        "Цены на нефть {on_weekday} резко выросли после атаки дронов на терминал Рас-Кандар в "
        "Оманском заливе. Фьючерсы на Brent в моменте дорожали на {oil_pct}%.",
        ["Трейдеры опасаются повторных атак. Источники связывают нападение с группировкой, "
         "которую поддерживает Иран; Тегеран свою причастность отрицает.",
         "Судоходные компании задерживают танкеры на рейде или меняют маршруты, а страховщики, "
         "по словам брокеров, повысят премии за военные риски.",
         "Фондовые рынки стран залива снизились, сильнее всего подешевели акции судоходных и "
         "страховых компаний."]),
]

# Topic-free paragraphs that fit any story of a section; they pad bodies to news length.
SECTION_EXTRAS: dict[str, dict[str, list[str]]] = {
    "en": {
        "world": [
            "Officials said more details would be made public in the coming days and urged "
            "people to rely on official statements rather than unverified reports circulating "
            "on social media, some of which had already turned out to be false or out of date.",
            "The developments are being watched closely in other capitals, where governments "
            "are weighing how to respond without taking steps that could inflame an already "
            "tense situation. Several foreign ministries said they would consult allies before "
            "deciding on any next steps.",
            "Reporters were given only limited access, and some of the accounts in this article "
            "could not be independently confirmed. This story will be updated as more "
            "information becomes available."],
        "business": [
            "Markets took the news in their stride. The main share index closed little changed, "
            "and government bond yields edged lower as investors turned their attention to next "
            "week's figures on employment and consumer spending.",
            "Business groups said companies still faced high costs for energy, wages and "
            "borrowing, and called on the government to cut red tape and speed up planning "
            "decisions for new factories, warehouses and power connections."],
        "sport": [
            "Organisers said demand for tickets for the coming rounds was the highest they had "
            "seen in years, and advised fans to buy only through official channels to avoid "
            "being caught out by fraudulent resale websites.",
            "Broadcasters reported strong viewing figures, with coverage drawing an audience of "
            "more than {num_small} million at its peak, a sign of the sport's growing "
            "popularity among younger viewers."],
        "culture": [
            "Organisers said they had worked hard to keep prices affordable, with discounted "
            "tickets for students and pensioners and a number of free events in parks and "
            "libraries across the city.",
            "Critics have broadly welcomed the programme, although some argued that the emphasis "
            "on well-known names left too little room for younger artists and for work from "
            "smaller countries."],
        "climate": [
            "Local authorities said their emergency plans had been updated after last year's "
            "extreme weather, with more staff on call and clearer warnings sent directly to "
            "mobile phones in affected areas.",
            "Scientists say a warming climate makes such extremes more frequent and more "
            "intense, and that adapting buildings, farms and infrastructure is becoming as "
            "urgent as cutting emissions."],
        "tech": [
            "Industry groups said the sector was growing quickly but warned that a shortage of "
            "engineers and lengthy approval procedures could slow investment unless the "
            "government acted.",
            "Consumer organisations urged regulators to keep pace with new technology, saying "
            "rules written a decade ago were no longer fit for products and services that "
            "collect large amounts of personal data."],
    },
    "de": {
        "world": [
            "Weitere Einzelheiten sollen in den kommenden Tagen bekannt gegeben werden. Die "
            "Behörden riefen dazu auf, sich an offizielle Mitteilungen zu halten und keine "
            "ungeprüften Berichte aus sozialen Netzwerken weiterzuverbreiten, von denen sich "
            "einige bereits als falsch erwiesen hätten.",
            "In anderen Hauptstädten werden die Entwicklungen aufmerksam verfolgt. Mehrere "
            "Außenministerien erklärten, sie stünden in engem Kontakt mit ihren Partnern und "
            "würden über weitere Schritte erst nach Rücksprache mit Verbündeten entscheiden.",
            "Journalisten erhielten nur eingeschränkten Zugang; einige Schilderungen in diesem "
            "Bericht ließen sich nicht unabhängig überprüfen. Der Artikel wird aktualisiert, "
            "sobald neue Informationen vorliegen."],
        "business": [
            "An den Finanzmärkten blieb die Reaktion verhalten. Der Leitindex schloss kaum "
            "verändert, die Renditen von Staatsanleihen gaben leicht nach. Anleger warten nun "
            "auf die Arbeitsmarktdaten der kommenden Woche.",
            "Wirtschaftsverbände klagen weiterhin über hohe Kosten für Energie, Löhne und "
            "Kredite. Sie fordern von der Bundesregierung weniger Bürokratie und schnellere "
            "Genehmigungen für neue Fabriken, Lager und Stromanschlüsse."],
        "sport": [
            "Die Nachfrage nach Eintrittskarten für die kommenden Spiele ist nach Angaben des "
            "Vereins so groß wie seit Jahren nicht. Fans sollten Tickets ausschließlich über "
            "offizielle Kanäle kaufen, um nicht auf betrügerische Weiterverkäufer hereinzufallen.",
            "Auch im Fernsehen war das Interesse groß: In der Spitze verfolgten mehr als "
            "{num_small} Millionen Zuschauer die Übertragung, darunter auffallend viele junge "
            "Menschen."],
        "culture": [
            "Die Veranstalter betonen, man habe die Preise bewusst niedrig gehalten. Für "
            "Studierende und Rentner gibt es ermäßigte Karten, dazu kommen zahlreiche kostenlose "
            "Veranstaltungen in Parks und Bibliotheken.",
            "Die Kritik lobt das Programm überwiegend. Manche bemängeln allerdings, dass große "
            "Namen zu viel Raum einnähmen und jüngere Künstlerinnen und Künstler zu kurz kämen."],
        "climate": [
            "Die Kommunen haben ihre Notfallpläne nach den Wetterextremen des vergangenen Jahres "
            "überarbeitet. Es gibt mehr Bereitschaftsdienste, und Warnungen werden direkt auf "
            "die Mobiltelefone in den betroffenen Gebieten geschickt.",
            "Nach Einschätzung von Fachleuten macht der Klimawandel solche Extreme häufiger und "
            "heftiger. Die Anpassung von Gebäuden, Landwirtschaft und Infrastruktur werde "
            "ebenso dringlich wie die Senkung der Emissionen."],
        "tech": [
            "Branchenverbände sprechen von einem schnell wachsenden Markt, warnen aber vor "
            "Fachkräftemangel und langwierigen Genehmigungsverfahren, die Investitionen bremsen "
            "könnten.",
            "Verbraucherschützer fordern, dass die Regulierung mit der technischen Entwicklung "
            "Schritt hält. Viele Regeln stammten aus einer Zeit, in der Geräte kaum persönliche "
            "Daten sammelten."],
    },
    "ru": {
        "world": [
            "Официальные лица пообещали сообщить подробности в ближайшие дни и призвали "
            "доверять только официальным заявлениям, а не непроверенным сообщениям в социальных "
            "сетях, часть которых уже оказалась ложной или устаревшей.",
            "За развитием событий внимательно следят в других столицах. Несколько министерств "
            "иностранных дел заявили, что поддерживают контакт с партнёрами и примут решение о "
            "дальнейших шагах только после консультаций с союзниками.",
            "Доступ журналистов был ограничен, и часть приведённых в материале сведений не "
            "удалось независимо подтвердить. Мы будем обновлять эту статью по мере поступления "
            "новой информации."],
        "business": [
            "Рынки отреагировали сдержанно: основной фондовый индекс закрылся почти без "
            "изменений, доходность государственных облигаций немного снизилась. Инвесторы ждут "
            "данных о занятости и потребительских расходах на следующей неделе.",
            "Деловые объединения жалуются на высокие расходы на энергию, зарплаты и кредиты и "
            "призывают власти сократить бюрократические процедуры и ускорить выдачу разрешений "
            "на строительство новых предприятий и складов."],
        "sport": [
            "По словам организаторов, спрос на билеты на ближайшие матчи стал самым высоким за "
            "последние годы. Болельщикам советуют покупать билеты только через официальные "
            "каналы, чтобы не стать жертвой мошенников.",
            "Трансляцию, по данным телекомпании, в пиковый момент смотрели более {num_small} "
            "миллионов зрителей, причём заметно выросла доля молодой аудитории."],
        "culture": [
            "Организаторы подчёркивают, что старались сохранить доступные цены: для студентов и "
            "пенсионеров предусмотрены скидки, а в парках и библиотеках пройдут бесплатные "
            "мероприятия.",
            "Критики в целом положительно оценили программу, хотя некоторые считают, что "
            "известным именам в ней уделено слишком много места, а молодым авторам — слишком "
            "мало."],
        "climate": [
            "Местные власти обновили планы действий в чрезвычайных ситуациях после экстремальной "
            "погоды прошлого года: увеличено число дежурных служб, а предупреждения рассылаются "
            "прямо на мобильные телефоны жителей.",
            "Учёные отмечают, что потепление делает подобные явления более частыми и "
            "интенсивными, и адаптация зданий, сельского хозяйства и инфраструктуры становится "
            "не менее срочной задачей, чем сокращение выбросов."],
        "tech": [
            "Отраслевые ассоциации говорят о быстром росте рынка, но предупреждают, что нехватка "
            "инженеров и долгие согласования могут затормозить инвестиции.",
            "Общества защиты прав потребителей призывают регуляторов не отставать от развития "
            "технологий: многие правила писались в то время, когда устройства почти не собирали "
            "персональные данные."],
    },
}

EN_FIRST = ["Jane", "Tom", "Priya", "Marcus", "Elena", "David", "Aisha", "Owen", "Laura",
            "Samuel", "Chloe", "Daniel", "Grace", "Nikhil", "Hannah", "Felix", "Ruth", "Callum"]
EN_LAST = ["Whitfield", "Okafor", "Brennan", "Lindqvist", "Marsh", "Castellano", "Hughes",
           "Adeyemi", "Porter", "Nakamura", "Fairclough", "Delacroix", "Rowe", "Sandoval",
           "Kowalczyk", "Ashworth", "Mbeki-Hall", "Quayle"]
DE_FIRST_M = ["Jonas", "Matthias", "Lukas", "Stefan", "Jörg", "Florian", "Tobias"]
DE_FIRST_F = ["Jana", "Ulrike", "Sophie", "Miriam", "Bärbel", "Katrin", "Lena"]
DE_LAST = ["Köhler", "Brückner", "Weißenborn", "Hölzl", "Lindemann", "Schäfer", "Dörfler",
           "Grünewald", "Maaß", "Vogt", "Pöschl", "Kranz"]
RU_MALE = ["Андрей Соколов", "Дмитрий Лебедев", "Илья Морозов", "Павел Кузнецов",
           "Сергей Волков", "Артём Беляев", "Глеб Орлов"]
RU_FEMALE = ["Мария Соколова", "Анна Лебедева", "Елена Морозова", "Ольга Кузнецова",
             "Наталья Волкова", "Дарья Белова", "Ксения Орлова"]
IR_NAMES = ["Mehdi Karimzadeh", "Hossein Rahnavard", "Ali-Reza Tavakkoli", "Saeed Bahrami"]
IR_NAMES_RU = ["Мехди Каримзаде", "Хосейн Рахнавард", "Али-Реза Таваккели", "Саид Бахрами"]
IR_SHOPKEEPERS = ["Reza Moradi", "Parisa Haddadi", "Kamran Etemadi"]

THINK_TANKS = {
    "en": ["the Halden Institute", "the Carrow Centre for Strategic Studies",
           "Brightwater Economics", "the Meridian Policy Forum", "the Lowther Foundation"],
    "de": ["Stiftung Weitblick", "Gesellschaft für Sicherheitsfragen",
           "Forschungsstelle Nordlicht", "Akademie für Energiepolitik"],
    "ru": ["Балтийского аналитического центра", "независимого института «Перспектива»",
           "Центра прикладной экономики"],
}
CITIES = {
    "en": ["Leeds", "Bristol", "Denver", "Adelaide", "Cork", "Halifax", "Porto", "Ghent"],
    "de": ["Kassel", "Würzburg", "Lübeck", "Göttingen", "Saarbrücken", "Jena", "Münster"],
    "ru": ["Рига", "Таллин", "Вильнюс"],
}
UA_CITIES = ["Kharkiv", "Dnipro", "Zaporizhzhia", "Sumy", "Poltava", "Mykolaiv", "Kramatorsk"]
UA_CITIES_DE = ["Charkiw", "Dnipro", "Saporischschja", "Sumy", "Poltawa", "Mykolajiw",
                "Kramatorsk"]
UA_CITIES_RU = ["Харьков", "Днепр", "Запорожье", "Сумы", "Полтава", "Николаев"]
TEAMS = ["Ashford Rovers", "Kingsbridge Athletic", "Hollins United", "Marlow Town",
         "Redcastle City", "Penwick Albion"]
TEAMS_DE = ["FC Grünhafen", "SV Lindenau 09", "Borussia Hölzingen", "TSV Mühlberg",
            "Fortuna Südstadt"]
TEAMS_RU = ["Балтика-Рига", "Даугава", "Северный порт", "Звезда-Лиепая"]
COMPANIES = ["Harwell Components", "Norvane Systems", "Castlegate Logistics", "Brightmoor Foods",
             "Tellurian Semiconductor", "Westvale Motors"]
COMPANIES_DE = ["Kleinert Maschinenbau", "Sommerfeld Antriebstechnik", "Ostwerk Logistik"]
COMPANIES_RU = ["«Балтийские станки»", "«Даугавпилсская фабрика»", "«Рижский трикотаж»"]
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"],
}
ON_WEEKDAY = {
    "en": ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
           "on Saturday", "on Sunday"],
    "de": ["am Montag", "am Dienstag", "am Mittwoch", "am Donnerstag", "am Freitag",
           "am Samstag", "am Sonntag"],
    "ru": ["в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу",
           "в воскресенье"],
}
ORDINALS_EN = ["third", "fourth", "fifth", "sixth", "seventh"]
ORDINALS_DE = ["dritte", "vierte", "fünfte", "sechste", "siebte"]


def person(lang: str, rng: random.Random) -> tuple[str, bool]:
    """A fictional name in the language, and whether it is a woman's name."""
    if lang == "de":
        female = rng.random() < 0.5
        first = rng.choice(DE_FIRST_F if female else DE_FIRST_M)
        return f"{first} {rng.choice(DE_LAST)}", female
    if lang == "ru":
        female = rng.random() < 0.5
        return rng.choice(RU_FEMALE if female else RU_MALE), female
    female = rng.random() < 0.5
    return f"{rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}", female


def make_slots(lang: str, rng: random.Random, local_time: datetime) -> dict[str, str]:
    """Every slot a template of the language may use, drawn once per article."""
    name, _ = person(lang, rng)
    name2, female2 = person(lang, rng)
    _, female1 = person(lang, rng)  # Russian verbs agree with the speaker's gender
    num = rng.randint(6, 48)
    weekday = local_time.weekday()
    month_next = (local_time.month % 12) + 1
    team, team2 = rng.sample(TEAMS, 2)
    team_de, team2_de = rng.sample(TEAMS_DE, 2)
    team_ru, team2_ru = rng.sample(TEAMS_RU, 2)
    company, company2 = rng.sample(COMPANIES, 2)
    hour = local_time.hour

    def decimal(value: float) -> str:
        text = f"{value:.1f}"
        return text if lang == "en" else text.replace(".", ",")

    return {
        "person": name,
        "person_last": name.split()[-1],
        "person2": name2,
        "first": rng.choice(EN_FIRST),
        "expert": "Expertin" if female2 else "Experte",
        "said": "заявила" if female1 else "заявил",
        "said2": "сказала" if female2 else "сказал",
        "his2": "её" if female2 else "его",
        "person_ir": rng.choice(IR_NAMES),
        "person_ir2": rng.choice(IR_SHOPKEEPERS),
        "person_ir_ru": rng.choice(IR_NAMES_RU),
        "think_tank": rng.choice(THINK_TANKS["en"]),
        "think_tank_ru": rng.choice(THINK_TANKS["ru"]),
        "city": rng.choice(CITIES["ru" if lang == "ru" else lang]),
        "ua_city": rng.choice(UA_CITIES_DE if lang == "de" else UA_CITIES),
        "ua_city_ru": rng.choice(UA_CITIES_RU),
        "on_weekday": ON_WEEKDAY[lang][weekday],
        "on_weekday_next": ON_WEEKDAY["en"][(weekday + 1) % 7].removeprefix("on "),
        "month_next": MONTHS["de" if lang == "de" else "en"][month_next - 1],
        "num": str(num),
        "num_plus": str(num + rng.randint(3, 15)),
        "num_small": str(rng.randint(2, 9)),
        "big": str(rng.randint(12, 95) * 10),
        "pct": decimal(rng.uniform(1.8, 4.9)),
        "pct2": str(rng.randint(8, 31)),
        "pct_high": str(rng.randint(32, 45)),
        "rate": str(rng.choice([16, 17, 18, 19, 21])),
        "rate_low": f"{rng.choice([3.75, 4.0, 4.25, 4.5])}",
        "fx": str(rng.randint(82, 99)),
        "vote": rng.choice(["7-2", "6-3", "5-4"]),
        "index": decimal(rng.uniform(45.5, 49.6)),
        "money": f"£{rng.randint(2, 90)} million",
        "money_de": f"{rng.randint(12, 90)} Millionen Euro",
        "range": str(rng.choice([1500, 2000, 2500])),
        "temp": str(rng.randint(33, 39)),
        "team": team, "team2": team2,
        "team_de": team_de, "team2_de": team2_de,
        "team_ru": team_ru, "team2_ru": team2_ru,
        "company": company, "company2": company2,
        "company_de": rng.choice(COMPANIES_DE),
        "company_ru": rng.choice(COMPANIES_RU),
        "player": f"{rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}",
        "player_de": f"{rng.choice(DE_FIRST_M)} {rng.choice(DE_LAST)}",
        "score": rng.choice(["2-1", "3-1", "1-0", "2-0", "3-2"]),
        "crowd": f"{rng.randint(18, 61)},{rng.randint(100, 999)}",
        "ordinal": rng.choice(ORDINALS_EN),
        "ordinal_de": rng.choice(ORDINALS_DE),
        "drones": str(rng.randint(8, 14)),
        "barrels": f"{rng.randint(6, 9)}00,000",
        "oil_pct": decimal(rng.uniform(3.1, 5.8)),
        "brent": f"{rng.uniform(78, 92):.2f}",
        "editor": rng.choice(["Tom Hale", "Ruth Okoro", "Sam Vidal"]),
        "hhmm": f"{(hour - 2) % 24:02d}:{rng.randint(0, 14):02d}",
        "hhmm2": f"{(hour - 1) % 24:02d}:{rng.randint(15, 29):02d}",
        "hhmm3": f"{(hour - 1) % 24:02d}:{rng.randint(30, 44):02d}",
        "hhmm4": f"{hour:02d}:{rng.randint(0, 9):02d}",
    }


def compose(story_: Story, lang: str, slots: dict[str, str], rng: random.Random,
            complete: bool = False) -> tuple[str, str, list[str]]:
    """(title, standfirst, paragraphs) for one article of a story family: the lead, most
    (or, if `complete`, all) of the family's paragraphs in order, then one or two of the
    section's extras."""
    title = rng.choice(story_.titles).format_map(slots)
    standfirst = rng.choice(story_.standfirsts).format_map(slots)
    own = story_.paragraphs
    keep = len(own) if complete else rng.randint(max(1, len(own) - 2), len(own))
    picked = sorted(rng.sample(range(len(own)), keep))
    extras = SECTION_EXTRAS[lang][story_.section]
    # Russian and German words run longer, so those bodies get both extras.
    extra_count = rng.randint(1, 2) if lang == "en" else 2
    paragraphs = [story_.lead, *(own[i] for i in picked), *rng.sample(extras, extra_count)]
    return title, standfirst, [p.format_map(slots) for p in paragraphs]
