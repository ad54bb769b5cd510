"""Text for the demo newsroom: story kinds in English, German and Russian, and the
machinery that turns one kind into many different articles.

Every sentence here was written for Newswatch; people, outlets, think tanks, teams and
the Ras Kandar terminal are fictional. A kind's `topics` is the ground truth: its text
names exactly those watched topics and no others, so the topic matcher can be scored.

Independently written articles must not look like copies to the story grouper
(`tasks/stories.py`, 4-word shingles), so a kind is not one text with blanks but a pool:
several leads, a dozen or more facts and a few voices, each sentence with alternatives
every few words (`[one|other]`) and slots (`{city}`) drawn per article; an article takes
a random part of the pool in random order, plus a few general facts of its section, and
`paraphrase` swaps common words. `tasks/newsroom.py` then keeps, of a few drafts, the one
least like the articles of its kind so far. Two articles of one kind share about 8% of
their 4-word shingles on average and under a quarter at most (`tests/test_newsroom.py`
checks the maximum); the Newswire copies in the burst share one text.

Adding a kind: write each sentence so that no run of more than four or five words is
fixed, and run the newsroom tests, which check topics, lengths and similarity.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Story:
    """A kind of news event: its section, the topics it is about and ways to tell it.

    Every article of a kind is about the same sort of event, so its title, standfirst
    and body agree; what differs from one article to the next is everything else.
    Templates mark alternatives as `[one|other|]` (nestable, an empty one drops the
    words) and slots as `{city}`. An article takes one title, one standfirst, one lead,
    a sample of `facts` in random order, one or two `voices` (a speaker and what they
    might say), sometimes a closer.
    """

    key: str
    topics: frozenset[str]
    section: str
    weight: float
    titles: tuple[str, ...]
    standfirsts: tuple[str, ...]
    leads: tuple[str, ...]
    facts: tuple[str, ...]
    voices: tuple[tuple[str, ...], ...]  # (speaker, quote, quote, ...)
    closers: tuple[str, ...] = ()
    ordered: bool = False  # a live page: facts keep their order
    general: bool = True  # may borrow the section's general facts (SECTION_FACTS)


def story(key: str, topics: str, section: str, weight: float, *, titles: list[str],
          standfirsts: list[str], leads: list[str], facts: list[str],
          voices: list[list[str]], closers: tuple[str, ...] | list[str] = (),
          ordered: bool = False, general: bool = True) -> Story:
    return Story(key, frozenset(topics.split()), section, weight, tuple(titles),
                 tuple(standfirsts), tuple(leads), tuple(facts),
                 tuple(tuple(v) for v in voices), tuple(closers), ordered, general)


Parsed = tuple[str | tuple["Parsed", ...], ...]  # text, or a choice among alternatives


@functools.cache
def parse(template: str) -> Parsed:
    """`template` split into plain text and `[a|b]` choices (each alternative parsed)."""
    parts: list[str | tuple[Parsed, ...]] = []
    i = 0
    while i < len(template):
        start = template.find("[", i)
        if start < 0:
            parts.append(template[i:])
            break
        parts.append(template[i:start])
        depth, begin, options = 0, start + 1, []
        for j in range(start, len(template)):
            c = template[j]
            if c == "[":
                depth += 1
            elif c == "]":
                depth -= 1
                if depth == 0:
                    options.append(parse(template[begin:j]))
                    break
            elif c == "|" and depth == 1:
                options.append(parse(template[begin:j]))
                begin = j + 1
        else:
            raise ValueError(f"unbalanced [ in template: {template!r}")
        parts.append(tuple(options))
        i = j + 1
    return tuple(p for p in parts if p != "")


def expand(template: str, rng: random.Random) -> str:
    """Resolve every `[a|b|c]` in `template` to one alternative (chosen by `rng`)."""
    out: list[str] = []
    _render(parse(template), rng.random, out)
    return "".join(out)


def _render(parsed: Parsed, random_: Callable[[], float], out: list[str]) -> None:
    for part in parsed:
        if type(part) is str:
            out.append(part)
        else:
            _render(part[int(random_() * len(part))], random_, out)


# How each language attributes a quote: {q} is the quote without its closing full stop,
# {s} the speaker, {S} the speaker at the start of a sentence.
QUOTE_FRAMES = {
    "en": ["“{q},” [said|says] {s}.", "{S} said: “{q}.”", "“{q},” [added|explained] {s}."],
    "de": ["„{q}“, [sagte|erklärte|betonte] {s}.", "{S} [sagte|meinte]: „{q}.“",
           "„{q}“, so {s}."],
    "ru": ["«{q}», — [говорит|отмечает|считает|подчёркивает] {s}.",
           "{S} [говорит|поясняет|отмечает]: «{q}»."],
}


# Words a body aims for (drawn per article); German and Russian words carry more.
TARGET_WORDS = {"en": (160, 200), "de": (165, 230), "ru": (160, 220)}
MAX_WORDS = 480


# Words a writer picks one way or another (keys lower case), swapped per occurrence:
# only swaps that keep the grammar of every sentence in this module.
PARAPHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"several": ("several", "a number of"),
           "quickly": ("quickly", "rapidly", "fast"), "warned": ("warned", "cautioned"),
           "urged": ("urged", "called on"), "began": ("began", "started"),
           "rose": ("rose", "climbed"), "fell": ("fell", "dropped"),
           "because": ("because", "as"), "firms": ("firms", "companies"),
           "in recent months": ("in recent months", "over the past few months"),
           "officials said": ("officials said", "according to officials"),
           "large": ("large", "big")},
    "de": {"mehrere": ("mehrere", "einige"), "mehr als": ("mehr als", "über"),
           "zuletzt": ("zuletzt", "jüngst"),
           "derzeit": ("derzeit", "zurzeit", "momentan"),
           "inzwischen": ("inzwischen", "mittlerweile"),
           "deutlich": ("deutlich", "spürbar"),
           "weiterhin": ("weiterhin", "nach wie vor"), "bereits": ("bereits", "schon"),
           "jedoch": ("jedoch", "allerdings"), "schnell": ("schnell", "rasch"),
           "nach angaben": ("nach Angaben", "laut Angaben")},
    "ru": {"сообщили": ("сообщили", "рассказали"), "сообщил": ("сообщил", "заявил"),
           "заявили": ("заявили", "сообщили"), "сейчас": ("сейчас", "теперь"),
           "по-прежнему": ("по-прежнему", "всё ещё"),
           "значительно": ("значительно", "заметно", "существенно"),
           "быстро": ("быстро", "стремительно")},
}
_PARAPHRASABLE = {lang: re.compile(r"\b(?:" + "|".join(
    re.escape(k) for k in sorted(table, key=len, reverse=True)) + r")\b", re.IGNORECASE)
    for lang, table in PARAPHRASES.items()}


def paraphrase(text: str, lang: str, rng: random.Random) -> str:
    """`text` with each paraphrasable phrase replaced by one of its equivalents."""
    def swap(match: re.Match[str]) -> str:
        choice = rng.choice(PARAPHRASES[lang][match.group().lower()])
        return choice[:1].upper() + choice[1:] if match.group()[:1].isupper() else choice

    return _PARAPHRASABLE[lang].sub(swap, text)


def fill(template: str, rng: random.Random, slots: dict[str, str]) -> str:
    return expand(template, rng).format_map(slots)


def quote(voice: tuple[str, ...], lang: str, rng: random.Random,
          slots: dict[str, str]) -> str:
    """One voice's line, attributed the way the language does it."""
    speaker = fill(voice[0], rng, slots)
    said = fill(rng.choice(voice[1:]), rng, slots)
    frame = expand(rng.choice(QUOTE_FRAMES[lang]), rng)
    opener = speaker[:1].upper() + speaker[1:]
    if "," in speaker:  # "Jane Doe, an analyst at X, said: ..."
        opener += ","
    text = frame.replace("{q}", said).replace("{s}", speaker).replace("{S}", opener)
    for mark in "?!":  # “Why now?” said X, not “Why now?,” said X
        text = text.replace(f"{mark},”", f"{mark}”").replace(f"{mark}.”", f"{mark}”")
        text = text.replace(f"{mark}.“", f"{mark}“").replace(f"{mark}»,", f"{mark}»")
    return text


def compose(story_: Story, lang: str, slots: dict[str, str], rng: random.Random,
            variant: int | None = None) -> tuple[str, str, list[str]]:
    """(title, standfirst, paragraphs) for one article of a kind.

    The lead comes first; then facts in random order, one or two voices among them, a
    paragraph sometimes holding two facts, until the body reaches its drawn length; a
    closer now and then. `variant` (a burst story told again by another outlet) takes
    the variant-th title and lead and only every other fact and voice, so two tellings
    share no sentence. The caller runs `paraphrase` over the draft it keeps.
    """
    def mine(seq: tuple) -> list:
        if variant is None:
            return list(seq)
        return [x for i, x in enumerate(seq) if i % 2 == variant % 2] or list(seq)

    def one(seq: tuple) -> str:
        return seq[variant % len(seq)] if variant is not None else rng.choice(seq)

    title = fill(one(story_.titles), rng, slots)
    standfirst = fill(one(story_.standfirsts), rng, slots)
    paragraphs = [fill(one(story_.leads), rng, slots)]
    facts, voices = mine(story_.facts), mine(story_.voices)
    if not story_.ordered:
        rng.shuffle(facts)
    rng.shuffle(voices)
    items: list[tuple[str, Any]] = [("fact", f) for f in facts]
    shared = SECTION_FACTS[lang].get(story_.section, []) if story_.general else []
    for extra in rng.sample(shared, min(len(shared), rng.randint(1, 3))):
        items.insert(rng.randint(0, len(items)), ("fact", extra))
    for voice in voices[:rng.randint(1, min(2, len(voices)))] if voices else []:
        items.insert(rng.randint(1, len(items)) if items else 0, ("voice", voice))
    target = rng.randint(*TARGET_WORDS[lang])
    words = len(paragraphs[0].split())
    while items and (words < target or len(paragraphs) < 4):
        kind, what = items.pop(0)
        if kind == "voice":
            text = quote(what, lang, rng, slots)
        else:
            text = fill(what, rng, slots)
            if items and items[0][0] == "fact" and rng.random() < 0.35:
                text += " " + fill(items.pop(0)[1], rng, slots)
        if words + len(text.split()) > MAX_WORDS:
            break
        paragraphs.append(text)
        words += len(text.split())
    closers = mine(story_.closers)
    if closers and rng.random() < 0.6:
        closer = fill(rng.choice(closers), rng, slots)
        if words + len(closer.split()) <= MAX_WORDS:
            paragraphs.append(closer)
    return title, standfirst, paragraphs

EN_STORIES = [
    story(
        "ukraine-grid", "ukraine", "world", 4,
        titles=["Ukraine [races|rushes] to repair its power grid before the next cold snap",
                "Engineers in Ukraine restore power to {big},000 homes around {ua_city}",
                "Lights [return|come back on] in {ua_city} as Ukraine's grid operator finishes "
                "repairs"],
        standfirsts=["Crews worked through the night to reconnect substations around {ua_city}.",
                     "The [grid|network] operator says the worst of the outages [should now be "
                     "over|may be behind the region]."],
        leads=[
            "Repair crews in Ukraine [restored|reconnected] [power|electricity] to [about|some] "
            "{big},000 households [in and around|across] {ua_city} {on_weekday}, the grid "
            "operator said, [after a week of|ending days of] rolling blackouts that [had "
            "left|left] some districts [without electricity|in the dark] for up to {num_small} "
            "hours a day.",
            "{On_weekday}, for the first time in [more than a week|{num_small} days], "
            "[most|nearly all] streets [in|around] {ua_city} had [light|power] after dark: "
            "Ukraine's grid operator said [its crews|engineers] had reconnected {big},000 "
            "[homes|households].",
            "[Electricity|Power] [was back|returned] {on_weekday} [for|to] {big},000 homes "
            "around {ua_city}, [Ukraine's grid operator said|according to the operator of "
            "Ukraine's grid], after [round-the-clock|emergency] repairs to substations "
            "[battered|worn down] by [weeks|months] of [outages|overloads]."],
        facts=[
            "[Engineers|Crews|Repair teams] [replaced|swapped out|installed] {num} [new |spare "
            "|]transformers and [rerouted|diverted|redirected] [lines|cables] around "
            "[two|three|several] [damaged|broken] substations[, the operator said|].",
            "[Residents|People|Families] [described|spoke of|recalled] [long |]queues at "
            "[charging points|heating tents|warming centres] [set up|opened] in "
            "[schools|libraries|town halls][ and community centres|].",
            "In one [apartment|tower|nine-storey] block [on the edge of|outside|in the west of] "
            "the city, [neighbours|tenants] [shared|clubbed together for|pooled money for] a "
            "[single |]generator to keep [a|the] lift running for [elderly|older] "
            "[tenants|residents].",
            "[The government|Ministers|Officials] [have asked|urged|told] "
            "[households|people|families] to [limit|cut back on|avoid] [heaters and "
            "kettles|electric heating|washing machines and ovens] [during|in] the evening peak[, "
            "when demand is highest|].",
            "[European|Western] [partners|governments|donors] have [pledged|promised|sent] "
            "[more|further|extra] [equipment|hardware], [including|such as] [mobile gas "
            "turbines|spare transformers|cables and switchgear].",
            "[Hospitals|Maternity wards|Clinics] and [water|sewage] pumping stations were "
            "[reconnected first|given priority|first in line][, followed by homes|].[| Schools "
            "came next.]",
            "[Some|A few|Several] [districts|suburbs|neighbourhoods] [in the east|on the north "
            "side|in the south] of {ua_city} [still face|will still see|remain on] "
            "[scheduled|rolling|planned] [cuts|outages] of up to {num_small} hours [a day|daily].",
            "[Cafes|Bakeries|Corner shops] [run|keep|rely on] [diesel|petrol|noisy] generators "
            "[on the pavement|by the door|in the yard][, filling the street with fumes|].",
            "[A|One] [hairdresser|barber|tailor] [in the centre|near the station|on the main "
            "square] [said she|said he|explained that she] now [works|cuts hair|sews] by "
            "[torchlight|battery lamp|the light of a phone] [during|whenever there are] cuts.",
            "[Forecasters expect|The weather service predicts|Meteorologists warn of] "
            "[temperatures of|frosts down to|nights at] minus {num_small}C [next week|within "
            "days|by the weekend][, which would push up demand|].",
            "[The largest|Big|Heavy] transformers [take|can take|need] [months|up to a year] to "
            "[build|manufacture], [so|which is why] [engineers|crews] [cannibalise|strip] "
            "[parts|components] from [older|damaged|retired] [units|stations].",
            "[Mobile|Small|Portable] [boiler houses|heating plants] [have been|were] "
            "[installed|brought in|set up] [next to|beside|near] [hospitals|blocks of flats] [so "
            "that radiators stay warm|to keep the heating on] [when the grid fails|during "
            "blackouts].",
            "[Traffic lights|Trams|Trolleybuses] [stopped|went dark|stood still] [across|in "
            "parts of|throughout] the city [during|in] the [worst|longest] [outages|cuts], "
            "[and|while] [police|volunteers] [directed traffic|kept order] at [major|busy] "
            "[junctions|crossings].",
            "[Solar panels|Home batteries|Power banks] [have sold out|are in short supply|are "
            "hard to find] in [local|many] [shops|stores], [traders|sellers] [said|say], "
            "[with|and] [prices up|costs rising] [sharply|by a third].",
            "[Grid|Energy] [engineers|officials] [said|say] [the|this] [system|network] [was "
            "built|was designed] [decades ago|in the last century] [for|around] [a few|large] "
            "[central|big] power stations."],
        voices=[
            ["{person}, a [spokesperson|spokeswoman|press officer] for the operator",
             "[We are not out of the woods.|Nobody should celebrate yet.|It has been a hard "
             "week.] [But the worst of the outages should now be behind us|Our crews will keep "
             "going until every street has power|We ask people to be patient a little longer]"],
            ["{person2}, an [energy analyst|analyst|economist] at {think_tank}",
             "[Every patch adds strain to an old network.|The repairs buy time, nothing more.] "
             "[Smaller, local power plants are the only durable answer|Big stations are simply "
             "too easy to knock out|The grid needs to be rebuilt, not patched]"],
            ["{person3}, [a teacher|a pensioner|a shop owner] in {ua_city}",
             "[We charge everything we can whenever the lights come on.|You learn to cook fast.] "
             "[The children do their homework by torch|When the power comes back, every stove in "
             "the building is on|Nobody complains any more, we just get on with it]"]],
        closers=["The operator said it would publish an updated outage schedule [on its "
                 "website|online] and asked customers to report faults through its app.",
                 "[More|Further] repairs are planned [over the weekend|in the coming days], [the "
                 "operator said|officials said]."]),
    story(
        "ukraine-front", "ukraine russia", "world", 5,
        titles=["Ukraine says it repelled {num} Russian assaults near {ua_city}",
                "Heavy fighting [reported|near {ua_city}] as Russia presses attacks in eastern "
                "Ukraine",
                "Ukraine's army [reports|counts] {num} clashes with Russian forces in a day"],
        standfirsts=["The claims could not be independently verified.",
                     "[Analysts|Military experts] say neither side has the reserves for a "
                     "breakthrough."],
        leads=[
            "Ukraine's armed forces said {on_weekday} they had [repelled|fought off|beaten back] "
            "{num} Russian assaults along the eastern front [over the previous 24 hours|in a "
            "single day], with the [heaviest|fiercest] fighting [reported|taking place] in the "
            "[hills|fields|villages] south of {ua_city}.",
            "Russian troops [launched|mounted|attempted] {num} [assaults|attacks] on Ukrainian "
            "positions near {ua_city} [in a day|within 24 hours], Ukraine's general staff said "
            "{on_weekday}, [adding|and said] that [its lines had held|the defences held].",
            "{On_weekday} brought [another|a further] day of [heavy|intense|grinding] fighting "
            "[around|near|south of] {ua_city}, where Ukraine's army said it [had "
            "stopped|halted|repelled] {num} Russian [attacks|attempts to advance]."],
        facts=[
            "[According to|In the words of] the general staff, Russian units [used|brought "
            "up|relied on] [armoured vehicles|tanks and infantry carriers] and [artillery|heavy "
            "guns] [in attempts|trying|as they tried] to [advance on|reach|take] "
            "[several|two|three] villages.",
            "The claims could not be [independently verified|checked independently][, and|;] "
            "[Moscow|the Russian side] did not [immediately comment|respond to requests for "
            "comment].",
            "Russia's defence ministry[, in its daily briefing,|] said its troops had “improved "
            "their positions” [in the same area|nearby], a phrase it [often|usually|regularly] "
            "uses [for|to describe] small gains.",
            "[The front|The line of contact] has [changed|moved] [little|only a few kilometres] "
            "in recent months, [with both sides|as both armies] [relying on|dug into] "
            "[artillery|trenches] and [fortified positions|minefields].",
            "[Local officials|The city council|Regional authorities] in {ua_city} said "
            "[overnight|night-time] shelling had damaged a [school|clinic|kindergarten] and "
            "[several|{num_small}] [private|residential] houses.",
            "[No casualties were reported|Nobody was hurt|There were no reports of injuries], "
            "but [residents|families] of [villages|settlements] [close to|near] the front were "
            "[again|once more] [urged|told|asked] to leave.",
            "Kyiv has [repeatedly|again and again] asked its allies to [speed up|accelerate] "
            "[deliveries|shipments] of [air-defence systems|artillery shells|ammunition], "
            "[arguing|saying] that [shortages|gaps] [allow|help] Moscow to keep up pressure.",
            "[Volunteers|Drivers|Charities] who [run|operate|organise] evacuation buses "
            "[from|out of] the area said [demand had risen sharply|more people were asking to "
            "leave|the buses were full every day].",
            "[Medics|Army doctors|Field surgeons] at a [stabilisation point|field hospital] "
            "[behind the lines|near the front] said they had [treated|taken in] {num_small} "
            "[wounded soldiers|wounded] [overnight|since the evening|in a single night].",
            "[Ukrainian|Kyiv's] [commanders|officers] [complain|say] that [fresh|new] "
            "[recruits|troops] [arrive too slowly|are too few] to [rotate|relieve] "
            "[exhausted|tired] [units|brigades] [that have been|who have been] [in the "
            "line|fighting] for months.",
            "[Satellite images|Aerial photographs|Satellite pictures] [published|shared] by "
            "[independent|open-source] [analysts|researchers] [show|suggest] [new|fresh] "
            "[trenches|lines of defence] being [dug|built] [behind|west of] {ua_city}.",
            "[Trains|Rail services] to {ua_city} [were suspended|were halted|stopped] "
            "[for|during] [several hours|the night] after [shelling|a strike] [damaged|hit] [a "
            "bridge|the tracks|a station]."],
        voices=[
            ["{person2}, a [researcher|military analyst|defence analyst] at {think_tank}",
             "[Neither army has the reserves for a breakthrough right now.|This is a war of "
             "attrition.] [Whoever runs out of shells first loses ground|Small gains cost "
             "enormous losses|The next months will be decided by ammunition supplies]"],
            ["[a driver called|one volunteer driver,] {first}",
             "[People wait until the last possible moment.|We go in empty and come out full.] "
             "[Then they leave with one bag and a cat|Every day there are more|Most of them are "
             "old and cannot walk far]"],
            ["{person}, [a local official|the head of a village council|a deputy mayor] "
             "[near|outside] {ua_city}",
             "[The shelling starts at dusk and goes on until morning.|We have no water since "
             "Tuesday.] [We ask everyone with children to leave|The school will not open this "
             "term|Those who stay sleep in cellars]"]],
        closers=["[Fighting|Shelling] [continued|went on] into the [evening|night], [the general "
                 "staff said|according to the general staff]."]),
    story(
        "ukraine-drone-war", "ukraine russia drones", "world", 3,
        titles=["Ukraine says it downed {num} Russian drones overnight",
                "Russia launches [wave|swarm] of drones at Ukraine as air defences respond",
                "Drone debris damages homes in {ua_city} after Russian overnight attack"],
        standfirsts=["Falling debris damaged [a warehouse|several houses], the regional governor "
                     "said.",
                     "Mobile fire groups now bring down a growing share of the attack drones."],
        leads=[
            "Ukraine's air force said it [shot down|destroyed|intercepted] {num} of {num_plus} "
            "drones [launched|sent] by Russia overnight, in an attack that [targeted|aimed at] "
            "[energy and transport facilities|power plants and rail depots] in several regions, "
            "including [around|near] {ua_city}.",
            "Russia [sent|launched|fired] {num_plus} [attack |long-range |]drones at Ukraine "
            "[overnight|during the night], and air defences [brought down|destroyed] {num} of "
            "them, [the Ukrainian air force said|Ukraine's air force said] {on_weekday}.",
            "[Debris|Wreckage] from [downed|shot-down] drones [fell on|hit|damaged] "
            "[homes|houses|a warehouse] [in|near] {ua_city} [overnight|before dawn] {on_weekday} "
            "as Ukraine [fought off|repelled] [another|a fresh] Russian drone attack."],
        facts=[
            "Falling debris [damaged|hit|set fire to] a [warehouse|garage|shop] and "
            "[several|{num_small}] houses, [regional governor {person}|the governor, {person},] "
            "said[ in a statement| on social media|].",
            "[Firefighters|Rescue crews] [put out|extinguished|contained] a [blaze|fire] at a "
            "[storage|logistics|fuel] site [within|in under] [two|three] hours[, and no one was "
            "seriously hurt|].",
            "Moscow has [stepped up|increased|expanded] its use of long-range attack drones [in "
            "recent months|this year], [often|usually] [launching|sending] them in waves at "
            "night to [stretch|exhaust|overload] air defences.",
            "Kyiv, for its part, has [expanded|ramped up] its own drone production and has "
            "[targeted|struck|hit] [fuel depots|oil refineries|airfields] [deep|far] inside "
            "Russia.",
            "The Russian defence ministry said {on_weekday} it had [intercepted|destroyed|shot "
            "down] [several|{num_small}] Ukrainian drones over [border|southern] regions.",
            "[Mobile fire groups|Teams of volunteers] [equipped|armed] with [machine guns|heavy "
            "machine guns] and [searchlights|thermal cameras] now [guard|protect|patrol] "
            "[many|most] towns, [officials|commanders] said.",
            "[Electricity|Power] was [briefly|temporarily] cut to {num},000 [customers|homes] "
            "[while|as] engineers [checked|inspected] damaged lines[, the local utility said|]. "
            "Supplies were [restored|back] by [mid-morning|lunchtime].",
            "[Air-raid sirens|Sirens] [sounded|wailed|went off] [for|over] [almost|nearly|more "
            "than] {num_small} hours, and [many|hundreds of] [residents|families] [spent the "
            "night|sheltered] in [metro stations|basements|underground car parks].",
            "[Each|A single] [interceptor missile|air-defence missile] can cost [hundreds of "
            "times|far] more than the drone it [destroys|brings down], [which is why|so] "
            "[Ukraine|Kyiv] [is turning to|increasingly uses] [cheaper|low-cost] "
            "[guns|interceptor drones].",
            "[Engineers|Workshops] in Ukraine now [build|assemble] [interceptor|hunter] drones "
            "[designed|meant] to [ram|chase down] [attack drones|incoming drones] [in "
            "mid-air|before they reach their targets].",
            "[The|This] attack was [the|one of the] [largest|biggest] [this month|in weeks], "
            "[according to|said] [monitoring groups|analysts who track the strikes]."],
        voices=[
            ["{person2}, who studies unmanned systems at {think_tank}",
             "[The drone war has become a contest of volume and cost.|Numbers matter more than "
             "quality now.] [A cheap drone that forces the defender to fire an expensive missile "
             "is a win|Guns and interceptor drones are the only affordable defence|Whoever "
             "builds more, faster, has the advantage]"],
            ["{person3}, [a resident|a nurse|a schoolteacher] in {ua_city}",
             "[We heard the buzzing for a long time, then a bang.|It was like a moped above the "
             "roof.] [The windows came in|The children sleep in the corridor now|Nobody slept "
             "after that]"]],
        closers=["[Officials|The governor] said damage [assessments|inspections] would "
                 "[continue|go on] [through the day|into the evening]."]),
    story(
        "israel-budget", "israel", "world", 5,
        titles=["Israel's coalition faces [key|crucial] budget vote",
                "Protests in Israel as parliament debates the budget",
                "Israel's budget fight [exposes|deepens] rifts in the coalition"],
        standfirsts=["Two smaller coalition partners threaten to withhold support.",
                     "[Polls|Surveys] suggest no bloc would win a majority in an early election."],
        leads=[
            "Israel's governing coalition [faced|went into] a [crucial|decisive|knife-edge] vote "
            "in parliament {on_weekday} over a budget [package|plan] that has exposed "
            "[deep|bitter] divisions between its partners.",
            "[Two|A pair of] smaller parties in Israel's coalition [threatened|warned] "
            "{on_weekday} to vote against the government's budget, [putting|leaving] the "
            "[governing alliance|coalition] [at risk|on the brink] [days|hours] before a [legal "
            "deadline|deadline].",
            "Thousands of people [protested|rallied|marched] outside the Knesset {on_weekday} as "
            "Israel's lawmakers began [debating|a final debate on] a budget that [could "
            "decide|will test] the [future|survival] of the coalition."],
        facts=[
            "Finance ministry officials said the [package|plan] would raise spending on [defence "
            "and housing|the army and new homes] while [cutting|trimming] [grants|budgets] "
            "[to|for] [several|{num_small}] ministries.",
            "Opposition leaders [called|described] the plan “a list of favours” and "
            "[promised|vowed] to [fight|oppose] it [in committee|clause by clause].",
            "[Some|Many] [demonstrators|protesters] [carried|held up|waved] "
            "[signs|banners|placards] [calling for|demanding] early elections. Police said {num} "
            "people were [detained|arrested] after [blocking|sitting down on] a [road|motorway].",
            "[Polls|Surveys] [published|released] this week [suggested|indicated] that none of "
            "the main blocs would [win|secure] a majority [if an election were held now|in a "
            "snap vote].",
            "Business groups [urged|pressed] lawmakers to pass the budget [quickly|without "
            "delay], [warning|saying] that [uncertainty|the standoff] was [already |][weighing "
            "on|hurting] investment in [the technology sector|high-tech firms].",
            "If the budget is not passed by the [legal |]deadline, parliament [would dissolve|is "
            "dissolved] automatically and Israel would [head to|face] [another|a new] election.",
            "[One|The smaller] of the [rebel|holdout] parties [wants|is demanding] [more money "
            "for|extra funding for] [religious schools|its voters' towns|public transport], "
            "[while|and] the other [objects to|rejects] [cuts to|a freeze on] [welfare|pensions].",
            "[Negotiators|Aides to the prime minister] [met|held talks] [late into the "
            "night|until the early hours] [to try to|in an effort to] [win over|bring back] the "
            "[rebels|two parties].",
            "[Economists|The central bank] [warned|said] that a [prolonged|long] [political "
            "crisis|standoff] could [push up|raise] [borrowing costs|the deficit] and "
            "[hurt|dent] [the credit rating|growth].",
            "[Committee|Parliamentary] [debates|hearings] [ran|went on] for [more than|almost] "
            "{num_small} hours, with [opposition|coalition] members [filing|tabling] [hundreds "
            "of|{big}] [objections|amendments]."],
        voices=[
            ["{person2}, a political scientist at {think_tank}",
             "[This coalition has survived worse.|Nobody in the coalition wants an election "
             "now.] [But every vote now comes at a price|That fear is its strongest glue|The "
             "question is how much the small parties can extract]"],
            ["{person3}, [a student|a retired engineer|a teacher] at the protest",
             "[We came because nobody is listening to us.|I have never protested before.] [I "
             "want a government that works|We will come back every week|Enough is enough]"]],
        closers=["[The final vote|A final vote] [is expected|could come] [late in the "
                 "week|before the deadline]."]),
    story(
        "iran-talks", "iran", "world", 3,
        titles=["Iran and European envoys resume nuclear talks in Vienna",
                "Iran says it is ready for ‘serious’ talks on its nuclear programme",
                "Nuclear talks with Iran resume [after months of deadlock|with low expectations]"],
        standfirsts=["Diplomats describe expectations as low but not zero.",
                     "The UN watchdog says its inspectors' access has been reduced."],
        leads=[
            "Diplomats from Iran and three European countries [resumed|restarted] talks in "
            "Vienna {on_weekday} on the future of Iran's nuclear programme, the first such "
            "meeting in [several|{num_small}] months[, officials said|].",
            "Iran [returned|came back] to the negotiating table in Vienna {on_weekday}, "
            "[meeting|sitting down with] envoys from three European [countries|governments] for "
            "[the first|its first] [talks|round of talks] on its nuclear programme in months.",
            "[Nuclear|The nuclear] talks between Iran and [European|three European] "
            "[governments|powers] [resumed|got under way again] in Vienna {on_weekday}, "
            "[with|amid] [low|modest] expectations [on both sides|among diplomats]."],
        facts=[
            "Iran's delegation was [led|headed] by deputy foreign minister {person_ir}, who "
            "[told reporters|said] [on arrival|at the hotel|before the first session] that "
            "Tehran was [ready|prepared|willing] [for|to hold] “serious and result-oriented” "
            "[discussions|talks].",
            "[European officials|Diplomats from the three countries|The European side] "
            "[described the talks as|called the meeting|said the talks were] exploratory.",
            "One [diplomat|participant|European envoy], [who asked not to be named|speaking on "
            "condition of anonymity|who was not authorised to speak publicly], [said|put] "
            "expectations [were|at] “low but not zero”.",
            "The UN nuclear watchdog [said|reported] in its [latest|most recent] "
            "[quarterly|regular|] report that [its inspectors'|inspectors'] access to "
            "[some|several|{num_small}] sites had been [reduced|curtailed|limited].",
            "[That|The reduced access|This] makes it [harder|more difficult] to "
            "[verify|check|establish] [the size of|how much is in] Iran's stockpile of enriched "
            "uranium, [the watchdog said|according to the report|officials said].",
            "Iran has [always|consistently|repeatedly] [said|insisted|maintained] [that |]its "
            "nuclear programme is [for peaceful purposes|purely civilian|peaceful].",
            "[Oil exports|Iran's oil sales] and the [value|exchange rate] of the rial have been "
            "[hit hard|badly hurt|squeezed] by sanctions, [adding|putting|increasing] pressure "
            "on [the government|Tehran|the leadership] [to find|to seek|to look for] a "
            "[diplomatic|negotiated] [opening|way out].",
            "Tehran [wants|is demanding|insists on] [sanctions relief|the lifting of "
            "sanctions|an end to sanctions] [before|in exchange for|as the price for] any [new "
            "limits|restrictions|caps] on enrichment, [diplomats said|according to "
            "diplomats|officials said].",
            "The [talks|meeting|session] [took place|were held|was held] [at a hotel|in a "
            "conference centre|at a palace] [near|in] the [city centre|old town], [with|under] "
            "[heavy|tight] [police presence|security].",
            "[Previous|Earlier|Past] rounds [broke down|collapsed|ended without agreement] "
            "[over|because of|in disputes over] [the pace of|how to sequence|the order of] "
            "sanctions relief and [inspections|verification].",
            "[Both|Each of the|The] delegations [were expected|planned|were due] to [report back "
            "to|brief|consult] their [capitals|governments] before [deciding on|agreeing "
            "to|committing to] [a further|another|a new] round.",
            "[Security|Police] [closed|sealed off] [streets|roads] [around|near] the "
            "[venue|hotel] [and|while] [a small group of|a few dozen] [protesters|demonstrators] "
            "[gathered|stood] [behind barriers|at a distance][ with flags|]."],
        voices=[
            ["{person2}, a non-proliferation expert at {think_tank}",
             "[Both sides want to avoid an escalation.|Talking is better than not talking.] [But "
             "neither wants to be seen to blink first|The gaps are as wide as they were a year "
             "ago|Expect small steps, not a deal]"],
            ["{person_ir}, Iran's deputy foreign minister",
             "[We came here with an open mind.|Our position is well known.] [Now it is for the "
             "other side to show the same|Sanctions relief must be on the table|We will not "
             "negotiate under pressure]"]],
        closers=["[A further|Another|A new] round [is expected|could follow|may be held] in "
                 "{month_next}, [although|but] [neither side has|no one has] "
                 "[confirmed|announced] a [date|date or venue].",
                 "[Diplomats|Officials] [said|expect] [the talks|the meeting] [would|to] "
                 "[continue|resume] [on {weekday_next}|the next morning] [at a technical "
                 "level|with experts]."]),
    story(
        "iran-drone-exports", "iran drones", "world", 1,
        titles=["Report details Iran's growing drone exports",
                "Iran's drones [turn up|are found] in [more|new] countries, researchers say"],
        standfirsts=["Researchers traced components to several countries.",
                     "The report calls for tighter checks on dual-use parts."],
        leads=[
            "Iran has expanded exports of military drones to [several|{num_small}] countries "
            "over the past two years, according to a report [published|released] {on_weekday} by "
            "researchers at {think_tank}.",
            "[Researchers|A team of researchers] at {think_tank} said {on_weekday} that Iranian "
            "drones, or [copies|versions] of them, [had turned up|were now in service] in "
            "{num_small} countries, [in a report|according to a report] [based on|drawing on] "
            "wreckage and shipping records."],
        facts=[
            "The researchers [examined|studied|analysed] [wreckage|debris|fragments], [shipping "
            "records|cargo manifests] and [company filings|corporate records] "
            "[over|across|spanning] [two years|{num_small} years].",
            "The report [said|found|concluded] [that |]Iranian-designed drones were now "
            "[assembled|built|put together] at [sites|factories|workshops] outside the country[ "
            "under licence|, sometimes under licence|].",
            "[Many|Most|A large share of] [components|parts], from engines to navigation chips, "
            "were [bought|sourced|obtained] [on the open market|from commercial suppliers] "
            "[through|via] [intermediaries|front companies|trading firms].",
            "At [an exhibition|a military fair|an arms show] near Tehran, Iran's defence "
            "ministry [displayed|unveiled|showed off] a new long-range [model|drone] that "
            "[officials|its makers] said could fly [more than|over] {range} kilometres.",
            "[That claim|The range figure|The claim] could not be [independently "
            "verified|checked independently|confirmed].",
            "[Governments|Countries|Armed forces] that [buy|acquire|operate] the drones "
            "[say|insist] they [use|need] them for [border surveillance|patrolling "
            "borders|reconnaissance].",
            "[Critics|Arms-control groups|Campaigners] say export controls have [failed to keep "
            "up|not kept pace] with how [quickly|fast] the technology [spreads|is copied].",
            "The [researchers|authors] [recommended|called for|urged] [closer|tighter|stricter] "
            "checks on dual-use parts and better [information sharing|sharing of data] between "
            "customs [services|agencies].",
            "[Serial numbers|Markings|Labels] on [recovered|captured|salvaged] [engines|circuit "
            "boards|cameras] [pointed to|led back to|were traced to] "
            "[suppliers|distributors|dealers] in {num_small} countries."],
        voices=[
            ["{person2}, one of the report's authors",
             "[Cheap drones have become a calling card of Iranian defence diplomacy.|Controls "
             "have not kept up.] [They are easy to copy, easy to ship and hard to stop|Customs "
             "officers rarely know what they are looking at]"]],
        closers=["[Iran's foreign ministry|Tehran] did not respond to a request for comment on "
                 "the report."]),
    story(
        "russia-economy", "russia", "business", 4,
        titles=["Russia's central bank holds key rate at {rate} per cent",
                "Russian central bank keeps rates on hold as inflation [lingers|stays high]",
                "Russia's rate-setters [stand pat|wait] as oil revenue falls"],
        standfirsts=["Inflation remains well above the bank's target.",
                     "Economists say a cut is possible at the next meeting."],
        leads=[
            "Russia's central bank kept its key interest rate at {rate} per cent {on_weekday}, "
            "saying inflation [remained|was still] well above its target even as [signs of "
            "slowing growth emerged|growth showed signs of slowing].",
            "The Bank of Russia [left|held] its benchmark rate [unchanged|steady] at {rate} per "
            "cent {on_weekday}, [as expected|in line with forecasts], [and said|saying] [price "
            "growth|inflation] [had yet to|did not yet] [slow|ease] enough.",
            "[Borrowing costs|Interest rates] in Russia will [stay|remain] at {rate} per cent "
            "[for now|for the time being], the central bank [decided|said] {on_weekday}, "
            "[warning|noting] that [a tight labour market|rising wages] kept [inflation|prices] "
            "[high|elevated]."],
        facts=[
            "The bank [said|estimated] [price growth|inflation] was running at an annualised "
            "{pct} per cent[ last month| in recent weeks|].",
            "[It|The bank|Policymakers] [warned|noted|said] that a [tight|stretched] labour "
            "market was [pushing up|driving up|lifting] wages faster than productivity.",
            "[Economists|Most analysts|Forecasters] [polled|surveyed] before the meeting had "
            "[mostly|largely|widely] expected the decision.",
            "The Russian economy has been [reshaped|transformed|distorted] by sanctions and "
            "[heavy|record|rising] state spending[ on the military|].",
            "[Defence manufacturing|Arms factories|The defence industry] [has|have] grown "
            "[quickly|fast|rapidly], while [sectors|industries] that [relied|depended] on "
            "imported parts, such as car making, have [struggled|shrunk|stalled].",
            "The rouble [weakened|slipped|eased] [slightly|a little|marginally] after the "
            "[announcement|decision], trading at [around|about|roughly] {fx} to the dollar in "
            "Moscow.",
            "[Finance ministry|Official] data [published|released] [earlier this month|last "
            "week] showed oil and gas [revenue|income|receipts] [down|lower by] {pct2} per cent "
            "[from|on] a year earlier.",
            "[Small businesses|Small firms|Entrepreneurs] [complain|say|grumble] that "
            "[borrowing|credit|a loan] has become [prohibitively|far too|painfully] expensive.",
            "A [bakery|cafe|flower shop] owner in [Kazan|Samara|Perm|Tver] told [local media|a "
            "regional newspaper] she had [shelved|put off|postponed] plans for a second "
            "[shop|branch] until [loans|credit] [became|got] cheaper.",
            "[Mortgage|Consumer] lending [slowed|fell|shrank] [for a {ordinal} month|again] "
            "[last month|in the latest data], [the bank said|according to the bank].",
            "[Households|Savers|Russians] have [moved|shifted|parked] [money|savings] [into|in] "
            "[deposits|bank accounts] [that now pay|paying|earning] [more than|over] {rate} per "
            "cent.",
            "[The budget|Government spending] [is running|ran] a deficit [again|for a {ordinal} "
            "month], [and|while] the [finance ministry|government] [has raised|plans to raise] "
            "[taxes|levies] on [companies|banks|exporters]."],
        voices=[
            ["{person2} of {think_tank}",
             "[The bank is buying time.|Today's decision was no surprise.] [It wants proof that "
             "the cooling is durable|The budget is doing the opposite of what the bank is trying "
             "to do|A cut in the spring is still possible]"],
            ["{person3}, [an economist|a banking analyst] [in Moscow|who follows the central bank]",
             "[Nobody expected a cut today.|Wages are the problem.] [The tone was more cautious "
             "than in {month_next}|As long as companies fight for workers, prices will not "
             "settle|Look at the labour market, not the oil price]"]],
        closers=["The central bank's board will next meet in {month_next}[, when analysts see "
                 "room for a cut|].",
                 "[Analysts|Economists] [said|expect] a cut [could come|was possible] [at the "
                 "next meeting|in {month_next}] if [monthly inflation|price growth] "
                 "[continues|keeps] [to ease|falling]."]),
    story(
        "rates", "", "business", 6,
        titles=["Central bank leaves rates unchanged as inflation eases",
                "Rates [on hold|unchanged] at {rate_low} per cent, but cuts are coming, central "
                "bank signals",
                "Central bank [holds fire|waits] on rate cut despite [falling|slower] inflation"],
        standfirsts=["Policymakers signal that cuts may come later in the year.",
                     "Food and energy prices rose more slowly last month."],
        leads=[
            "The central bank held its main interest rate at {rate_low} per cent {on_weekday}, "
            "[saying|arguing] that inflation was falling [broadly as expected|as forecast] but "
            "that it wanted more evidence before [lowering|cutting] borrowing costs.",
            "[Policymakers|Rate-setters] at the central bank [voted|decided] {vote} {on_weekday} "
            "to keep [interest rates|the base rate] at {rate_low} per cent, [signalling|hinting] "
            "that [a cut|the first cut] [could|may] come [later in the year|within months].",
            "[Borrowers|Homeowners] will have to wait [a little |]longer for [relief|cheaper "
            "loans]: the central bank [kept|left] [rates|its key rate] at {rate_low} per cent "
            "{on_weekday}, even though [inflation|price rises] [slowed|eased] [again|last month]."],
        facts=[
            "[Consumer price inflation|Inflation|The annual rate of inflation] "
            "[slowed|fell|eased] to {pct} per cent [last month|in the latest month], official "
            "figures [showed|published this week showed].",
            "[The fall|The slowdown|The decline] was [helped by|driven by|largely due to] "
            "[smaller|slower] increases in [food|grocery] and energy [prices|bills].",
            "Services inflation, which the bank [watches|follows] [closely|most carefully], "
            "[remained|stayed|was still] [stubborn|sticky|high].",
            "[Several|Three of the largest|A number of] lenders [cut|trimmed|lowered] fixed "
            "mortgage rates this week, [a sign that|suggesting] markets expect [lower "
            "rates|cuts] [later this year|within months].",
            "[Brokers|Estate agents] said first-time buyers had [started|begun] to [return|come "
            "back][ to the market|].",
            "The bank's committee [voted|split] {vote} [to keep|in favour of keeping] rates on "
            "hold, with the minority [preferring|favouring|arguing for] an immediate cut[ of a "
            "quarter point|].",
            "Retailers [welcomed|cheered] the slowdown [in prices|] but said household budgets "
            "[remained|were still] [stretched|tight|squeezed] after two years of [rapid|steep] "
            "[increases|price rises].",
            "[Wage growth|Pay growth] [slowed|cooled] to {wages} per cent, [the lowest|its "
            "weakest pace] in [two years|{num_small} quarters], [separate|other] figures "
            "[showed|released this week showed].",
            "[The currency|The exchange rate] [edged|dipped|slipped] [lower|down] after the "
            "decision, [as traders|while investors] [trimmed|adjusted|scaled back] "
            "[bets|expectations] on [the timing of a|an early] cut.",
            "[Unemployment|The jobless rate] [rose slightly|ticked up|crept up] to {jobless} per "
            "cent, [a sign|suggesting|an indication] that [the labour market|hiring] [is "
            "cooling|has slowed].",
            "[Savers|Pensioners] [will continue to|still] [earn|get] [decent|relatively good] "
            "[returns|interest] [on deposits|in savings accounts] [while|as long as] rates "
            "[stay|remain] [high|where they are].",
            "[Government bond yields|Borrowing costs for the government] [fell|dropped|eased] "
            "[after|following] the [decision|announcement], with [two-year|shorter-dated] yields "
            "[leading the move|falling most]."],
        voices=[
            ["{person2}, chief economist at {think_tank}",
             "[The direction is right, the speed is not there yet.|The bank does not want to "
             "declare victory too early.] [I would expect the first cut in {month_next} at the "
             "earliest|Services prices are the sticking point|One more good month and they will "
             "move]"],
            ["{person3}, a mortgage broker in {city}",
             "[People have been waiting for this for two years.|Every quarter point matters.] "
             "[The phones are ringing again|Buyers are stretching to get their first "
             "flat|Lenders are finally competing again]"]],
        closers=["The next [decision|rate decision] is due in {month_next}, [alongside|together "
                 "with] new forecasts for growth and unemployment.",
                 "[Markets|Traders] [now|currently] [see|price in] [a first cut|the first "
                 "reduction] [by|in] {month_next}[, according to futures prices|]."]),
    story(
        "jobs", "", "business", 5,
        titles=["{company} to cut {big} jobs [as it closes an older plant|in restructuring]",
                "{company} [announces|confirms] {big} job cuts in {city}",
                "Unions [vow to fight|pledge to resist] {big} job cuts at {company}"],
        standfirsts=["Unions say they will fight the job cuts.",
                     "The company blames weak export demand and high energy costs."],
        leads=[
            "{company}, one of the [region's|area's] largest employers, said {on_weekday} it "
            "would cut {big} jobs over two years as it [closes|shuts] an older plant in {city} "
            "and moves production to a newer site.",
            "[About|Some|Around] {big} jobs will go at {company}, the [manufacturer|company] "
            "[said|announced] {on_weekday}, [in a blow to|dealing a blow to] {city}, where [it "
            "has made|it has produced] [parts|goods] for [decades|more than {num} years].",
            "{company} [plans to|will] [shed|cut|eliminate] {big} [jobs|positions] [at its "
            "{city} plant|in {city}], [blaming|citing] [weak|falling] [export demand|orders from "
            "abroad] and [high|rising] energy [costs|bills]."],
        facts=[
            "New orders at [manufacturers|factories] [fell|dropped|declined] for a {ordinal} "
            "[consecutive|straight] month, a [closely watched|widely followed] survey "
            "[showed|found][ this week|].",
            "The [survey's|purchasing managers'] index [fell|slipped|dropped] to {index}, "
            "[below|under] the 50 mark that separates growth from contraction.",
            "[Firms|Manufacturers|Companies] [reported|said] that customers were [running "
            "down|using up] stocks rather than placing new orders.",
            "[The company|{company}] said [voluntary redundancy|early retirement] would be "
            "offered first[, and that some staff could move to the new site| to limit compulsory "
            "job losses|].",
            "[Shares in|The share price of] {company} [rose|gained|climbed] {pct} per cent "
            "[after the announcement|on the news], as investors [welcomed|backed|applauded] the "
            "[cost cuts|savings].",
            "[The plant|The site|The factory] in {city} [opened|was built] in the "
            "[1970s|1960s|1980s] and [at its peak|once|in its heyday] employed [more than|over] "
            "[twice|three times] as many people.",
            "[Local shops|Suppliers|Cafes near the gates|Landlords in the area] [fear|worry "
            "about|dread] [a knock-on effect|losing customers|what the closure will mean for "
            "them].",
            "[The government said it|Ministers said they|The economy minister promised he] would "
            "meet [company managers|the company's board|executives] and [local leaders|the "
            "mayor] [next week|within days] to discuss [retraining|reskilling] "
            "[programmes|schemes|support].",
            "[Economists|Analysts] at {think_tank} said the figures pointed to a "
            "[slow|gradual|sluggish] recovery rather than a new [downturn|recession].",
            "[Lower|Falling] energy [costs|prices] [gave|have given|offered] "
            "[firms|manufacturers] some relief, [but|although] [export orders|demand abroad] "
            "[remain|are still] [weak|soft|subdued].",
            "[Production|Work] [will move|is moving|is being transferred] to [a newer|a more "
            "automated|its main] [site|plant] [abroad|in the north|near the coast], [where|and "
            "there] [costs are lower|robots do more of the work].",
            "[The council|The mayor of {city}|Local politicians] [called the decision|described "
            "the news as|called the announcement] [a blow|devastating|a hammer blow] [for|to] "
            "[the town|families|the high street]."],
        voices=[
            ["{person}, a union representative at the plant",
             "[This is a painful day for the town.|People here have given this company forty "
             "years.] [We will look at every option to keep skilled people in work|They deserve "
             "better than a press release|We will fight for every job]"],
            ["{person2}, [chief executive|the managing director] of {company}",
             "[These are difficult decisions.|Nobody takes this step lightly.] [We will treat "
             "everyone affected with respect|We have to compete with factories that pay half "
             "what we pay for energy|The new site secures the future of the company]"]],
        closers=["[Talks|Negotiations] between [the company|management] and [unions|the union] "
                 "[begin|start|are due to start] [next week|on {weekday_next}]."]),
    story(
        "drone-delivery", "drones", "tech", 3,
        titles=["Regulators approve drone delivery trials in {city}",
                "Drone deliveries [take off|to start] in {city} after regulators give approval",
                "{city} [to get|gets] drone deliveries in year-long trial"],
        standfirsts=["The trials will carry prescriptions and small parcels.",
                     "Residents worry about noise; the regulator promises strict limits."],
        leads=[
            "Aviation regulators [approved|cleared] a year-long trial of drone deliveries in "
            "{city} {on_weekday}, allowing {company} to fly small parcels and prescriptions to "
            "customers within {num} kilometres of its depot.",
            "[Small|Parcel-carrying] drones will [start flying|take to the air] over {city} "
            "[next month|within weeks] after regulators [gave|granted] {company} "
            "[approval|permission] {on_weekday} for a [twelve-month|year-long] delivery trial.",
            "{company} [won|received] [permission|approval] {on_weekday} to deliver "
            "[prescriptions|medicines] and [small parcels|groceries] by drone in {city}, in [one "
            "of the largest|the largest] trials of its kind [so far|to date]."],
        facts=[
            "The drones will fly [along|on] fixed corridors at [no more than|up to|a maximum of] "
            "120 metres and will be [monitored|watched|supervised] by remote pilots.",
            "[Each|Every] remote pilot [will be|is] responsible for up to {num_small} "
            "[aircraft|drones] at a time, [the company said|under the rules].",
            "Each drone can carry [up to|about] [two|three|four] kilograms and "
            "[lowers|drops|winches down] [parcels|packages] [on a cable|on a tether] into "
            "[gardens|back yards|marked spots].",
            "[Flights|Deliveries] will [run|operate] [only |]between [eight|seven] in the "
            "morning and [eight|nine] in the evening[, and not in strong wind or heavy rain|, "
            "weather permitting|].",
            "[Early|Earlier|Previous] trials [elsewhere|in other cities] "
            "[drew|prompted|triggered] complaints from residents about [buzzing|noise] overhead.",
            "Privacy groups [asked for|demanded|want] [clear|strict] limits on cameras [fitted "
            "to|mounted on|carried by] delivery drones.",
            "The regulator said [footage|camera images|video] could be used only for navigation "
            "and safety[ and must be deleted after {num_small} days| and must not be kept|].",
            "From next month, owners of [hobby|leisure] drones weighing more than 250 grams will "
            "have to register them and pass an online [theory |]test.",
            "[Hospitals|Pharmacies|Laboratories] [in the area|nearby|in {city}] [hope|plan|want] "
            "to use the [service|drones] to [move|send|ferry] [blood samples|medicines|test "
            "kits] [between sites|to outlying clinics].",
            "[Pilots|Operators] [must|will have to] [keep|stay] [well |]away from [the "
            "airport|schools and hospitals|crowds], [the regulator said|under the approval].",
            "[Batteries|The drones' batteries] [last|allow] [about|roughly] {num} minutes [of "
            "flight|in the air], [enough for|which covers] a [round trip|return flight] [of|up "
            "to] {num_small} kilometres.",
            "[Residents|People living] [under|near] the [corridors|flight paths] [will be|have "
            "been] [sent|given] [leaflets|letters] [and|with] a [hotline|phone number] for "
            "[complaints|questions]."],
        voices=[
            ["{person2} of {think_tank}",
             "[The technology is ready.|This is a real test.] [The question is whether people "
             "will accept the noise|If it works, the first customers will be hospitals|Noise and "
             "privacy will decide its future]"],
            ["{person}, [operations director|head of drone operations] at {company}",
             "[Safety comes first.|We have flown thousands of test flights.] [We will fly fewer "
             "flights rather than take a risk|We want to show that this can be quiet and "
             "useful|Residents can call us with any complaint]"]],
        closers=["[The company|{company}] said it [hoped|plans|wants] to [expand|extend] the "
                 "service to {num_small} more towns if the trial [met|meets] its safety targets."]),
    story(
        "chip-plant", "", "tech", 4,
        titles=["{company} opens chip plant near {city} as demand for AI hardware grows",
                "{company} [bets|doubles down] on chips with new {city} plant",
                "New {company} chip factory near {city} [to create|will create] {big} jobs"],
        standfirsts=["The plant will employ about {big} people.",
                     "The factory will make packaging components rather than the most advanced "
                     "chips."],
        leads=[
            "{company} opened a new semiconductor plant outside {city} {on_weekday}, part of an "
            "expansion driven by demand for chips used in artificial-intelligence data centres.",
            "[A new|The new] chip factory [run by|belonging to] {company} [began|started] "
            "production near {city} {on_weekday}, [as|with] [demand|orders] for [AI|data-centre] "
            "hardware [outstripping|running ahead of] supply.",
            "{company} [cut the ribbon|held an opening ceremony] at its {money} semiconductor "
            "plant [near|outside] {city} {on_weekday}, [promising|pledging] {big} [jobs|skilled "
            "jobs] [by next year|once it is at full capacity]."],
        facts=[
            "The plant will [employ|create jobs for] [about|some|around] {big} people when it "
            "[reaches|runs at] full [production|capacity] [next year|in two years], the company "
            "said.",
            "It will make packaging components[, which connect chips to circuit boards,|] rather "
            "than the most advanced [chips|processors].",
            "[Clean rooms|The production halls|Its clean rooms] [cover|take up] [an area the "
            "size of|about] [{num_small} football pitches|{num} tennis courts].",
            "[The company|{company}] [received|got|was awarded] [a grant|subsidies|public "
            "support] of {money}[, a figure critics called too generous| from the government|].",
            "[Water use|The plant's water use|Its thirst for water] [worries|concerns] "
            "[environmental groups|local farmers|campaigners], [who|and they] [want|are asking "
            "for] [independent|regular] monitoring.",
            "[Local colleges|A college in {city}|The university] [started|set up|launched] "
            "[courses|apprenticeships|training places] for [technicians|engineers] [to "
            "meet|ahead of] the [demand|hiring drive].",
            "[Industry groups|Trade bodies] said the sector was growing [quickly|fast] but "
            "[warned of|complained about] a shortage of [engineers|skilled staff].",
            "[Orders|Demand] for chips used in [AI|data centres] [has doubled|rose "
            "sharply|jumped] [over|in] the past year, [driven|led] by [cloud providers|large "
            "tech companies].",
            "[Shares in|The stock of] {company} [rose|climbed|gained] {pct} per cent [on the "
            "day|after the opening|in early trading].",
            "[Construction|Building work] [took|lasted] [under|less than] [two years|{num_small} "
            "years][, faster than planned|, despite a shortage of electricians|].",
            "[The site|The factory] [will draw|needs] [as much power as|about as much "
            "electricity as] [a small town|{num},000 homes], [and|so] [a new substation|a new "
            "grid connection] [was built|had to be built] [next to it|on site]."],
        voices=[
            ["{person}, chief executive of {company}",
             "[This plant lets us grow with our customers.|Today is a big day for us.] [We chose "
             "{city} for its people and its university|We are not waiting for others any "
             "more|Demand is not slowing down]"],
            ["{person2}, a technology analyst at {think_tank}",
             "[Packaging used to be the boring part of the chip business.|Building the plant is "
             "the easy bit.] [Now it is the bottleneck|Finding the engineers is the hard "
             "part|Power and water will be the real constraints]"]],
        closers=["[A second|Another] [production line|hall] [is planned|could follow] [for|by] "
                 "[the end of next year|{month_next} next year] if demand holds up, [the company "
                 "said|executives said]."]),
    story(
        "football", "", "sport", 6,
        titles=["{team} beat {team2} {score} to go top of the table",
                "Late goal [gives|hands] {team} {score} win over {team2}",
                "{team} [edge|see off] {team2} {score} [for|to make it] {ordinal} win in a row"],
        standfirsts=["A stoppage-time header settled a tense match.",
                     "[The defeat|Defeat] leaves {team2} [trailing|off the pace] in the title "
                     "race."],
        leads=[
            "{team} moved to the top of the table with a {score} win over {team2} {on_weekday}, "
            "their {ordinal} victory in a row, in front of a [sold-out|full|packed] crowd of "
            "{crowd}.",
            "A [late|stoppage-time] [header|strike|goal] [gave|earned|handed] {team} a {score} "
            "win over {team2} {on_weekday} and [sent them|lifted them] to the top of the "
            "[table|league].",
            "{team} [made it|stretched their run to] {ordinal} wins in a row {on_weekday}, "
            "[beating|edging past|seeing off] {team2} {score} [before|in front of] {crowd} "
            "[fans|spectators]."],
        facts=[
            "The visitors started [brightly|well|strongly] and hit the [post|bar|woodwork] "
            "[after ten minutes|early on|inside a quarter of an hour].",
            "{player} [put|gave] {team} [ahead|the lead] [shortly before|just before|on the "
            "stroke of] half-time, [turning in|sliding in|converting] a low cross at the near "
            "post.",
            "[After the break|In the second half] the match [opened up|became stretched], "
            "[with|and] [chances|openings] at both ends.",
            "{team2} [equalised|drew level] [from the penalty spot|with a penalty] [in the "
            "{minute}th minute|midway through the second half][ after a handball|].",
            "[The winner|The decisive goal] came [from|after] a corner in stoppage time, [headed "
            "in|nodded in|glanced in] [at the far post|from six yards].",
            "[The defeat|Defeat] leaves {team2} {num_small} points behind the leaders with {num} "
            "matches left.",
            "{team2}'s manager admitted the title race was “slipping away”[ from his side|].",
            "[The home side|{team}] [had|enjoyed] {possession} per cent of [possession|the ball] "
            "[but|yet] [struggled|found it hard] to [break down|get through] [a packed "
            "defence|the visitors' back line].",
            "[A|The] [goalkeeper|keeper] [made|produced] [two|several] [fine|sharp] "
            "[saves|stops] [to keep|and kept] his side [in the game|level] [before the break|in "
            "the first half].",
            "[Both sides|The two clubs] now have a week off before the cup quarter-finals.",
            "[An injury|A hamstring injury] to [their captain|a key defender] [in the first "
            "half|early on] [could|may] [rule him out|keep him out] [for weeks|of the next "
            "match]."],
        voices=[
            ["{team}'s manager {person}",
             "[We showed character today.|I am proud of them.] [We were not at our best, but the "
             "players never stopped running|Top of the table means nothing yet|The crowd pushed "
             "us over the line]"],
            ["{team2}'s [captain|goalkeeper] {player2}",
             "[It hurts.|We gave them too much respect.] [We have to look at ourselves|Conceding "
             "that late is unforgivable|We will come back stronger]"]]),
    story(
        "tennis", "", "sport", 3,
        titles=["{star} reaches {city} Open final after three-set battle",
                "{star} [fights back|comes from a set down] to reach final in {city}",
                "{star} [beats|ousts] defending champion [in|at the] {city} Open"],
        standfirsts=["The match lasted almost three hours.",
                     "The final is scheduled for {weekday_next} afternoon."],
        leads=[
            "{star} reached the final of the {city} Open {on_weekday}, coming from a set down to "
            "beat the defending champion in a match that lasted almost three hours.",
            "[The defending champion|Last year's winner] is out of the {city} Open: {star} "
            "[beat|overcame|outlasted] the title holder in three sets {on_weekday} to "
            "[reach|book a place in] the final.",
            "{star} [battled|fought] back from a set down {on_weekday} to [win|take] a "
            "[gruelling|tense] semi-final at the {city} Open [in three sets|over three sets] and "
            "[reach|set up] [a first final there|a place in the final]."],
        facts=[
            "[Broken|Trailing] early in the first set, {star_last} [struggled|battled|fought] "
            "with the wind and a string of double faults.",
            "{star_last} found [a rhythm|{possessive} range|some rhythm] on serve [midway "
            "through|early in|late in] the second set[ and levelled the match| to force a "
            "decider|].",
            "The decisive break came at [4-4|3-3|5-4] in the third set, when a "
            "[forehand|backhand] [pass|winner] down the line drew [roars|a roar] from the "
            "[centre-court crowd|packed stands].",
            "[Earlier|In the other semi-final], an unseeded [teenager|qualifier] [knocked "
            "out|beat] the top seed in straight sets[, the biggest win of her young career|].",
            "[It will be|This is] {star_last}'s {ordinal} final [of the season|this year|on the "
            "tour][, and {possessive} first in {city}|].",
            "[Temperatures|The heat] [on court|in the stadium] [reached|climbed to] {temp}C, and "
            "[players|both players] [used|sat under] ice towels [at changeovers|between games].",
            "{star_last} [hit|served] {num_small} aces [and saved|while saving] [{num_small} "
            "break points|every break point but one].",
            "The [tournament|event] [has sold out|sold out] [its final weekend|the final] for "
            "the [first|{ordinal}] time[ in its history|].",
            "[A medical time-out|A trainer's visit] [late in|during] the second set [for|to "
            "treat] a [blister|sore wrist] [briefly halted|did little to slow] {star_last}.",
            "[The champion|{possessive_cap} opponent] [had won|took] the first set [6-3|6-4|7-5] "
            "[with|thanks to] [heavy|deep|relentless] [serving|returning] [and|but] "
            "[faded|tired|lost {possessive} way] [as the match went on|in the third].",
            "[Ranking points|Prize money] [from|for] [the run|reaching the final] [will "
            "lift|should lift|will take] {star_last} [into the top {num}|to a career high] [next "
            "week|on Monday]."],
        voices=[
            ["{star}",
             "[I told myself to stay patient.|I was not playing well at the start.] [The crowd "
             "carried me through the last few games|Sometimes you just have to stay out there|I "
             "trusted my legs in the third set]"],
            ["{star_last}'s coach, {person2}",
             "[The first set was a mess.|We changed the plan after the first set.] [After that, "
             "it finally worked|We practised that shot down the line for weeks|The serve made "
             "the difference]"]],
        closers=["The final is scheduled for {weekday_next} afternoon[, with rain forecast|, "
                 "weather permitting|]."]),
    story(
        "festival", "", "culture", 5,
        titles=["{city} film festival opens with ‘{film}’",
                "‘{film}’ opens the {city} film festival [to warm applause|to a full house]",
                "{city} film festival [returns|is back] with record ticket sales"],
        standfirsts=["Organisers say ticket sales are at a record high.",
                     "More than {films} films from {num_small} countries will be shown."],
        leads=[
            "The {city} film festival opened {on_weekday} with the premiere of ‘{film}’, a "
            "[quiet|slow-burning|gentle] family drama, a choice that organisers said reflected a "
            "year of [intimate|personal|small] films.",
            "‘{film}’, [a debut|the second feature] by [a young|a local] director, "
            "[opened|launched] the {city} film festival {on_weekday} [to a standing ovation|to "
            "warm applause|before a full house].",
            "[Organisers|The organisers] of the {city} film festival [reported|announced] record "
            "ticket sales as the [ten-day|week-long] [event|festival] opened {on_weekday} with "
            "‘{film}’."],
        facts=[
            "[More than|Over|Some] {films} films from {num_small} countries will be "
            "[shown|screened] over [ten days|the next ten days|the coming week and a half].",
            "[Advance ticket sales|Pre-sales] were the highest in the festival's "
            "[history|{num}-year history], [organisers|the festival] said.",
            "[‘{film}’|The opening film] [follows|tells the story of] [three sisters|two "
            "brothers|a widowed father] who return to [their|a] childhood home to sell it.",
            "[The director|Its director] [said|told the audience] [the story|the script] [was "
            "based|drew] on [her own family|his grandmother's letters|a newspaper cutting].",
            "Organisers said they had [worked hard|tried] to keep prices [affordable|low], with "
            "[discounts|cheaper tickets] for students and pensioners.",
            "[A number of|Several|Many] [free|open-air] [screenings|events] [will be held|are "
            "planned] in [parks and libraries|squares and community halls] [across|around] the "
            "city.",
            "[Critics|Reviewers] have [broadly|mostly] [welcomed|praised] the programme, "
            "[although|but] some [argued|said] that [big names|well-known directors] left too "
            "little room for [younger|newer] [film-makers|artists].",
            "The festival [closes|ends] on the last weekend of the month with an open-air "
            "screening [in the old harbour|on the cathedral square|by the river].",
            "[A retrospective|A season] [devoted to|of films by] [a local|the city's best-known] "
            "[director|cinematographer] [runs|will run] [alongside|in parallel with] the "
            "[competition|main programme].",
            "[Volunteers|{num} volunteers] [help|will help] [run|staff] the [cinemas|venues] "
            "[and|while] [local|nearby] [restaurants|cafes] [offer|have] [festival "
            "menus|discounts for ticket holders].",
            "[The jury|This year's jury] [is chaired by|is led by] [an actor|a documentary "
            "maker|a former festival director] [from|born in] {city}, [who|and she] [will "
            "award|hands out] [the main prize|the festival's top award] [on the final night|at "
            "the closing gala].",
            "[Two|Three|Several] [cinemas|screens] [in the old town|on the waterfront] "
            "[reopened|were restored] [for the festival|this year] [after|following] [years of "
            "closure|a long renovation]."],
        voices=[
            ["{person2}, the festival's director",
             "[People want to sit in the dark together again.|We looked for films that trust the "
             "audience.] [You can feel it at the box office|This year's programme is our "
             "boldest|We are already almost sold out]"],
            ["{person3}, [a critic|a film critic] [for a local paper|and broadcaster]",
             "[It is a brave opening.|The programme is strong.] [Not every festival would start "
             "with something this quiet|But it plays it a little safe|The competition looks open "
             "this year]"]]),
    story(
        "heatwave", "", "climate", 5,
        titles=["Heatwave warnings issued as temperatures near {temp}C",
                "{temp}C [forecast|expected] as heat warnings [spread|widen]",
                "[Heat|Heatwave] warnings [in place|issued] for {city} and [inland areas|much of "
                "the country]"],
        standfirsts=["Forecasters expect the heat to last into next week.",
                     "Health officials urge people to check on elderly neighbours."],
        leads=[
            "Forecasters issued heat warnings for much of the country {on_weekday}, with "
            "temperatures expected to approach {temp}C in some inland areas by the weekend.",
            "[Temperatures|Thermometers] [could reach|may hit] {temp}C [in|around] {city} [this "
            "weekend|within days], forecasters [warned|said] {on_weekday} as they "
            "[issued|raised] heat warnings [for|across] [much of the country|several regions].",
            "[A|The] [heatwave|spell of hot weather] [will|is set to] [tighten its "
            "grip|intensify] [over the coming days|into next week], [forecasters said|the "
            "weather service said] {on_weekday} as it [issued|extended] heat warnings, with "
            "{temp}C [possible|expected] [around|in] {city}."],
        facts=[
            "Health officials [advised|told|urged] people to avoid [strenuous activity|hard "
            "exercise|physical work] [in the afternoon|in the middle of the day|at midday].",
            "[People were urged|Officials urged people|Residents were asked] to check on "
            "[elderly|older] neighbours and keep [windows|curtains] [shaded|closed] during the "
            "day.",
            "[Farmers|Growers] [warned|said|fear] that [the combination of|] heat and dry soil "
            "could [cut|reduce|hit] [yields|harvests] of wheat and barley.",
            "Water companies asked customers to use [hosepipes|garden sprinklers] sparingly[ and "
            "to report leaks|, and one said a ban could follow|].",
            "[Local authorities|Councils] said their emergency plans had been [updated|revised] "
            "after last year's extreme weather, with more staff on call.",
            "[Warnings|Alerts] [are sent|will be sent] [directly|straight] to mobile phones in "
            "[affected|the hottest] areas.",
            "Scientists say a warming climate makes such extremes more [frequent|common] and "
            "more [intense|severe].",
            "[Cooling centres|Air-conditioned halls] [will open|are opening] in "
            "[libraries|community centres] [in {city}|across the region] [from "
            "{weekday_next}|this week].",
            "[Railway operators|Rail companies] [warned|said] that [speed limits|slower trains] "
            "[may be|could be] [imposed|needed] [because|as] [rails|tracks] [can buckle|expand] "
            "in the heat.",
            "[The last|Last year's] [heatwave|hot spell] [was linked to|led to] [hundreds "
            "of|{big}] [extra |]deaths, [mostly|many of them] among [older people|the elderly].",
            "[Fire services|Firefighters] [warned|said] that [grassland|heath] and "
            "[forest|woodland] [fires|blazes] [were likely|could spread quickly] [and "
            "asked|urging] people not to [light barbecues|use barbecues] [in parks|outdoors].",
            "[Schools|Some schools] [in {city}|in the worst-hit areas] [will|plan to] [close "
            "early|shorten the day] [and|while] [sports days|outdoor lessons] [have been|were] "
            "[moved|cancelled]."],
        voices=[
            ["{person2}, a climate scientist at {think_tank}",
             "[Events that used to be rare are becoming routine.|This is what the models "
             "predicted.] [Planning has to assume the extremes, not the averages|Every heatwave "
             "now is hotter because of the warming already caused|Cities are not built for this "
             "heat]"],
            ["{person}, [a farmer|who grows barley] near {city}",
             "[The ground is like concrete.|We start at four in the morning and stop at noon.] "
             "[If it does not rain soon, we lose half the crop|The animals cannot take it|I have "
             "never seen it this dry in spring]"]]),
]

DE_STORIES = [
    story(
        "ukraine-front", "ukraine russia", "world", 5,
        titles=["Ukraine meldet schwere Kämpfe bei {ua_city}",
                "Russland verstärkt Angriffe im Osten der Ukraine",
                "Ukrainische Armee wehrt {num} russische Vorstöße ab"],
        standfirsts=["Die Angaben lassen sich nicht unabhängig überprüfen.",
                     "Militärexperten erwarten keinen schnellen Durchbruch."],
        leads=[
            "Die ukrainische Armee hat nach eigenen Angaben {on_weekday} {num} "
            "[Angriffe|Vorstöße] russischer Truppen im Osten des Landes abgewehrt. Die "
            "[schwersten|heftigsten] Gefechte gab es demnach [südlich|östlich] von {ua_city}.",
            "Russische Truppen haben [binnen 24 Stunden|innerhalb eines Tages] {num} Mal "
            "[versucht|den Versuch unternommen], [bei|nahe] {ua_city} "
            "[vorzurücken|durchzubrechen], [teilte der ukrainische Generalstab {on_weekday} "
            "mit|meldete der ukrainische Generalstab {on_weekday}].",
            "[Rund um|Bei] {ua_city} [toben weiter schwere Kämpfe|gehen die schweren Kämpfe "
            "weiter]: Die Ukraine [meldete|zählte] {on_weekday} {num} abgewehrte russische "
            "[Angriffe|Sturmversuche]."],
        facts=[
            "Russische Einheiten [hätten|hatten] mit [Panzerfahrzeugen|Schützenpanzern] und "
            "Artillerie versucht, auf [mehrere|zwei|drei] Dörfer vorzurücken, [hieß es aus "
            "Kiew|teilte der Generalstab mit].",
            "Die [Verteidigungslinien|Stellungen] hätten [gehalten|standgehalten]. [Unabhängig "
            "überprüfen|Überprüfen] ließen sich die Angaben [nicht|zunächst nicht].",
            "Das Verteidigungsministerium in Moskau sprach [in seinem täglichen Lagebericht|am "
            "Abend] davon, die eigenen Truppen hätten „ihre Positionen verbessert“.",
            "[Diese Formulierung|Den Ausdruck] [verwendet|nutzt] [das Ministerium|Moskau] "
            "[häufig|meist|oft] für [kleine|geringe] Geländegewinne.",
            "In {ua_city} [beschädigte|traf] [nächtlicher|nächtlicher russischer] Beschuss [nach "
            "Angaben der Stadtverwaltung|laut Behörden] eine [Schule|Klinik|Kita] und "
            "[mehrere|{num_small}] Wohnhäuser.",
            "[Verletzte gab es nicht|Verletzt wurde niemand|Opfer wurden nicht gemeldet]. Die "
            "Bewohner [frontnaher|grenznaher] [Dörfer|Orte] wurden [erneut|abermals] "
            "[aufgefordert|gebeten], ihre Häuser zu verlassen.",
            "Die Regierung in Kiew [drängt|bittet] ihre Verbündeten seit [Wochen|Monaten], "
            "[Flugabwehrsysteme|Flugabwehr] und Munition [schneller|rascher] zu liefern.",
            "[Freiwillige|Helfer], die [Evakuierungsbusse|Evakuierungsfahrten] "
            "[organisieren|fahren], berichten von [steigender|wachsender] Nachfrage.",
            "[Sanitäter|Ärzte] [an einem Stabilisierungspunkt|in einem Feldlazarett] [hinter der "
            "Front|nahe der Front] [versorgten|behandelten] [in der Nacht|seit dem Abend] "
            "{num_small} [Verwundete|verwundete Soldaten].",
            "[Satellitenbilder|Luftaufnahmen] [unabhängiger|freier] [Analysten|Beobachter] "
            "[zeigen|deuten auf] neue [Schützengräben|Verteidigungslinien] [westlich von|hinter] "
            "{ua_city}.",
            "Der Zugverkehr nach {ua_city} wurde für [mehrere Stunden|die Nacht] "
            "[eingestellt|unterbrochen], nachdem [Beschuss|ein Angriff] [die Gleise|eine Brücke] "
            "beschädigt hatte."],
        voices=[
            ["{person2}, {expert2} bei der {think_tank}",
             "[Keine der beiden Armeen hat derzeit die Reserven für einen Durchbruch.|Das ist "
             "ein Abnutzungskrieg.] [Der Frontverlauf hat sich seit Monaten kaum verändert|Wer "
             "zuerst keine Munition mehr hat, verliert|Kleine Gewinne kosten enorme Verluste]"],
            ["ein Fahrer, der nur seinen Vornamen nennen wollte",
             "[Viele warten bis zum letzten Moment.|Wir fahren leer hin und voll zurück.] [Dann "
             "gehen sie mit einer Tasche und der Katze|Jeden Tag werden es mehr|Die meisten sind "
             "alt und können kaum laufen]"]],
        closers=["Die Kämpfe [dauerten|hielten] [bis in den Abend|bis in die Nacht] an, [hieß "
                 "es|teilte der Generalstab mit]."]),
    story(
        "ukraine-drohnen", "ukraine russia drones", "world", 3,
        titles=["Ukraine wehrt nächtlichen Drohnenangriff Russlands ab",
                "Trümmer abgeschossener Drohnen beschädigen Häuser in {ua_city}",
                "Russland greift Ukraine mit {num_plus} Drohnen an"],
        standfirsts=["Die Flugabwehr meldet {num} abgeschossene Drohnen.",
                     "Verletzte gab es nach ersten Angaben nicht."],
        leads=[
            "Die ukrainische Luftwaffe hat in der Nacht nach eigenen Angaben {num} von "
            "{num_plus} Drohnen abgeschossen, die Russland auf Ziele in mehreren Regionen "
            "[gestartet|abgefeuert] hatte, darunter die Umgebung von {ua_city}.",
            "Russland hat die Ukraine [in der Nacht|erneut] mit {num_plus} Drohnen "
            "[angegriffen|attackiert]. [Die Flugabwehr|Die ukrainische Luftabwehr] [holte nach "
            "Angaben aus Kiew {num} davon vom Himmel|schoss nach Angaben aus Kiew {num} davon ab].",
            "[Trümmer|Teile] abgeschossener russischer Drohnen haben {on_weekday} [Häuser|ein "
            "Lagerhaus] [in|bei] {ua_city} beschädigt. Die Ukraine [meldete|sprach von] {num} "
            "[abgewehrten|abgeschossenen] Drohnen."],
        facts=[
            "[Herabfallende Trümmer|Trümmerteile] beschädigten ein [Lagerhaus|Geschäft] und "
            "[mehrere|{num_small}] Wohnhäuser, [teilte Gebietsgouverneur {person} mit|so "
            "Gouverneur {person}].",
            "Die Feuerwehr [löschte|bekämpfte] einen Brand auf einem "
            "[Lagergelände|Betriebsgelände] [innerhalb von zwei Stunden|bis zum Morgen].",
            "Moskau setzt seit Monaten [verstärkt|zunehmend] auf Langstreckendrohnen, die "
            "[oft|meist] in Wellen gestartet werden, um die Flugabwehr zu [überlasten|erschöpfen].",
            "Kiew baut seinerseits die eigene Drohnenproduktion aus und [greift|attackiert] "
            "[Treibstofflager|Raffinerien|Flugplätze] in Russland an.",
            "Das russische Verteidigungsministerium [meldete|erklärte] {on_weekday}, über "
            "[Grenzregionen|südlichen Regionen] seien [mehrere|{num_small}] ukrainische Drohnen "
            "[abgefangen|zerstört] worden.",
            "[Mobile Einsatzgruppen|Mobile Feuergruppen] mit Maschinengewehren und "
            "[Suchscheinwerfern|Wärmebildkameras] schützen [inzwischen|mittlerweile] viele Städte.",
            "Für {num}.000 Haushalte fiel [vorübergehend|kurzzeitig] der Strom aus, "
            "[bis|während] Techniker die [beschädigten|getroffenen] Leitungen "
            "[prüften|reparierten].",
            "Der [Luftalarm|Alarm] [dauerte fast {num_small} Stunden|hielt mehr als {num_small} "
            "Stunden an], viele Menschen [verbrachten die Nacht|suchten Schutz] in "
            "[U-Bahn-Stationen|Kellern].",
            "Eine [Abwehrrakete|Flugabwehrrakete] kostet [oft|meist] ein Vielfaches der Drohne, "
            "die sie [abschießt|zerstört], deshalb setzt die Ukraine [zunehmend|verstärkt] auf "
            "[billigere|günstigere] [Abfangdrohnen|Geschütze]."],
        voices=[
            ["{person2}, {expert2} für unbemannte Systeme bei der {think_tank}",
             "[Der Drohnenkrieg ist ein Wettlauf um Menge und Kosten.|Masse schlägt inzwischen "
             "Qualität.] [Eine billige Drohne, die eine teure Rakete bindet, ist ein Gewinn|Wer "
             "mehr und schneller baut, ist im Vorteil]"],
            ["{person3}, [eine Anwohnerin|ein Anwohner|eine Lehrerin] aus {ua_city}",
             "[Wir hörten lange das Summen, dann einen Knall.|Es klang wie ein Moped über dem "
             "Dach.] [Dann flogen die Fenster heraus|Die Kinder schlafen jetzt im Flur|Danach "
             "hat niemand mehr geschlafen]"]]),
    story(
        "russland-wirtschaft", "russia", "business", 3,
        titles=["Russlands Zentralbank belässt Leitzins bei {rate} Prozent",
                "Russische Notenbank hält Zinsen hoch – Inflation bleibt hartnäckig"],
        standfirsts=["Die Inflation liegt weiter deutlich über dem Ziel.",
                     "Ökonomen halten eine Senkung im {month_next} für möglich."],
        leads=[
            "Die russische Zentralbank hat ihren Leitzins {on_weekday} bei {rate} Prozent "
            "belassen. Die Inflation liege [weiter|weiterhin] deutlich über dem Zielwert, hieß "
            "es zur Begründung.",
            "[Russlands|Die russische] Notenbank [hält|lässt] den Leitzins [unverändert|stabil] "
            "bei {rate} Prozent. [Die Teuerung|Die Inflation] sei [noch|weiterhin] zu hoch, "
            "[erklärte die Bank {on_weekday}|teilte die Bank {on_weekday} mit]."],
        facts=[
            "Die Teuerung [liege|lag] auf das Jahr hochgerechnet bei {pct} Prozent, [so die "
            "Notenbank|teilte die Bank mit].",
            "Der [angespannte|leergefegte] Arbeitsmarkt [treibe|treibt] die Löhne "
            "[schneller|stärker] als die Produktivität, warnte die [Notenbank|Zentralbank].",
            "Sanktionen und hohe Staatsausgaben haben die russische Wirtschaft "
            "[verändert|umgekrempelt].",
            "Die Rüstungsindustrie wächst [kräftig|rasant], während Branchen, die auf "
            "importierte Bauteile angewiesen sind, [etwa die Autoindustrie|wie der Autobau], zu "
            "kämpfen haben.",
            "Der Rubel gab nach der Entscheidung [leicht|etwas] nach und [notierte|lag] bei "
            "[rund|etwa] {fx} [Rubel je Dollar|zum Dollar].",
            "[Nach Zahlen des Finanzministeriums|Laut Finanzministerium] lagen die Einnahmen aus "
            "Öl und Gas zuletzt um {pct2} Prozent unter dem Vorjahreswert.",
            "[Kleine Firmen|Mittelständler] [klagen|beschweren sich], Kredite seien [kaum "
            "noch|nicht mehr] bezahlbar.",
            "[Sparer|Haushalte] [parken|legen] ihr Geld [zunehmend|lieber] auf "
            "[Festgeldkonten|Einlagen], die [inzwischen|derzeit] mehr als {rate} Prozent "
            "[bringen|abwerfen].",
            "Die [Kreditvergabe|Vergabe von Hypotheken] [sank|schrumpfte] [den {ordinal_de}n "
            "Monat in Folge|erneut], [teilte die Bank mit|so die Notenbank].",
            "[Die Regierung|Das Finanzministerium] [plant|will] [höhere Steuern|neue Abgaben] "
            "für [Banken|Rohstoffkonzerne], um das [Haushaltsloch|Defizit] zu "
            "[stopfen|verkleinern].",
            "[Ökonomen|Beobachter] rechnen [für dieses Jahr|in diesem Jahr] [nur mit|allenfalls "
            "mit] [schwachem|geringem] Wachstum.",
            "[Die Preise für Lebensmittel|Lebensmittelpreise] stiegen [zuletzt|im Vormonat] "
            "[besonders|überdurchschnittlich] stark.",
            "[Eine Bäckerin|Eine Café-Besitzerin] in [Kasan|Samara] [sagte|erzählte] [örtlichen "
            "Medien|einer Regionalzeitung], sie habe [ihre Expansionspläne|die Eröffnung einer "
            "zweiten Filiale] [verschoben|auf Eis gelegt]."],
        voices=[
            ["{person2} von der {think_tank}",
             "[Die Zentralbank kauft sich Zeit.|Die Entscheidung war keine Überraschung.] [Sie "
             "will sicher sein, dass die Abkühlung anhält|Der Haushalt arbeitet gegen die "
             "Notenbank|Eine Senkung im Frühjahr ist noch möglich]"]],
        closers=["Der Rat der Notenbank tagt das nächste Mal im {month_next}[; dann sei eine "
                 "Senkung möglich, schätzen Ökonomen|]."]),
    story(
        "israel", "israel", "world", 4,
        titles=["Israels Koalition vor schwieriger Haushaltsabstimmung",
                "Proteste in Israel während der Haushaltsdebatte",
                "Haushaltsstreit bringt Israels Regierung in Bedrängnis"],
        standfirsts=["Zwei kleinere Partner drohen, die Zustimmung zu verweigern.",
                     "Umfragen sehen keine Mehrheit für eines der Lager."],
        leads=[
            "Die Regierungskoalition in Israel steht {on_weekday} vor einer "
            "[entscheidenden|schwierigen] Abstimmung über den Haushalt. Zwei kleinere Partner "
            "drohen, ihre Zustimmung zu verweigern.",
            "Vor der Knesset in Jerusalem haben {on_weekday} Tausende Menschen "
            "[demonstriert|protestiert], während [die Abgeordneten|das Parlament] über den "
            "[umstrittenen|israelischen] Haushalt [debattierten|stritten].",
            "[Der Streit um|Der Konflikt über] den Haushalt [bringt|stürzt] Israels Regierung in "
            "[Bedrängnis|eine Krise]: [Zwei kleinere|Beide kleineren] "
            "[Koalitionspartner|Parteien] [drohten|kündigten an] {on_weekday}, dagegen zu stimmen.",
            "Israels Regierung [ringt|kämpft] {on_weekday} um [ihren Haushalt|eine Mehrheit für "
            "den Haushalt]: Zwei kleine Koalitionspartner [stellen Bedingungen|knüpfen ihre "
            "Zustimmung an Forderungen], [und die Opposition mobilisiert|vor der Knesset "
            "protestieren Tausende]."],
        facts=[
            "Das Paket sieht höhere Ausgaben für [Verteidigung|das Militär] und Wohnungsbau vor, "
            "während [mehrere|{num_small}] Ministerien Kürzungen hinnehmen müssen.",
            "Die Opposition sprach von einer „Liste von Gefälligkeiten“ und [kündigte Widerstand "
            "im Ausschuss an|versprach Widerstand in jeder Lesung].",
            "[Viele|Zahlreiche] [Demonstranten|Protestierende] forderten Neuwahlen. Die Polizei "
            "nahm {num} [Personen|Menschen] fest, die eine [Straße|Kreuzung] blockiert hatten.",
            "Nach jüngsten Umfragen käme keines der großen Lager auf eine eigene Mehrheit, wenn "
            "[jetzt|in diesen Tagen] gewählt würde.",
            "Wird der Haushalt nicht [fristgerecht|rechtzeitig] verabschiedet, löst sich das "
            "Parlament automatisch auf[, und Israel stünde vor einer weiteren Wahl|].",
            "[Wirtschaftsverbände|Unternehmen] [mahnten|drängten] zur Eile: Die Unsicherheit "
            "[belaste|bremse] [bereits|schon jetzt] Investitionen in der Technologiebranche.",
            "[Unterhändler|Berater des Regierungschefs] verhandelten [bis tief in die Nacht|bis "
            "in die frühen Morgenstunden], um die [Abweichler|beiden Parteien] "
            "[umzustimmen|zurückzugewinnen].",
            "[Eine der|Die kleinere der] beiden Parteien [verlangt|fordert] mehr Geld für "
            "[religiöse Schulen|ihre Wählerhochburgen], die andere [lehnt Kürzungen bei Renten "
            "ab|wehrt sich gegen Kürzungen bei Sozialleistungen].",
            "Der Finanzminister warb [im Plenum|in der Debatte] [eindringlich|mit Nachdruck] für "
            "das Paket und warnte vor [einem Stillstand|wirtschaftlichen Schäden].",
            "[Die Ratingagenturen|Ratingagenturen] [beobachten|verfolgen] den Streit "
            "[genau|aufmerksam]; ein [längerer|monatelanger] Stillstand könnte die "
            "[Kreditwürdigkeit|Bonität] [belasten|drücken].",
            "[In Tel Aviv|Auch in Tel Aviv und Haifa] gingen [am Abend|später am Tag] "
            "[ebenfalls|zahlreiche] Menschen auf die Straße.",
            "Die [Debatte|Sitzung] im Ausschuss dauerte [über|mehr als] {num_small} Stunden; "
            "Oppositionsabgeordnete reichten [Hunderte|{big}] Änderungsanträge ein.",
            "[Mehrere|Einige] [Bürgermeister|Kommunalpolitiker] [warnten|klagten], die Kürzungen "
            "träfen [vor allem|besonders] [Schulen und Nahverkehr|ärmere Gemeinden].",
            "[Beobachter|Kommentatoren] halten eine Einigung in letzter Minute [für "
            "wahrscheinlich|für das wahrscheinlichste Szenario]."],
        voices=[
            ["{person2}, {expert2} bei der {think_tank}",
             "[Diese Koalition hat Schlimmeres überstanden.|Niemand in der Koalition will jetzt "
             "Wahlen.] [Aber jede Abstimmung hat inzwischen ihren Preis|Diese Angst hält sie "
             "zusammen|Die Frage ist, wie viel die Kleinen herausholen]"],
            ["{person3}, [eine Studentin|ein Rentner|eine Lehrerin] auf der Kundgebung",
             "[Wir sind hier, weil uns niemand zuhört.|Ich war noch nie auf einer Demo.] [Ich "
             "will eine Regierung, die funktioniert|Wir kommen jede Woche wieder|Es reicht]"]]),
    story(
        "iran", "iran", "world", 3,
        titles=["Iran und europäische Unterhändler nehmen Atomgespräche wieder auf",
                "Atomgespräche mit dem Iran in Wien: Erwartungen sind gering"],
        standfirsts=["Diplomaten dämpfen die Erwartungen.",
                     "Die UN-Behörde kann die Vorräte nicht mehr vollständig prüfen."],
        leads=[
            "Vertreter Irans und dreier europäischer Staaten haben {on_weekday} in Wien ihre "
            "Gespräche über das iranische Atomprogramm wieder aufgenommen – erstmals seit "
            "[mehreren|{num_small}] Monaten. Die Erwartungen sind [gering|gedämpft].",
            "[Nach monatelanger Pause|Nach langem Stillstand] sitzen der Iran und drei "
            "europäische Staaten wieder [an einem Tisch|am Verhandlungstisch]: {On_weekday} "
            "[begannen|starteten] in Wien neue Atomgespräche.",
            "Die Atomgespräche mit dem Iran sind {on_weekday} in Wien [fortgesetzt|wieder "
            "aufgenommen] worden. [Diplomaten|Beteiligte] sprechen von [geringen|bescheidenen] "
            "Erwartungen."],
        facts=[
            "Die iranische Delegation wird von Vizeaußenminister {person_ir} geleitet. Teheran "
            "sei zu „ernsthaften“ Gesprächen bereit, sagte er [bei seiner Ankunft|vor "
            "Journalisten].",
            "[Voraussetzung sei|Bedingung sei], dass auch über eine Lockerung der Sanktionen "
            "[gesprochen|verhandelt] werde, [fügte er hinzu|so der Diplomat].",
            "Europäische Diplomaten sprachen von Sondierungen. Die Erwartungen seien „niedrig, "
            "aber nicht null“, sagte ein Teilnehmer.",
            "Die UN-Atomaufsicht berichtete [zuletzt|in ihrem jüngsten Bericht], der Zugang "
            "ihrer Inspekteure zu [einigen|mehreren] Anlagen sei eingeschränkt worden.",
            "Damit lasse sich der Umfang der Vorräte an angereichertem Uran [schwerer|kaum noch] "
            "[überprüfen|kontrollieren].",
            "Der Iran betont, sein Atomprogramm diene [ausschließlich|allein] friedlichen Zwecken.",
            "Die Sanktionen [belasten|treffen] die Ölexporte und die Landeswährung "
            "[schwer|hart], [was den Druck auf Teheran erhöht|der Druck auf die Führung wächst].",
            "[Frühere|Vorherige] Runden [scheiterten|waren gescheitert] an der Frage, in welcher "
            "Reihenfolge Sanktionen [gelockert|aufgehoben] und Kontrollen "
            "[ausgeweitet|zugelassen] werden.",
            "Die Gespräche [finden|fanden] unter [strengen|hohen] Sicherheitsvorkehrungen in "
            "einem Hotel [in der Innenstadt|nahe dem Ring] statt.",
            "Die [neue|jüngste] Runde in Wien gilt [Beobachtern|vielen] als [Test|Prüfstein] für "
            "den [politischen Willen|Verhandlungswillen] beider Seiten.",
            "[Vor dem Hotel|Vor dem Tagungsort] [versammelten sich|standen] [einige "
            "Dutzend|mehrere Dutzend] [Demonstranten|Exil-Iraner] [mit Fahnen|hinter "
            "Absperrungen].",
            "[Teheran|Die iranische Führung] [verlangt|will] [Garantien|Zusicherungen], dass "
            "künftige Regierungen [eine Einigung|ein Abkommen] nicht [wieder|erneut] aufkündigen.",
            "Die Teuerung im Land [liegt|lag] [zuletzt|nach offiziellen Zahlen] bei [über|mehr "
            "als] {pct_high} Prozent[; viele Familien kaufen kleinere Packungen|].",
            "Die Landeswährung [fiel|rutschte] auf dem [freien Markt|Schwarzmarkt] [auf ein "
            "Rekordtief|so tief wie nie], [berichten|sagen] [Händler in Teheran|Devisenhändler].",
            "Zunächst soll nach Angaben [europäischer Diplomaten|aus Diplomatenkreisen] über "
            "[die Kontrollen|die Rückkehr der Inspekteure] gesprochen werden.",
            "Die USA sitzen nicht mit am Tisch, werden aber [laufend|regelmäßig] "
            "[unterrichtet|informiert]."],
        voices=[
            ["{person2}, {expert2} für Rüstungskontrolle bei der {think_tank}",
             "[Beide Seiten wollen eine Eskalation vermeiden.|Reden ist besser als nicht reden.] "
             "[Aber keine will zuerst nachgeben|Die Gräben sind so tief wie vor einem "
             "Jahr|Erwarten Sie kleine Schritte, keinen Durchbruch]"]],
        closers=["Eine weitere Runde ist für den {month_next} [geplant|im Gespräch], ein Termin "
                 "steht [aber|allerdings] noch nicht fest."]),
    story(
        "wirtschaft", "", "business", 7,
        titles=["{company} streicht {big} Stellen in {city}",
                "Stellenabbau bei {company}: Werk in {city} [schließt|wird geschlossen]",
                "Gewerkschaft kündigt Widerstand gegen Stellenabbau bei {company} an"],
        standfirsts=["Die Gewerkschaft kündigt Widerstand an.",
                     "Das Unternehmen verweist auf hohe Energiekosten und schwache Exporte."],
        leads=[
            "Das Unternehmen {company} will in den nächsten zwei Jahren {big} Stellen abbauen "
            "und sein älteres Werk in {city} schließen. Das teilte das Unternehmen {on_weekday} "
            "mit.",
            "[Schwerer Schlag|Harter Schlag] für {city}: {company} [streicht {big} "
            "Arbeitsplätze|baut {big} Arbeitsplätze ab] und [verlagert|verlegt] die Produktion "
            "[an einen neueren Standort|ins Ausland], wie {on_weekday} bekannt wurde.",
            "{company} [reagiert|antwortet] auf [schwache|sinkende] Exporte und hohe "
            "Energiekosten mit [einem harten Sparprogramm|Stellenabbau]: {big} "
            "[Arbeitsplätze|Stellen] in {city} [fallen weg|sollen wegfallen]."],
        facts=[
            "Der Auftragseingang der Industrie [fiel|sank] [den {ordinal_de}n Monat in "
            "Folge|erneut], [wie das Statistikamt mitteilte|zeigen aktuelle Zahlen].",
            "Vor allem aus dem Ausland kamen weniger Bestellungen, Kunden bauten "
            "[lieber|zunächst] ihre Lager ab.",
            "[Zunächst|Vorrangig] sollen [Abfindungen|Vorruhestandsregelungen] angeboten werden, "
            "[betriebsbedingte Kündigungen|Entlassungen] seien [aber nicht ausgeschlossen|nicht "
            "vom Tisch].",
            "Das Werk in {city} wurde in den [Siebzigerjahren|Sechzigerjahren] gebaut und "
            "[beschäftigte|zählte] [zu Spitzenzeiten|früher] [doppelt|dreimal] so viele Menschen.",
            "Die Aktie von {company} [stieg nach der Ankündigung um {pct} Prozent|legte nach der "
            "Ankündigung um {pct} Prozent zu], Anleger [begrüßten|honorierten] den Sparkurs.",
            "[Zulieferer|Händler|Gastwirte] in der Umgebung [fürchten|sorgen sich um] "
            "[Folgen|die Folgen] für [ihre Geschäfte|den Ort].",
            "Die Landesregierung will mit [der Geschäftsführung|dem Vorstand] und [dem "
            "Bürgermeister|der Stadt] über [Umschulungen|Qualifizierung] sprechen.",
            "Ökonomen der {think_tank} sehen dennoch keine neue Rezession. Die gesunkenen "
            "Energiepreise verschafften den Unternehmen [etwas|ein wenig] Luft.",
            "Die Inflation [sank|fiel] [zuletzt|im vergangenen Monat] auf {pct} Prozent, "
            "[doch|aber] die [Kreditzinsen|Finanzierungskosten] bleiben [hoch|eine Belastung].",
            "[Der Bürgermeister|Die Oberbürgermeisterin] von {city} [nannte die Entscheidung "
            "einen schweren Schlag|bezeichnete die Entscheidung als bitter] für [die Stadt|die "
            "Region]."],
        voices=[
            ["{person}, Betriebsratschef des Werks",
             "[Das ist ein bitterer Tag für die ganze Region.|Die Leute haben dieser Firma "
             "vierzig Jahre gegeben.] [Wir werden um jeden Arbeitsplatz kämpfen|Sie haben mehr "
             "verdient als eine Pressemitteilung|Wir prüfen jede Möglichkeit]"],
            ["{person2} aus der Geschäftsführung von {company}",
             "[Das sind schwierige Entscheidungen.|Niemand macht sich diesen Schritt leicht.] "
             "[Wir zahlen für Energie doppelt so viel wie die Konkurrenz|Der neue Standort "
             "sichert die Zukunft des Unternehmens]"]]),
    story(
        "sport", "", "sport", 6,
        titles=["{team} schlägt {team2} {score} und übernimmt die Tabellenführung",
                "Später Treffer: {team} gewinnt {score} gegen {team2}",
                "{team} feiert gegen {team2} den {ordinal_de}n Sieg in Folge"],
        standfirsts=["Ein Kopfball in der Nachspielzeit entschied die Partie.",
                     "Für {team2} wird es im Titelrennen nun schwer."],
        leads=[
            "{team} hat {on_weekday} mit einem {score} gegen {team2} die Tabellenführung "
            "übernommen. Vor {crowd} Zuschauern im [ausverkauften|vollen] Stadion war es der "
            "{ordinal_de} Sieg in Folge.",
            "Ein [später|spät erzielter] [Treffer|Kopfball] hat {team} {on_weekday} einen "
            "{score}-Sieg gegen {team2} [beschert|gebracht] – und [die Tabellenspitze|Platz eins].",
            "{team} [bleibt|ist] [in Serie|nicht zu stoppen]: Gegen {team2} [gewann|siegte] die "
            "Mannschaft {on_weekday} {score} [und feierte|und holte] den {ordinal_de}n Sieg in "
            "Folge."],
        facts=[
            "Die Gäste begannen [stark|mutig] und trafen [nach zehn Minuten|früh] den "
            "[Pfosten|Querbalken].",
            "Kurz vor der Pause [gingen die Gastgeber|ging {team}] durch {player} in Führung, "
            "der eine flache Hereingabe [am kurzen Pfosten verwertete|einschob].",
            "Nach dem Seitenwechsel wurde die Partie [offener|hektischer], [mit Chancen auf "
            "beiden Seiten|beide Teams suchten die Entscheidung].",
            "{team2} glich [in der {minute}. Minute|nach gut einer Stunde] per Foulelfmeter "
            "aus[, nach einem Handspiel im Strafraum|].",
            "[Die Entscheidung|Den Siegtreffer] brachte ein Kopfball nach einer Ecke in der "
            "Nachspielzeit[ am langen Pfosten|].",
            "Für {team2} wird es im Titelrennen [nun schwer|eng]: Der Rückstand auf die Spitze "
            "beträgt {num_small} Punkte.",
            "[Die Gastgeber|{team}] hatten {possession} Prozent Ballbesitz, [taten sich aber "
            "schwer|fanden aber lange kein Mittel] gegen die [tief stehende|dicht gestaffelte] "
            "Abwehr.",
            "[Der Torwart|Der Keeper] der Gäste [hielt|parierte] [mehrfach|zweimal] "
            "[stark|glänzend] und [hielt sein Team lange im Spiel|bewahrte sein Team vor einem "
            "Rückstand].",
            "Beide Mannschaften haben nun eine Woche Pause, bevor das Viertelfinale im Pokal "
            "ansteht.",
            "[Sorgen|Bedenken] bereitet [eine Verletzung|ein Muskelfaserriss] des "
            "[Kapitäns|Innenverteidigers], der [zur Pause|früh] ausgewechselt werden musste.",
            "[Das Stadion|Die Arena] war [zum {ordinal_de}n Mal in Folge|erneut] "
            "[ausverkauft|bis auf den letzten Platz gefüllt].",
            "Der Schiedsrichter [zeigte|verteilte] {num_small} Gelbe Karten[, die Partie blieb "
            "aber fair|].",
            "Nach dem Abpfiff [feierten die Spieler mit den Fans|ließen sich die Spieler von den "
            "Fans feiern][ vor der Kurve|].",
            "Im Viertelfinale [wartet nun ein Zweitligist|trifft die Mannschaft auf einen "
            "unbequemen Gegner]."],
        voices=[
            ["Trainer {person}",
             "[Die Mannschaft hat Charakter gezeigt.|Ich bin stolz auf die Jungs.] [Wir waren "
             "nicht immer gut, aber sie haben nie aufgehört zu laufen|Die Tabellenspitze "
             "bedeutet noch gar nichts|Die Fans haben uns getragen]"],
            ["{team2}-Kapitän {player2}",
             "[Das tut weh.|Wir hatten zu viel Respekt.] [Wir müssen uns an die eigene Nase "
             "fassen|So spät ein Gegentor, das darf nicht passieren|Wir kommen zurück]"]]),
    story(
        "kultur", "", "culture", 5,
        titles=["Filmfestival in {city} eröffnet mit „{film}“",
                "„{film}“ eröffnet das Filmfestival in {city}",
                "Filmfestival {city}: Rekord beim Vorverkauf"],
        standfirsts=["Der Vorverkauf erreichte einen Rekord.",
                     "Mehr als {films} Filme aus {num_small} Ländern stehen auf dem Programm."],
        leads=[
            "Das Filmfestival in {city} ist {on_weekday} mit der Premiere von „{film}“ eröffnet "
            "worden, einem [leisen|stillen|unaufgeregten] Familiendrama.",
            "Mit „{film}“, dem [Debüt|zweiten Spielfilm] einer [jungen|hiesigen] Regisseurin, "
            "hat {on_weekday} das Filmfestival in {city} [begonnen|seine Pforten geöffnet] – "
            "[vor vollem Saal|unter langem Applaus].",
            "[Rekord beim Vorverkauf|Volle Säle]: Das Filmfestival in {city} ist {on_weekday} "
            "mit „{film}“ in seine [neue|diesjährige] Ausgabe gestartet.",
            "[Volle Säle und ein leiser Film|Ein leiser Film vor vollem Haus]: {On_weekday} hat "
            "in {city} das Filmfestival begonnen, [eröffnet mit|den Anfang machte] „{film}“."],
        facts=[
            "Bis zum Ende der kommenden Woche laufen mehr als {films} Filme aus {num_small} "
            "Ländern.",
            "Der Vorverkauf sei so gut gewesen wie nie zuvor, [teilten die Veranstalter mit|hieß "
            "es vom Festival].",
            "„{film}“ erzählt von [drei Schwestern|zwei Brüdern|einem verwitweten Vater], die in "
            "ihr Elternhaus zurückkehren, um es zu verkaufen.",
            "Die Veranstalter [betonen|sagen], man habe die Preise [bewusst|absichtlich] niedrig "
            "gehalten; für Studierende und Rentner gibt es [ermäßigte Karten|Rabatte].",
            "[Zahlreiche|Viele] [kostenlose|freie] Vorführungen [finden in Parks und "
            "Bibliotheken statt|laufen in Parks und Bibliotheken der Stadt].",
            "Die Kritik lobt das Programm [überwiegend|größtenteils]. Manche [bemängeln|finden], "
            "dass große Namen zu viel Raum einnähmen.",
            "Zum Abschluss zeigt das Festival am letzten Wochenende des Monats einen Film unter "
            "freiem Himmel [im alten Hafen|auf dem Domplatz|am Flussufer].",
            "[Eine Retrospektive|Eine Werkschau] widmet sich [einem Kameramann|einer "
            "Regisseurin] aus der Region.",
            "Die Jury leitet in diesem Jahr [eine Schauspielerin|eine Dokumentarfilmerin] aus "
            "{city}, die den Hauptpreis am [Schlussabend|letzten Abend] [vergibt|überreicht].",
            "[Zwei|Drei] [alte|historische] Kinos in der Altstadt [wurden für das Festival "
            "wiedereröffnet|sind für das Festival restauriert worden].",
            "[Erstmals|In diesem Jahr erstmals] [gibt es|zeigt das Festival] [eine eigene "
            "Reihe|ein Programm] für [Kinder und Jugendliche|Schulklassen][, mit Vorstellungen "
            "am Vormittag|].",
            "[Die Premiere|Der Eröffnungsabend] fand im [frisch renovierten|historischen] "
            "Stadttheater statt, das [rund|über] {big} Plätze [hat|bietet].",
            "[Die Regisseurin|Die Filmemacherin] [erzählte|berichtete] nach der Vorführung, [das "
            "Drehbuch|die Geschichte] beruhe auf [Briefen ihrer Großmutter|Erinnerungen ihrer "
            "Familie].",
            "Gedreht wurde in nur {num_small} Wochen [in einem Dorf an der Küste|auf einem "
            "Bauernhof].",
            "[Ehrenamtliche|{num} Freiwillige] [helfen|unterstützen] [beim Einlass|in den "
            "Kinos]; [Restaurants|Cafés] in der Nähe [bieten|haben] [Festivalmenüs|Rabatte für "
            "Kartenbesitzer].",
            "[Die Festivalleitung|Das Festival] rechnet mit [mehr als|über] {big}00 "
            "[Besucherinnen und Besuchern|Gästen] [bis zum Schluss|in den zehn Tagen]."],
        voices=[
            ["Festivalleiterin {person2}",
             "[Die Menschen wollen wieder gemeinsam im Dunkeln sitzen.|Wir haben Filme gesucht, "
             "die dem Publikum vertrauen.] [Das spürt man an der Kasse|Das Programm ist unser "
             "mutigstes|Wir sind fast ausverkauft]"],
            ["{person3}, Filmkritiker",
             "[Ein mutiger Auftakt.|Das Programm ist stark.] [Nicht jedes Festival beginnt so "
             "leise|Aber es bleibt etwas zu sehr auf der sicheren Seite|Der Wettbewerb wirkt "
             "offen]"]]),
    story(
        "klima", "", "climate", 5,
        titles=["Hitzewarnung: Temperaturen bis {temp} Grad erwartet",
                "Hitze in {city}: Wetterdienst warnt vor bis zu {temp} Grad",
                "Hitzewelle hält an – Warnungen für weite Teile des Landes"],
        standfirsts=["Die Hitze soll bis in die kommende Woche anhalten.",
                     "Gesundheitsbehörden raten, nach älteren Nachbarn zu sehen."],
        leads=[
            "Der Wetterdienst hat {on_weekday} für weite Teile des Landes Hitzewarnungen "
            "ausgegeben. Im Binnenland könnten die Temperaturen bis zum Wochenende auf {temp} "
            "Grad steigen.",
            "Der Wetterdienst [erwartet|rechnet mit] [bis zu|knapp] {temp} Grad in {city} [am "
            "Wochenende|in den nächsten Tagen]. {On_weekday} [gab er Hitzewarnungen für mehrere "
            "Regionen aus|wurden Hitzewarnungen für viele Regionen ausgegeben].",
            "Die Hitzewelle [hält an|verschärft sich]: Meteorologen rechnen [bis in die kommende "
            "Woche|noch tagelang] mit Temperaturen [um|von bis zu] {temp} Grad, hieß es "
            "{on_weekday}.",
            "Bis zu {temp} Grad: Für [weite Teile|viele Regionen] des Landes [gelten|bestehen] "
            "[seit {on_weekday}|ab sofort] Hitzewarnungen, [auch|darunter] für {city}."],
        facts=[
            "Gesundheitsbehörden raten, körperliche Anstrengung am Nachmittag zu vermeiden [und "
            "viel zu trinken|].",
            "[Man solle|Bürger sollten] nach älteren Nachbarn sehen und Fenster tagsüber "
            "[abdunkeln|geschlossen halten].",
            "Landwirte befürchten wegen Hitze und trockener Böden [geringere|schlechtere] Ernten "
            "bei Weizen und Gerste.",
            "Die Kommunen haben ihre Notfallpläne nach den Wetterextremen des vergangenen Jahres "
            "[überarbeitet|angepasst]; es gibt mehr Bereitschaftsdienste.",
            "Warnungen werden [direkt|unmittelbar] auf die Mobiltelefone in den betroffenen "
            "Gebieten geschickt.",
            "Nach Einschätzung von Fachleuten macht der Klimawandel solche Extreme "
            "[häufiger|wahrscheinlicher] und heftiger.",
            "In {city} öffnen [ab {weekday_next}|in dieser Woche] [klimatisierte|kühle] Räume in "
            "[Bibliotheken|Gemeindezentren].",
            "Die Bahn [warnt vor|rechnet mit] [Langsamfahrstellen|Verspätungen], weil sich "
            "[Schienen|Gleise] in der Hitze [verformen|ausdehnen] können.",
            "Die Feuerwehr warnt vor [Wald- und Flächenbränden|Bränden in Wäldern] und bittet, "
            "[in Parks nicht zu grillen|auf Grillfeuer zu verzichten].",
            "[Wasserversorger|Stadtwerke] [bitten|appellieren an] die Bürger, "
            "[Rasensprenger|Gartenschläuche] [sparsam|nur abends] zu nutzen.",
            "Kliniken in {city} [stellen sich auf mehr Patienten ein|bereiten sich auf "
            "zusätzliche Notfälle vor], [vor allem|insbesondere] [ältere Menschen|Menschen mit "
            "Vorerkrankungen] seien gefährdet.",
            "[Schulen|Einige Schulen] [verkürzen|kürzen] den Unterricht, [Sportfeste|Ausflüge] "
            "[werden|wurden] [verschoben|abgesagt].",
            "Der [Pegel|Wasserstand] [des Flusses|der Flüsse] liegt [deutlich|weit] unter dem "
            "[Durchschnitt|üblichen Wert]; Frachtschiffe können nur [noch teilweise beladen|mit "
            "halber Ladung] fahren.",
            "[Im vergangenen Sommer|Bei der letzten Hitzewelle] starben [nach Schätzungen|nach "
            "Angaben der Behörden] [Hunderte|mehrere Hundert] Menschen mehr als üblich.",
            "[Die Stadt|{city}] hat [Trinkwasserbrunnen|Wasserspender] [in der Innenstadt|an "
            "zentralen Plätzen] aufgestellt.",
            "Meteorologen erwarten erst [zum Ende der kommenden Woche|in etwa zehn Tagen] "
            "[Abkühlung|Regen und niedrigere Temperaturen]."],
        voices=[
            ["{person2}, {expert2} bei der {think_tank}",
             "[Was früher selten war, wird zur Routine.|Das haben die Modelle vorhergesagt.] "
             "[Die Planung muss sich an den Extremen orientieren|Unsere Städte sind für diese "
             "Hitze nicht gebaut|Jede Hitzewelle ist heute heißer als früher]"],
            ["{person}, Landwirt bei {city}",
             "[Der Boden ist hart wie Beton.|Wir fangen um vier Uhr an und hören mittags auf.] "
             "[Wenn es nicht bald regnet, verlieren wir die halbe Ernte|Die Tiere halten das "
             "kaum aus|So trocken war es im Frühjahr noch nie]"]]),
]

RU_STORIES = [
    story(
        "ukraine-front", "ukraine russia", "world", 5,
        titles=["ВСУ заявили об отражении {num} атак российских войск",
                "Россия усиливает натиск на востоке Украины",
                "Украина сообщает о тяжёлых боях под городом {ua_city}"],
        standfirsts=["Проверить эти данные независимо невозможно.",
                     "Эксперты не ожидают быстрого прорыва ни с одной стороны."],
        leads=[
            "Вооружённые силы Украины {on_weekday} сообщили, что за сутки отразили {num} атак "
            "российских войск на восточном направлении. Самые [тяжёлые|ожесточённые] бои, по их "
            "данным, шли под городом {ua_city}.",
            "Российские войска [за сутки|в течение дня] {num} раз пытались [прорвать "
            "оборону|продвинуться] под городом {ua_city}, [сообщил|заявил] {on_weekday} Генштаб "
            "Вооружённых сил Украины.",
            "Под городом {ua_city} [продолжаются|не утихают] [тяжёлые|ожесточённые] бои: Украина "
            "{on_weekday} [сообщила|заявила] об отражении {num} [атак|штурмов] российской армии."],
        facts=[
            "По словам украинского Генштаба, российские подразделения пытались продвинуться к "
            "[нескольким|двум|трём] сёлам при поддержке бронетехники и артиллерии.",
            "Линия обороны [выдержала|устояла], [утверждают в Киеве|говорится в сводке]. "
            "Независимо проверить эти сведения [невозможно|не удалось].",
            "Министерство обороны России в [ежедневной|вечерней] сводке заявило, что его войска "
            "«улучшили положение по переднему краю».",
            "Так [ведомство|Москва] [обычно|как правило] описывает [небольшие|незначительные] "
            "продвижения.",
            "[Местные власти|Городская администрация] сообщили, что [ночным|вечерним] обстрелом "
            "[повреждены|задеты] [школа|поликлиника|детский сад] и несколько [частных|жилых] "
            "домов.",
            "[Пострадавших нет|О пострадавших не сообщается]. Жителей прифронтовых "
            "[сёл|посёлков] [вновь|снова] призвали эвакуироваться.",
            "Киев уже несколько [недель|месяцев] просит союзников ускорить поставки [систем "
            "ПВО|средств ПВО] и боеприпасов.",
            "[Волонтёры|Водители эвакуационных автобусов] [говорят|рассказывают], что желающих "
            "уехать становится [всё больше|больше с каждым днём].",
            "[Медики|Врачи] [стабилизационного пункта|полевого госпиталя] за ночь "
            "[приняли|помогли] {num_small} [раненым|раненых].",
            "[Спутниковые снимки|Аэрофотоснимки] [независимых|открытых] "
            "[аналитиков|исследователей] [показывают|фиксируют] новые [окопы|линии обороны] к "
            "западу от города {ua_city}.",
            "Движение поездов [в сторону|до] города {ua_city} [приостановили|остановили] на "
            "[несколько часов|ночь] после [обстрела|удара] по [путям|мосту]."],
        voices=[
            ["{person2}, эксперт {think_tank}",
             "[Ни у одной из армий сейчас нет резервов для прорыва.|Это война на истощение.] "
             "[Линия фронта почти не меняется уже несколько месяцев|Кто первым останется без "
             "снарядов, тот и проиграет|Небольшие продвижения стоят огромных потерь]"],
            ["{person3}, волонтёр из города {ua_city}",
             "[Люди ждут до последнего.|Едем туда пустыми, обратно полными.] [Потом уезжают с "
             "одной сумкой и кошкой|Каждый день их всё больше|Большинство — пожилые люди]"]],
        closers=["Бои [продолжались|шли] [до позднего вечера|всю ночь], [сообщили в "
                 "Генштабе|говорится в сводке]."]),
    story(
        "ukraine-drones", "ukraine russia drones", "world", 3,
        titles=["Украина сообщила о {num} сбитых российских беспилотниках",
                "Обломки дронов повредили дома под городом {ua_city}",
                "Россия атаковала Украину {num_plus} беспилотниками"],
        standfirsts=["Пострадавших, по предварительным данным, нет.",
                     "Мобильные огневые группы сбивают всё больше дронов."],
        leads=[
            "Воздушные силы Украины сообщили, что ночью сбили {num} из {num_plus} беспилотников, "
            "запущенных Россией по объектам энергетики и транспорта в нескольких областях.",
            "Россия [ночью|в ночь на {weekday_ru}] [атаковала|выпустила по] Украину {num_plus} "
            "[беспилотниками|беспилотников], {num} из них [сбиты|уничтожены], [сообщили|заявили] "
            "Воздушные силы Украины.",
            "Обломки сбитых российских дронов {on_weekday} повредили [жилые дома|склад] под "
            "городом {ua_city}. ПВО Украины [сообщила|отчиталась] о {num} сбитых беспилотниках."],
        facts=[
            "Падающие обломки повредили [склад|магазин] и несколько жилых домов, {said} глава "
            "области {person}.",
            "Пожар на [складе|предприятии] потушили [за два часа|к утру].",
            "В последние месяцы Москва всё чаще запускает дальнобойные дроны волнами по ночам, "
            "чтобы [перегрузить|измотать] ПВО.",
            "Киев, в свою очередь, наращивает собственное производство беспилотников и атакует "
            "[нефтебазы|НПЗ|аэродромы] на территории России.",
            "Российское Минобороны {on_weekday} сообщило о [перехвате|уничтожении] "
            "[нескольких|{num_small}] украинских дронов над приграничными регионами.",
            "[Мобильные огневые группы|Мобильные группы ПВО] с пулемётами и "
            "[прожекторами|тепловизорами] [теперь|сейчас] охраняют многие города.",
            "[Воздушная тревога|Тревога] [длилась|продолжалась] [почти|более] {num_small} часов; "
            "многие жители [провели ночь|укрывались] в [метро|подвалах].",
            "Ракета ПВО [стоит|обходится] во много раз дороже дрона, который она сбивает, "
            "поэтому Украина [всё чаще|активнее] [использует|применяет] "
            "[дроны-перехватчики|зенитные пулемёты].",
            "Без света [временно|на несколько часов] остались {num} тысяч [абонентов|домов], "
            "пока энергетики [проверяли|чинили] повреждённые линии.",
            "Украинские мастерские [собирают|производят] дроны-перехватчики, которые "
            "[таранят|догоняют] [атакующие беспилотники|вражеские дроны] в воздухе.",
            "[Эта|Ночная] атака стала одной из [крупнейших|самых массированных] за "
            "[месяц|последние недели], [считают|отмечают] аналитики.",
            "[Городские службы|Коммунальщики] [к утру|уже утром] [начали заменять|приступили к "
            "замене] выбитые [окна|стёкла] [в пострадавших домах|в жилых домах].",
            "[Школы|Часть школ] [в области|в регионе] [перешли|временно перешли] на "
            "[дистанционное обучение|уроки онлайн] [после ночной атаки|из-за угрозы новых ударов].",
            "[Энергетики|Специалисты энергокомпании] [заявили|сообщили], что [удары по "
            "подстанциям|атаки на энергообъекты] [стали|становятся] [всё более "
            "частыми|регулярными]."],
        voices=[
            ["{person2}, исследователь {think_tank}",
             "[Война дронов превратилась в соревнование объёмов и стоимости.|Количество сейчас "
             "важнее качества.] [Дешёвый аппарат, который заставляет тратить дорогую ракету, — "
             "уже выигрыш|Кто производит больше и быстрее, тот и в выигрыше]"],
            ["{person3}, {resident3} города {ua_city}",
             "[Мы долго слышали жужжание, потом был удар.|Звук был как у мопеда над крышей.] "
             "[Вылетели окна|Дети теперь спят в коридоре|После этого никто не спал]"]]),
    story(
        "russia-economy", "russia", "business", 4,
        titles=["ЦБ России сохранил ключевую ставку на уровне {rate}%",
                "Банк России не стал менять ставку: инфляция остаётся высокой",
                "Рубль слабеет на фоне падения нефтегазовых доходов России"],
        standfirsts=["Инфляция остаётся значительно выше цели регулятора.",
                     "Аналитики допускают снижение ставки на следующем заседании."],
        leads=[
            "Центральный банк России {on_weekday} сохранил ключевую ставку на уровне {rate}% "
            "годовых, указав, что инфляция по-прежнему значительно превышает целевой уровень.",
            "Банк России {on_weekday} [оставил|сохранил] ключевую ставку [без изменений|прежней] "
            "— {rate}%[ годовых|]. [Регулятор|ЦБ] [считает|указал], что рост цен [пока|ещё] не "
            "[замедлился|ослаб] достаточно."],
        facts=[
            "По оценке регулятора, рост цен в пересчёте на год составляет {pct}%.",
            "Дефицит кадров подталкивает зарплаты вверх быстрее, чем растёт производительность "
            "труда, [предупредил|отметил] ЦБ.",
            "Санкции и высокие госрасходы [изменили|перекроили] структуру российской экономики.",
            "Оборонные предприятия быстро растут, а отрасли, зависящие от импортных "
            "комплектующих, [испытывают трудности|переживают спад].",
            "Нефтегазовые доходы бюджета, по данным Минфина, снизились на {pct2}% по сравнению с "
            "прошлым годом.",
            "Рубль после решения ЦБ [немного|слегка] ослаб и [торговался|стоил] [около|примерно] "
            "{fx} [рублей за доллар|за доллар].",
            "Малый бизнес жалуется на [дорогие|неподъёмные] кредиты.",
            "Владелица [пекарни|кафе] в [Казани|Самаре|Перми] рассказала, что отложила открытие "
            "второго [магазина|заведения] до снижения ставок.",
            "[Вкладчики|Граждане] [переводят|держат] деньги на [депозитах|вкладах], которые "
            "приносят более {rate}%[ годовых|].",
            "Выдача [ипотеки|потребительских кредитов] [сократилась|снизилась] [уже который "
            "месяц подряд|снова], [сообщил|отметил] ЦБ.",
            "Правительство [обсуждает|планирует] повышение налогов для [банков|сырьевых "
            "компаний], чтобы [сократить|закрыть] дефицит бюджета.",
            "Экономисты [ожидают|прогнозируют] в этом году [лишь|только] [слабый|небольшой] рост "
            "экономики.",
            "[Цены на продукты|Продовольственные цены] в прошлом месяце [росли|выросли] [быстрее "
            "всего|сильнее других].",
            "[Кредиты|Займы] для бизнеса [подорожали|стали дороже] настолько, что многие "
            "компании [откладывают|замораживают] [инвестиции|новые проекты].",
            "Промышленное производство [в прошлом месяце|по последним данным] [почти не "
            "выросло|почти не изменилось], [сообщил|показал] [Росстат|официальный отчёт].",
            "[Крупные банки|Банки] [уже|сразу] [подняли|повысили] ставки по [вкладам|депозитам] "
            "[вслед за решением|после решения] ЦБ.",
            "[Импорт|Ввоз товаров] [дорожает|становится дороже] [из-за|на фоне] [слабого "
            "рубля|ослабления рубля], [что|и это] [подпитывает|разгоняет] инфляцию."],
        voices=[
            ["{person2} из {think_tank}",
             "[Банк покупает время.|Решение не стало сюрпризом.] [Он хочет убедиться, что "
             "охлаждение экономики устойчиво|Бюджет работает против ЦБ|Снижение весной всё ещё "
             "возможно]"]],
        closers=["Следующее заседание совета директоров ЦБ пройдёт в {month_next}[; аналитики "
                 "допускают снижение ставки|]."]),
    story(
        "israel", "israel", "world", 4,
        titles=["Правящая коалиция Израиля рискует провалить бюджет",
                "В Израиле проходят протесты на фоне бюджетных дебатов"],
        standfirsts=["Два небольших партнёра по коалиции угрожают не поддержать проект.",
                     "Опросы не дают большинства ни одному из блоков."],
        leads=[
            "Правящая коалиция Израиля {on_weekday} столкнулась с трудным голосованием по "
            "бюджету: две небольшие партии угрожают не поддержать законопроект.",
            "У здания кнессета в Иерусалиме {on_weekday} [собрались|вышли] тысячи "
            "[демонстрантов|протестующих], пока [депутаты|парламент] [обсуждали|обсуждал] "
            "[израильский|спорный] бюджет.",
            "Спор о бюджете [поставил|ставит] правительство Израиля в [трудное|сложное] "
            "положение: [две|обе] небольшие [партии|фракции] коалиции {on_weekday} "
            "[пригрозили|заявили, что готовы] голосовать против."],
        facts=[
            "Пакет предусматривает рост расходов на [оборону|армию] и жильё при сокращении "
            "финансирования [ряда|{num_small}] министерств.",
            "Оппозиция назвала его «списком одолжений» и [пообещала|намерена] бороться с ним [в "
            "комитете|на каждом чтении].",
            "[Многие|Часть] [демонстранты|протестующих] требовали досрочных выборов. Полиция "
            "задержала {num} человек, перекрывших дорогу.",
            "Опросы [показывают|говорят], что ни один из [блоков|лагерей] не получил бы "
            "большинства, если бы выборы прошли сейчас.",
            "Если бюджет не будет принят в установленный срок, парламент будет автоматически "
            "распущен[, и Израиль ждут новые выборы|].",
            "Деловые [круги|объединения] [призывают|просят] поскорее принять бюджет: "
            "неопределённость [уже|] [бьёт по|сдерживает] инвестиции в [технологический "
            "сектор|высокотехнологичные компании].",
            "[Переговорщики|Советники премьер-министра] [до поздней ночи|до утра] пытались "
            "[переубедить|вернуть] [несогласных|обе партии].",
            "Одна из партий [требует|добивается] денег на [религиозные школы|свои регионы], "
            "другая [против|выступает против] сокращения [пенсий|социальных выплат].",
            "Министр финансов [призвал|попросил] депутатов [поддержать|принять] пакет и "
            "[предупредил|напомнил] об [ущербе|угрозе] для экономики в случае [затяжного "
            "кризиса|паралича].",
            "Рейтинговые агентства [внимательно|пристально] следят за спором: "
            "[затяжной|многомесячный] кризис может [ухудшить|понизить] кредитный рейтинг страны.",
            "В Тель-Авиве и Хайфе [вечером|позднее] на улицы [тоже вышли|также вышли] тысячи "
            "человек.",
            "Обсуждение в комитете [длилось|шло] более {num_small} часов; оппозиция "
            "[внесла|подала] [сотни|{big}] поправок.",
            "[Несколько|Ряд] мэров [предупредили|заявили], что сокращения [сильнее всего|больнее "
            "всего] ударят по [школам и транспорту|бедным муниципалитетам].",
            "[Наблюдатели|Комментаторы] считают [вероятным|самым вероятным сценарием] компромисс "
            "в последний момент.",
            "Голосование может [затянуться|продлиться] до поздней ночи, [сообщают|пишут] местные "
            "СМИ."],
        voices=[
            ["политолог {person2}",
             "[Эта коалиция переживала и худшее.|Никто в коалиции не хочет выборов сейчас.] [Но "
             "теперь у каждого голосования есть своя цена|Этот страх и держит её вместе|Вопрос в "
             "том, сколько выторгуют маленькие партии]"]]),
    story(
        "iran", "iran", "world", 3,
        titles=["Иран и европейские дипломаты возобновили переговоры в Вене",
                "Переговоры с Ираном в Вене: ожидания невысоки"],
        standfirsts=["Дипломаты называют ожидания «низкими, но не нулевыми».",
                     "Инспекторам стало сложнее проверять запасы урана."],
        leads=[
            "Представители Ирана и трёх европейских стран {on_weekday} возобновили в Вене "
            "переговоры о будущем иранской ядерной программы — впервые за несколько месяцев.",
            "[После долгого перерыва|После многомесячной паузы] Иран и три европейские страны "
            "вновь [сели за стол переговоров|встретились]: {on_weekday} в Вене "
            "[начался|стартовал] новый раунд [переговоров|консультаций] по ядерной программе.",
            "Переговоры по иранской ядерной программе {on_weekday} [возобновились|продолжились] "
            "в Вене. Участники [говорят|отзываются] о [скромных|невысоких] ожиданиях, но "
            "[готовы|настроены] продолжать [диалог|разговор]."],
        facts=[
            "Иранскую делегацию возглавляет заместитель министра иностранных дел {person_ir}. По "
            "его словам, Тегеран готов к «серьёзным» переговорам, если речь пойдёт и о смягчении "
            "санкций.",
            "Европейские дипломаты называют встречу консультациями.",
            "Ожидания «низкие, но не нулевые», сказал один из участников на условиях анонимности.",
            "МАГАТЭ в последнем докладе сообщило, что доступ инспекторов к ряду объектов "
            "[сокращён|ограничен].",
            "Из-за этого [стало сложнее|труднее] проверять объём запасов обогащённого урана.",
            "Иран настаивает на мирном характере своей ядерной программы.",
            "Санкции сильно ударили по экспорту нефти и курсу национальной валюты, [что "
            "усиливает давление на власти|и давление на Тегеран растёт].",
            "Предыдущие раунды [сорвались|закончились ничем] из-за спора о том, в каком порядке "
            "снимать санкции и [расширять|допускать] проверки.",
            "Переговоры проходят в гостинице в центре города при [усиленных|строгих] мерах "
            "безопасности.",
            "Новый раунд в Вене [наблюдатели|многие эксперты] считают проверкой [политической "
            "воли|готовности к компромиссу] обеих сторон.",
            "У [гостиницы|места переговоров] [собрались|стояли] [несколько десятков|десятки] "
            "[демонстрантов|иранских эмигрантов] с флагами.",
            "Тегеран [требует|хочет получить] гарантии того, что будущие правительства не "
            "[откажутся от|выйдут из] [возможного соглашения|новой сделки].",
            "Инфляция в стране, по официальным данным, [превышает|составляет более] {pct_high}%, "
            "и многие семьи [экономят|покупают меньше] даже на [продуктах|самом необходимом].",
            "Национальная валюта на [чёрном|свободном] рынке [упала|опустилась] до [рекордно "
            "низкого уровня|исторического минимума], [говорят|рассказывают] [менялы|торговцы "
            "валютой] в Тегеране.",
            "По данным [европейских дипломатов|дипломатических источников], [сначала|в первую "
            "очередь] стороны [обсудят возвращение|попробуют договориться о возвращении] "
            "инспекторов.",
            "США [не участвуют во встрече|не представлены на встрече], но [их регулярно "
            "информируют|Вашингтон держат в курсе] о ходе переговоров.",
            "[Предыдущая|Прошлая] встреча [прошла|состоялась] [несколько месяцев назад|ещё "
            "осенью] и [закончилась|завершилась] [без результата|ничем]."],
        voices=[
            ["{person2}, эксперт по нераспространению",
             "[Обе стороны хотят избежать эскалации.|Разговаривать лучше, чем молчать.] [Но "
             "никто не хочет уступать первым|Разногласия так же глубоки, как год назад|Стоит "
             "ждать маленьких шагов, а не сделки]"]],
        closers=["Следующий раунд [может пройти|обсуждается] в {month_next}, но дата пока не "
                 "[назначена|согласована]."]),
    story(
        "economy", "", "business", 7,
        titles=["Компания {company} сократит {big} рабочих мест",
                "{company} закрывает старый цех: без работы останутся {big} человек",
                "Профсоюз обещает бороться с сокращениями на предприятии {company}"],
        standfirsts=["Профсоюз обещает добиваться компенсаций.",
                     "Компания ссылается на слабый экспорт и дорогую энергию."],
        leads=[
            "Компания {company} {on_weekday} объявила о сокращении {big} рабочих мест и закрытии "
            "старого цеха в течение двух лет.",
            "[Тяжёлый удар|Плохая новость] для города: {company} [сократит|уволит] {big} "
            "[сотрудников|работников] и перенесёт производство на [новую площадку|другой завод], "
            "[сообщила|объявила] компания {on_weekday}.",
            "{company} [отвечает|реагирует] на падение экспорта и дорогую энергию "
            "[сокращениями|массовыми сокращениями]: {on_weekday} [стало известно|компания "
            "сообщила], что [уволят|сократят] {big} человек."],
        facts=[
            "Годовая инфляция в Латвии в прошлом месяце замедлилась до {pct}%, сообщило "
            "статистическое управление.",
            "Сильнее всего замедлился рост цен на продукты и энергию.",
            "Рижский порт сообщил о снижении грузооборота на {pct2}% по сравнению с прошлым годом.",
            "[Сначала|В первую очередь] работникам [предложат|обещают] [добровольный "
            "уход|досрочный выход на пенсию] с компенсацией.",
            "Цех [построен|был построен] в [семидесятых|шестидесятых] годах и [когда-то|в лучшие "
            "годы] давал работу [вдвое|втрое] большему числу людей.",
            "Акции {company} [подорожали|выросли] на {pct}% после [объявления|новости]: "
            "инвесторы [одобрили|поддержали] экономию.",
            "[Магазины|Поставщики|Кафе] [рядом с заводом|в округе] опасаются [потерять "
            "клиентов|последствий для своего дела].",
            "Правительство [обещает|собирается] [встретиться|провести встречу] с руководством "
            "компании и [местными властями|мэром] и обсудить [переобучение|программы "
            "переподготовки].",
            "Аналитики считают, что экономика восстанавливается медленно, но новой рецессии не "
            "ожидают.",
            "[Снижение|Падение] цен на энергию [дало|даёт] предприятиям [передышку|немного "
            "воздуха], но [заказы из-за рубежа|экспортные заказы] остаются [слабыми|низкими].",
            "Мэр города [назвал|считает] решение компании [тяжёлым ударом|большой потерей] для "
            "[местной экономики|жителей].",
            "[Производство|Выпуск продукции] [перенесут|переведут] на [более современный|новый] "
            "завод, где [больше автоматизации|работают роботы].",
            "Переговоры руководства с профсоюзом [начнутся|должны начаться] [на следующей "
            "неделе|в ближайшие дни]."],
        voices=[
            ["{person}, представитель профсоюза",
             "[Для города это тяжёлый день.|Люди отдали этому заводу по сорок лет.] [Мы будем "
             "добиваться переобучения и компенсаций|Они заслужили больше, чем пресс-релиз|Мы "
             "будем бороться за каждое место]"],
            ["{person2}, [генеральный директор|глава] компании {company}",
             "[Это трудное решение.|Никто не принимает такие решения легко.] [Мы платим за "
             "энергию вдвое больше конкурентов|Новая площадка обеспечит будущее компании]"]]),
    story(
        "sport", "", "sport", 5,
        titles=["«{team}» обыграл «{team2}» со счётом {score} и возглавил таблицу",
                "Поздний гол принёс «{team}» победу над «{team2}»",
                "«{team}» одержал победу над «{team2}» — {score}"],
        standfirsts=["Исход встречи решил гол в компенсированное время.",
                     "Команды возьмут недельную паузу перед кубком."],
        leads=[
            "«{team}» {on_weekday} обыграл «{team2}» со счётом {score} и вышел на первое место в "
            "чемпионате. Матч прошёл при [полных|заполненных] трибунах.",
            "[Поздний|Решающий] гол принёс «{team}» победу над «{team2}» со счётом {score}: "
            "{on_weekday} команда [поднялась|вышла] на первое место.",
            "«{team}» [продолжает|продлил] победную серию: {on_weekday} [команда обыграла|клуб "
            "обыграл] «{team2}» — {score}[, и теперь лидирует в таблице|]."],
        facts=[
            "Гости начали [активно|смело] и уже на десятой минуте попали в [штангу|перекладину].",
            "Перед перерывом хозяева вышли вперёд: {player} [замкнул|подставил ногу под] "
            "[прострел|передачу] с фланга.",
            "После перерыва игра стала [открытой|более нервной], моменты [возникали|были] у "
            "обеих команд.",
            "«{team2}» [сравнял счёт|отыгрался] с пенальти на {minute}-й минуте.",
            "Победу хозяевам принёс удар головой после углового в компенсированное время.",
            "Хозяева владели мячом {possession}% времени, но [долго|с трудом] "
            "[взламывали|пробивали] плотную оборону [гостей|соперника].",
            "Вратарь гостей [несколько раз|дважды] [выручил|спас] команду [в первом тайме|до "
            "перерыва].",
            "[Травма|Повреждение] [капитана|защитника], которого заменили [в перерыве|уже в "
            "первом тайме], [вызывает беспокойство|беспокоит тренеров].",
            "Теперь у команд неделя отдыха перед четвертьфиналом кубка.",
            "«{team2}» [теперь|уже] [заметно|серьёзно] отстаёт от лидера.",
            "Стадион [снова|в {num_small}-й раз подряд] был заполнен [до отказа|полностью].",
            "Арбитр показал несколько жёлтых карточек, но матч прошёл без [грубых "
            "нарушений|скандалов].",
            "После финального свистка игроки [праздновали|отмечали] победу вместе с болельщиками.",
            "В четвертьфинале кубка [команду ждёт неудобный соперник|команде предстоит встреча с "
            "неудобным соперником].",
            "[Болельщики гостей|Гостевой сектор] [поддерживали|не умолкали и поддерживали] [свою "
            "команду|своих] [весь матч|до финального свистка].",
            "[Тренер гостей|Наставник «{team2}»] [пожаловался|сетовал] на [судейство|назначенный "
            "пенальти], [но|однако] [признал|согласился], что [соперник был сильнее|хозяева "
            "заслужили победу].",
            "[Лучшим игроком матча|Игроком матча] [признали|назвали] [полузащитника|нападающего] "
            "«{team}» {player}."],
        voices=[
            ["главный тренер {person}",
             "[Команда показала характер.|Я горжусь ребятами.] [Мы не всегда играли хорошо, но "
             "бились до конца|Первое место пока ничего не значит|Болельщики нас вытащили]"],
            ["капитан «{team2}» {player2}",
             "[Это больно.|Мы слишком уважали соперника.] [Надо начинать с себя|Пропускать так "
             "поздно нельзя|Мы вернёмся сильнее]"]]),
    story(
        "culture", "", "culture", 5,
        titles=["В {city} открылся кинофестиваль",
                "Фильм «{film}» открыл кинофестиваль в {city}",
                "Кинофестиваль в {city}: рекордные продажи билетов"],
        standfirsts=["Продажи билетов побили рекорд.",
                     "За десять дней покажут более {films} фильмов из {num_small} стран."],
        leads=[
            "Кинофестиваль в {city} {on_weekday} открылся премьерой фильма «{film}» — "
            "[камерной|тихой] семейной драмы.",
            "Фильмом «{film}», [дебютом|второй картиной] [молодого|местного] режиссёра, "
            "{on_weekday} открылся кинофестиваль в {city} — [при полном зале|под долгие "
            "аплодисменты].",
            "[Рекордные продажи билетов|Полные залы]: кинофестиваль в {city} {on_weekday} "
            "[стартовал|открылся] показом фильма «{film}»."],
        facts=[
            "За десять дней зрители увидят более {films} фильмов из {num_small} стран.",
            "По словам организаторов, предварительные продажи билетов стали рекордными.",
            "«{film}» рассказывает о [трёх сёстрах|двух братьях|овдовевшем отце], которые "
            "возвращаются в родительский дом, чтобы продать его.",
            "Организаторы подчёркивают, что старались сохранить доступные цены.",
            "Часть показов пройдёт [в парках и библиотеках|под открытым небом] [бесплатно|без "
            "входной платы].",
            "Критики в целом [положительно оценили|хвалят] программу, хотя некоторые считают, "
            "что известным именам в ней уделено слишком много места.",
            "Фестиваль завершится в последние выходные месяца показом под открытым небом [в "
            "старом порту|на соборной площади|на набережной].",
            "[Ретроспектива|Специальная программа] посвящена [местному|известному] "
            "[оператору|режиссёру].",
            "Жюри [возглавляет|в этом году возглавляет] [местная актриса|известный документалист].",
            "[Два|Три] старых кинотеатра в центре [отреставрировали|вновь открыли] к фестивалю.",
            "[Впервые|В этом году впервые] в программе [есть|появилась] [отдельная "
            "секция|специальная программа] для детей и подростков.",
            "Премьера прошла в [недавно отреставрированном|историческом] городском театре на "
            "{big} мест.",
            "Режиссёр [рассказал|признался] после показа, что [сценарий основан|история "
            "основана] на [письмах бабушки|семейных воспоминаниях].",
            "Фильм сняли всего за несколько недель в [прибрежной деревне|небольшом хуторе].",
            "[Волонтёры|Более {num} волонтёров] [помогают|работают] в кинотеатрах, а "
            "[кафе|рестораны] рядом предлагают [скидки|специальное меню] зрителям фестиваля.",
            "Организаторы [рассчитывают|надеются] принять [более|свыше] {big}00 зрителей за "
            "десять дней.",
            "[Билеты на вечерние сеансы|Места на вечерние показы] [разошлись|были распроданы] "
            "[за несколько часов|в первый же день], [рассказали|сообщили] в кассах.",
            "[В фойе|У входа] [работает|открыта] [выставка|фотовыставка] [афиш|плакатов] "
            "[прошлых лет|к юбилею фестиваля].",
            "[Режиссёры|Авторы фильмов] [проведут|устроят] [встречи|обсуждения] со зрителями "
            "после [каждого|большинства] [показов|сеансов].",
            "[Главный приз|Главную награду] [вручат|объявят] на [церемонии "
            "закрытия|заключительном вечере], [а|и] [победителя|лауреата] определит "
            "[жюри|международное жюри]."],
        voices=[
            ["директор фестиваля {person2}",
             "[Люди снова хотят вместе сидеть в тёмном зале.|Мы искали фильмы, которые доверяют "
             "зрителю.] [Это видно по кассе|Это наша самая смелая программа|Билеты почти "
             "распроданы]"],
            ["кинокритик {person3}",
             "[Смелое начало.|Программа сильная.] [Не каждый фестиваль открывается таким тихим "
             "фильмом|Но она слишком осторожна|Конкурс выглядит открытым]"]]),
]

# Topic-free facts that fit any story of a section; an article takes a few of them.
SECTION_FACTS: dict[str, dict[str, list[str]]] = {
    "en": {
        "world": [
            "[Officials|The authorities] said more details would be [made public|released] in "
            "the coming days and [urged|asked] people to rely on official statements.",
            "[Unverified reports|Rumours] [circulating|shared widely] on social media [had|have] "
            "[already |]turned out to be [false|out of date][, officials said|].",
            "The developments are being watched [closely|carefully] in other capitals, where "
            "governments are weighing how to respond.",
            "[Several|A number of] foreign ministries said they would [consult|talk to] "
            "[allies|partners] before deciding on [any next steps|a response].",
            "Reporters were given only [limited|restricted] access, and some [accounts|details] "
            "in this [article|report] could not be [independently |]confirmed.",
            "[Aid agencies|Humanitarian groups] [said|warned] that [winter|the coming weeks] "
            "would [test|stretch] [their budgets|supplies] [further|even more].",
            "[The UN|A United Nations spokesperson] [called for|urged] [restraint|calm] and [the "
            "protection of civilians|respect for international law]."],
        "business": [
            "Markets took the news in their stride. The main share index [closed|ended] [little "
            "changed|flat].",
            "Government bond yields [edged lower|dipped] as investors turned their attention to "
            "[next week's|upcoming] figures on [employment|jobs] and consumer spending.",
            "Business groups said companies still faced high costs for [energy, wages and "
            "borrowing|energy and wages].",
            "[Employers' groups|Business lobbies] [called on|urged] the government to [cut red "
            "tape|simplify rules] and speed up planning decisions for new [factories|warehouses].",
            "[Consumer confidence|Household confidence] [improved|rose] [slightly|for a "
            "{ordinal} month], [a separate survey showed|according to a separate survey]."],
        "tech": [
            "Industry groups said the sector was growing [quickly|fast] but warned that "
            "[lengthy|slow] approval procedures could slow investment.",
            "Consumer organisations urged regulators to keep pace with new technology, "
            "[saying|arguing] that [many|some] rules were written [a decade ago|for another era].",
            "[Investors|Venture funds] [poured|put] [record sums|more money than ever] into "
            "[hardware|deep-tech] start-ups last year, [figures show|according to industry data]."],
        "sport": [
            "Organisers said demand for tickets for the coming [rounds|matches] was the highest "
            "[they had seen in years|in a decade].",
            "Fans were [advised|told] to buy [only through official channels|tickets only from "
            "official sellers] to avoid [fraudulent|fake] resale websites.",
            "Broadcasters reported strong viewing figures, with coverage drawing [more "
            "than|over] {num_small} million [viewers|people] at its peak.",
            "[The governing body|The league] [is reviewing|will review] [rules on|the use of] "
            "[video replays|stoppage time] [at the end of the season|next summer]."],
        "culture": [
            "[The city council|The culture ministry] [has increased|raised] [funding|grants] for "
            "[festivals|the arts] [this year|for the next three years].",
            "[Hotels|Guest houses] in the city [reported|said] [bookings|occupancy] were [well "
            "above|higher than] [last year|normal] [for the festival weeks|during the event].",
            "[Public transport|Buses and trams] [will run|run] [later|extra services] [on "
            "festival nights|until after midnight]."],
        "climate": [
            "[Local authorities|Councils] [have|say they have] [more staff on call|extra crews "
            "on standby] [this year|after last year's extreme weather].",
            "[The national weather service|Forecasters] [will update|said they would update] "
            "[its|their] warnings [twice a day|every morning].",
            "[Insurers|Insurance companies] [say|warn] that [claims|payouts] for weather damage "
            "have [risen|grown] [sharply|steadily] over the past decade."],
    },
    "de": {
        "world": [
            "Weitere Einzelheiten sollen in den [kommenden|nächsten] Tagen bekannt gegeben werden.",
            "Die Behörden riefen dazu auf, sich an [offizielle Mitteilungen|amtliche Angaben] zu "
            "halten und keine [ungeprüften|unbestätigten] Berichte weiterzuverbreiten.",
            "[Einige|Manche] Meldungen aus sozialen Netzwerken hätten sich [bereits|schon] als "
            "falsch erwiesen, [hieß es|sagte ein Sprecher].",
            "In anderen Hauptstädten werden die Entwicklungen [aufmerksam|genau] verfolgt.",
            "Mehrere Außenministerien erklärten, sie stünden in [engem|ständigem] Kontakt mit "
            "ihren Partnern.",
            "Über weitere Schritte wolle man erst nach Rücksprache mit [Verbündeten|den "
            "Partnern] entscheiden, [hieß es|sagte ein Diplomat].",
            "Journalisten erhielten nur [eingeschränkten|begrenzten] Zugang; einige "
            "Schilderungen ließen sich nicht unabhängig überprüfen.",
            "[Hilfsorganisationen|Helfer] warnen, dass [ihre Mittel|die Vorräte] [knapp "
            "werden|nicht reichen], und bitten um [Spenden|Unterstützung].",
            "Die Vereinten Nationen [riefen zur Zurückhaltung auf|mahnten zum Schutz der "
            "Zivilbevölkerung]."],
        "business": [
            "An den Finanzmärkten blieb die Reaktion [verhalten|ruhig]. Der Leitindex schloss "
            "kaum verändert.",
            "Die Renditen von Staatsanleihen gaben [leicht|etwas] nach; Anleger warten auf die "
            "Arbeitsmarktdaten der kommenden Woche.",
            "Wirtschaftsverbände klagen [weiterhin|seit Monaten] über hohe Kosten für [Energie, "
            "Löhne und Kredite|Energie und Personal].",
            "Die Verbände fordern von der Bundesregierung weniger Bürokratie und schnellere "
            "Genehmigungen für [neue Fabriken|Lager und Stromanschlüsse].",
            "Das [Verbrauchervertrauen|Konsumklima] [hellte sich|verbesserte sich] "
            "[leicht|zuletzt] auf, [wie eine Umfrage zeigt|zeigt eine aktuelle Umfrage]."],
        "sport": [
            "Die Nachfrage nach Eintrittskarten ist nach Angaben des Vereins so groß wie seit "
            "Jahren nicht.",
            "Fans sollten Tickets [ausschließlich|nur] über offizielle Kanäle kaufen, um nicht "
            "auf [betrügerische|unseriöse] Weiterverkäufer hereinzufallen.",
            "Auch im Fernsehen war das Interesse groß: In der Spitze [verfolgten|sahen] mehr als "
            "{num_small} Millionen Zuschauer die Übertragung.",
            "Der Verband will [die Regeln zur Nachspielzeit|den Videobeweis] [zur neuen "
            "Saison|im Sommer] [überprüfen|überarbeiten]."],
        "culture": [
            "Die Stadt hat die [Fördermittel|Zuschüsse] für Festivals [in diesem Jahr|zuletzt] "
            "[erhöht|aufgestockt].",
            "Hotels [melden|berichten von] [deutlich mehr|mehr] Buchungen als im Vorjahr.",
            "Busse und Bahnen fahren an den Festivalabenden [länger|bis nach Mitternacht].",
            "Für Studierende und Rentner gibt es [ermäßigte Karten|Rabatte], dazu kommen "
            "Veranstaltungen [bei freiem Eintritt|ohne Eintritt]."],
        "climate": [
            "Warnungen [werden|sollen] [zweimal täglich|jeden Morgen] aktualisiert [werden|].",
            "[Versicherer|Die Versicherungswirtschaft] [verzeichnen|meldet] seit Jahren "
            "[steigende|wachsende] Schäden durch Wetterextreme.",
            "Die Anpassung von Gebäuden, Landwirtschaft und Infrastruktur werde [ebenso "
            "dringlich|genauso wichtig] wie die Senkung der Emissionen, [sagen Fachleute|mahnen "
            "Experten]."],
    },
    "ru": {
        "world": [
            "Официальные лица пообещали сообщить подробности в [ближайшие|следующие] дни.",
            "[Власти|Чиновники] призвали доверять только официальным заявлениям, а не "
            "[непроверенным|анонимным] сообщениям в социальных сетях.",
            "Часть сообщений в соцсетях уже оказалась [ложной|устаревшей], [отметили в "
            "ведомстве|сообщил представитель].",
            "За развитием событий [внимательно|пристально] следят в других столицах.",
            "Несколько министерств иностранных дел заявили, что поддерживают контакт с "
            "[партнёрами|союзниками].",
            "Доступ журналистов был ограничен, и часть сведений не удалось [независимо "
            "подтвердить|проверить].",
            "Гуманитарные организации [предупреждают|говорят], что им [не хватает|недостаёт] "
            "[средств|ресурсов].",
            "В ООН [призвали|призвали стороны] к сдержанности и защите мирного населения."],
        "business": [
            "Рынки отреагировали сдержанно: основной фондовый индекс закрылся почти без изменений.",
            "Доходность государственных облигаций [немного|слегка] снизилась; инвесторы ждут "
            "данных о занятости.",
            "Деловые объединения жалуются на высокие расходы на [энергию|энергоносители], "
            "зарплаты и кредиты.",
            "[Предприниматели|Бизнес] призывают власти сократить бюрократию и ускорить выдачу "
            "разрешений.",
            "Потребительские настроения [немного улучшились|слегка выросли], [показал опрос|по "
            "данным опроса]."],
        "sport": [
            "Спрос на билеты на ближайшие матчи стал самым высоким за последние годы.",
            "Болельщикам советуют покупать билеты только через официальные каналы, чтобы не "
            "стать жертвой мошенников.",
            "Трансляцию в пиковый момент [смотрели|посмотрели] более {num_small} [миллионов|млн] "
            "зрителей.",
            "Лига [намерена|собирается] [пересмотреть|изменить] правила [о "
            "видеоповторах|компенсированного времени] [к новому сезону|летом]."],
        "culture": [
            "Городские власти [увеличили|повысили] финансирование фестивалей [в этом году|на "
            "ближайшие три года].",
            "Гостиницы сообщают, что число бронирований [заметно|значительно] выше, чем год назад.",
            "Общественный транспорт в дни фестиваля будет ходить [дольше|до полуночи].",
            "Для студентов и пенсионеров предусмотрены скидки, а часть показов пройдёт бесплатно."],
    },
}


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
        ("DUBAI (Newswire) - Iran denied any involvement {on_weekday} in the drone attack on the "
         "Ras Kandar oil terminal, calling accusations against it “baseless” and warning "
         "regional governments against “hasty conclusions”.",
         "“The Islamic Republic has no connection to this incident,” foreign ministry spokesman "
         "{person_ir} said in a statement carried by state media. He said Iran was ready to help "
         "any investigation.",
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
        ("LONDON (Newswire) - Oil prices jumped {on_weekday} after a drone attack halted "
         "loadings at the Ras Kandar terminal on the Gulf of Oman, reviving worries about supply "
         "from one of the world's most important producing regions.",
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

# The burst: the Ras Kandar drone attack. Outlets that tell an original story twice use
# `variant`, so each half of `facts` and `voices` serves one telling.
BURST_EN = [
    story(
        "burst-explainer", "iran drones", "world", 1, general=False,
        titles=["What we know about the drone attack on the Ras Kandar oil terminal",
                "Ras Kandar drone strike: what we know so far"],
        standfirsts=["Who might be behind it, what was hit, and why it matters for oil.",
                     "The key questions after drones hit a Gulf of Oman terminal."],
        leads=[
            "A swarm of drones hit the Ras Kandar oil terminal on the Gulf of Oman before dawn "
            "{on_weekday}, setting a storage tank on fire and stopping tankers from loading. "
            "Suspicion has fallen on a group backed by Iran. Here is what we know so far.",
            "Hours after drones struck Ras Kandar, one of the region's busiest crude terminals, "
            "many questions remain open, starting with whether Iran had a hand in it. These are "
            "the main ones, and what can be said about them now."],
        facts=[
            "What was hit? Port officials say at least two drones struck the tank farm, the area "
            "where crude is stored before it is pumped aboard tankers.",
            "Where exactly did they land? Pictures shared by workers show flames at the eastern "
            "edge of the site, away from the jetties where ships moor.",
            "Several other drones were shot down over the water, according to the port "
            "authority, which has not said how many were launched in total.",
            "How many drones were there? Estimates range from eight to fourteen. Air defence "
            "units claim most of them, but the figure has not been confirmed.",
            "Who is behind it? Nobody has claimed the attack. Security sources have pointed to "
            "an armed group backed by Iran, which has used similar long-range drones before.",
            "What does Tehran say? Iran's foreign ministry called the accusations baseless and "
            "offered to help any investigation.",
            "Why does it matter? Ras Kandar is one of the few large export terminals outside the "
            "Strait of Hormuz, valued precisely because it avoids that choke point.",
            "Will fuel prices rise? Crude prices jumped on the news. Analysts say a lasting "
            "effect at the pump depends on how long loadings stay suspended.",
            "What happens next? Investigators are examining wreckage, and Gulf governments have "
            "called an emergency security meeting.",
            "Are ships still coming? Shipping companies are reviewing their routes. Two tankers "
            "left the jetties after the attack and are waiting offshore."],
        voices=[
            ["{person2}, a regional security analyst at {think_tank}",
             "The target was chosen to send a message, not to shut the terminal for months"],
            ["{person3}, an energy economist at {think_tank}",
             "The oil market hates surprises, and this is exactly the kind it fears most"]]),
    story(
        "burst-analysis", "iran drones", "world", 1, general=False,
        titles=["Analysis: Iran's drone strategy moves from the battlefield to the sea lanes",
                "Analysis: Cheap drones, costly consequences – the Ras Kandar attack"],
        standfirsts=["A low-cost weapon is forcing expensive choices on Gulf states.",
                     "Why a handful of drones can rattle a whole region."],
        leads=[
            "The attack on the Ras Kandar terminal, if confirmed to be the work of a group armed "
            "by Iran, would mark a shift: drones used so far against military targets turned on "
            "the infrastructure that keeps oil flowing.",
            "It took perhaps a dozen drones, each costing less than a family car, to halt "
            "loadings at one of the Gulf's key oil terminals. That arithmetic, and the suspicion "
            "that Iran supplied the designs, is what worries governments across the region after "
            "the Ras Kandar attack."],
        facts=[
            "For years Iran has supplied partner groups with designs for long-range one-way "
            "attack drones, researchers say.",
            "Defending a sprawling terminal against a swarm is hard. Radars struggle to pick up "
            "small, slow aircraft flying low over the sea.",
            "Each interceptor missile can cost far more than the drone it destroys, so the "
            "defender loses the cost battle even when it wins the engagement.",
            "Gulf governments have invested heavily in air defence, but officials privately "
            "concede that no system can stop every drone.",
            "Some states are now testing guns and electronic jammers as a cheaper outer layer "
            "around ports and pipelines.",
            "Tehran's denial leaves room for diplomacy, analysts say, and neither side has an "
            "obvious interest in a wider conflict.",
            "But if the wreckage points to Iranian designs, pressure will grow for a response, "
            "and with it the risk of escalation.",
            "The sea lanes near Ras Kandar carry a large share of the world's oil, which is why "
            "even a short disruption moves prices worldwide.",
            "Deniability is part of the appeal: a drone assembled from commercial parts leaves "
            "few fingerprints.",
            "Insurers and shipowners, not generals, may decide the economic cost, by how long "
            "they keep vessels away."],
        voices=[
            ["{person2} of {think_tank}",
             "They are cheap enough to lose and accurate enough to matter. That combination "
             "changes the arithmetic of defence"],
            ["{person3}, a former naval officer",
             "You can defend a warship. Defending forty kilometres of pipes and tanks is another "
             "matter"]]),
    story(
        "burst-shipping", "iran drones", "business", 1, general=False,
        titles=["Shipping firms reroute tankers after drone strike blamed on Iran-backed group",
                "Insurers raise war-risk premiums after Gulf terminal drone attack"],
        standfirsts=["Tanker owners hold vessels at anchor as insurers reassess risk.",
                     "Freight rates climb as owners weigh the risk of further attacks."],
        leads=[
            "Several tanker operators held vessels at anchor or diverted them to other ports "
            "{on_weekday} after drones struck the Ras Kandar terminal, in an attack security "
            "sources linked to an armed group backed by Iran.",
            "Insurers moved quickly to reprice the risk of sailing to the Gulf of Oman "
            "{on_weekday}, hours after a drone attack blamed on an Iran-backed group halted "
            "loadings at Ras Kandar, brokers said."],
        facts=[
            "Brokers said war-risk insurance premiums for voyages to the Gulf of Oman were "
            "likely to rise sharply.",
            "A higher premium could add tens of thousands of dollars to the cost of a single "
            "trip for a large tanker.",
            "Iran has denied any involvement. The port authority said loadings would resume once "
            "engineers had inspected the jetties and pipelines.",
            "Freight rates for large crude carriers on routes out of the region rose on the news.",
            "Shares in tanker companies gained, while airline stocks fell on expectations of "
            "higher fuel costs.",
            "At least {num_small} tankers due at Ras Kandar this week were told to wait "
            "offshore, according to ship-tracking data.",
            "Some charterers asked for clauses allowing them to cancel voyages if the threat "
            "level rises again.",
            "Crew unions said seafarers had the right to refuse to sail into areas declared high "
            "risk.",
            "Ports further along the coast reported a rush of inquiries from owners looking for "
            "alternative loading points.",
            "Underwriters in London were due to meet to decide whether to widen the area listed "
            "as high risk.",
            "Ship managers said some crews had asked to be signed off before their vessels headed "
            "back into the Gulf of Oman.",
            "Traders said the cost of chartering a large crude carrier for the route had risen by "
            "about a fifth since the morning."],
        voices=[
            ["{person2}, a shipping analyst at {think_tank}",
             "Owners are not going to send crews into a port that was hit a few hours ago "
             "without clarity"],
            ["{person3}, a marine insurance broker",
             "Every underwriter I spoke to today wants a higher price or a smaller exposure"]]),
    story(
        "burst-live", "iran drones", "world", 1, general=False,
        titles=["Live: Drone attack on Gulf oil terminal – Iran denies involvement",
                "Live updates: Ras Kandar terminal hit by drones"],
        standfirsts=["Follow our live coverage of the attack and the reaction.",
                     "The latest on the attack, the fire and the diplomatic fallout."],
        leads=[
            "Welcome to our live coverage of the drone attack on the Ras Kandar oil terminal on "
            "the Gulf of Oman, and of Iran's response. Here are the latest developments.",
            "This live page follows the aftermath of the drone strike on the Ras Kandar "
            "terminal, which security sources link to a group backed by Iran. Newest entries are "
            "at the bottom."],
        facts=[
            "{hhmm} – Port officials confirm that loadings are suspended and that a storage tank "
            "caught fire after at least two drones hit the tank farm before dawn.",
            "{hhmm} – The port authority says the fire is being fought by civil defence teams "
            "and that the jetties themselves were not hit.",
            "{hhmm2} – Security sources tell our correspondent that the drones appear similar to "
            "models used by armed groups backed by Iran. No one has claimed responsibility.",
            "{hhmm2} – Oil prices are rising in early trading. Brent crude is up sharply as "
            "traders react to the halt in loadings.",
            "{hhmm3} – Iran's foreign ministry calls the accusations “baseless”. The spokesman "
            "says Tehran is ready to support an investigation.",
            "{hhmm3} – Gulf governments announce an emergency meeting of security officials for "
            "later today.",
            "{hhmm3} – Insurance brokers tell us war-risk premiums for the Gulf of Oman are "
            "likely to rise sharply from tomorrow.",
            "{hhmm4} – Civil defence says the fire is under control. There are no reports of "
            "casualties.",
            "{hhmm4} – Two tankers that left the terminal are now waiting at anchor about "
            "{num_small} nautical miles offshore, ship-tracking data show.",
            "{hhmm4} – The UN Secretary-General's office urges restraint and calls for an "
            "independent investigation.",
            "{hhmm4} – Investigators have begun collecting wreckage from the site and from the "
            "water, a port official says.",
            "{hhmm4} – Shipping companies say they are reviewing routes for tankers due at the "
            "terminal this week; insurers are expected to raise war-risk premiums.",
            "{hhmm4} – Our correspondent near the terminal says smoke is still visible from the "
            "coast road, but the flames appear to be out.",
            "{hhmm4} – Gulf security officials have begun their emergency meeting. A statement "
            "is expected this evening."],
        voices=[],
        ordered=True),
    story(
        "burst-witness", "iran drones", "world", 1, general=False,
        titles=["‘We heard the buzzing, then the blast’: workers describe Ras Kandar drone attack",
                "Terminal workers recount the moment drones hit Ras Kandar"],
        standfirsts=["Workers on the night shift describe the attack.",
                     "Guards, technicians and drivers on the night the drones came."],
        leads=[
            "Workers on the night shift at the Ras Kandar terminal said they heard a low buzzing "
            "over the water minutes before the first explosion, as drones approached from the "
            "sea {on_weekday}, in an attack officials have linked to a group backed by Iran.",
            "The first sign was a sound like a distant engine, said a technician who was on duty "
            "at Ras Kandar when the drones arrived. Then came the flash. Security sources blame "
            "a group backed by Iran; Tehran denies it."],
        facts=[
            "Guards sounded the alarm and staff were moved to shelters in the administration "
            "building.",
            "A maintenance technician, {first}, said he had been checking valves near the tank "
            "farm when the noise started.",
            "Several drones were shot down over the water, workers said, but at least two "
            "reached the storage tanks.",
            "A truck driver waiting at the gate said he saw two bright streaks over the bay "
            "before the explosion lit up the sky.",
            "Security sources have linked the attack to an armed group backed by Iran. Tehran "
            "denies any involvement.",
            "Staff in the control room shut the valves feeding the burning tank within minutes, "
            "a supervisor said.",
            "By mid-morning the fire was under control, and many workers stayed on site to help.",
            "Families of workers gathered outside the main gate at dawn, waiting for news.",
            "Ambulances stood by at the entrance, but no one needed hospital treatment, the "
            "terminal's medical officer said.",
            "Some of the workers had been through a drill for a drone attack only two weeks "
            "earlier.",
            "A guard at the jetty said the tankers' crews had been told to stay below deck until "
            "the all-clear came.",
            "Workers said the terminal's own fire crew reached the burning tank within minutes "
            "and began cooling the tanks next to it."],
        voices=[
            ["{first}, who asked that his surname not be used",
             "It sounded like a motorbike far away, then several of them. Then the sky lit up"],
            ["a supervisor who has worked at the terminal for {num} years",
             "Nobody wanted to go home until it was out. These are our tanks, our jobs"]]),
    story(
        "burst-diplomacy", "iran drones", "world", 1, general=False,
        titles=["Gulf states call emergency meeting as Iran denies drone attack",
                "Iran summons envoys over ‘hasty’ drone accusations"],
        standfirsts=["Regional security officials meet as pressure on Tehran grows.",
                     "Tehran protests while Gulf capitals weigh their response."],
        leads=[
            "Gulf governments called an emergency meeting of security officials {on_weekday} "
            "after the drone strike on the Ras Kandar terminal, while Iran summoned several "
            "ambassadors to protest against what it called hasty accusations.",
            "Iran's foreign ministry summoned the envoys of several Gulf states {on_weekday}, "
            "hours after officials in the region linked the Ras Kandar drone attack to a group "
            "armed by Tehran."],
        facts=[
            "Diplomats said the meeting would review air-defence coordination around ports and "
            "pipelines.",
            "Officials will also discuss how to share radar data more quickly between "
            "neighbouring states.",
            "Iran's foreign ministry said it had told the envoys that it had no link to the "
            "attack.",
            "Tehran warned that blaming it without evidence would serve those who want "
            "instability, according to state media.",
            "The UN Secretary-General's office urged restraint and called for an independent "
            "investigation.",
            "Several European governments issued statements condemning the attack without naming "
            "a culprit.",
            "A senior Gulf official said the investigation would be completed before any "
            "decision on a response.",
            "Washington said it was in close contact with partners in the region and had offered "
            "technical help.",
            "Oman, which has often acted as a go-between, offered to host talks.",
            "Analysts noted that both sides used careful language, leaving room to step back.",
            "Shipping and energy ministers from the region were invited to join the security "
            "meeting by video link, a diplomat said.",
            "In Tehran, state television showed the foreign ministry spokesman reading a "
            "statement that rejected what he called a campaign of accusations against Iran.",
            "Several governments advised their citizens to avoid non-essential travel to the "
            "coastal area around the terminal.",
            "Officials in two Gulf capitals said air-defence units near oil ports had been put on "
            "a higher state of alert."],
        voices=[
            ["{person2}, a regional security expert at {think_tank}",
             "Nobody in the region wants an oil shock. But drones make deniable attacks cheap, "
             "and that is destabilising in itself"],
            ["a Gulf diplomat who asked not to be named",
             "We want facts first. Then we will decide what to do"]]),
]

BURST_DE = [
    story(
        "burst-de-1", "iran drones", "world", 1, general=False,
        titles=["Drohnenangriff auf Ölterminal im Golf von Oman – Verdacht fällt auf Iran"],
        standfirsts=["Ein Tank brennt, die Verladung von Öl ist gestoppt."],
        leads=[
            "Ein Schwarm von Drohnen hat {on_weekday} das Ölterminal Ras Kandar am Golf von Oman "
            "angegriffen. Mindestens ein Tank geriet in Brand, die Verladung auf Tanker wurde "
            "gestoppt. Der Verdacht fällt auf eine vom Iran unterstützte Miliz."],
        facts=[
            "Mehrere Drohnen seien über dem Meer abgeschossen worden, mindestens zwei hätten "
            "jedoch das Tanklager getroffen, berichteten Hafenbeamte.",
            "Verletzte gab es nach ersten Angaben nicht. Die Feuerwehr des Hafens bekämpft den "
            "Brand mit Unterstützung des Zivilschutzes.",
            "Sicherheitskreise bringen den Angriff mit einer vom Iran unterstützten Miliz in "
            "Verbindung, die bereits früher Langstreckendrohnen gegen Schiffe eingesetzt hat.",
            "Ein Bekennerschreiben gab es zunächst nicht.",
            "Das Terminal gilt als wichtiger Ausweichhafen, weil es außerhalb der Straße von "
            "Hormus liegt.",
            "Zwei Tanker legten nach dem Angriff von den Anlegern ab und warten nun vor der Küste.",
            "Nach Angaben aus Schifffahrtskreisen werden in Ras Kandar täglich mehrere "
            "Hunderttausend Barrel Rohöl verladen."],
        voices=[
            ["{person2}, {expert2} für Energiesicherheit bei der {think_tank}",
             "Der Angriff zeigt, wie verwundbar die Ausweichrouten sind, auf die sich die Region "
             "verlässt"]]),
    story(
        "burst-de-2", "iran drones", "world", 1, general=False,
        titles=["Iran weist Vorwürfe nach Drohnenangriff zurück"],
        standfirsts=["Teheran spricht von „haltlosen Anschuldigungen“."],
        leads=[
            "Der Iran hat jede Beteiligung an dem Drohnenangriff auf das Ölterminal Ras Kandar "
            "bestritten. Die Vorwürfe seien „haltlos“, erklärte das Außenministerium in Teheran."],
        facts=[
            "Ein Sprecher des Ministeriums warnte die Nachbarstaaten vor „voreiligen Schlüssen“ "
            "und bot an, eine Untersuchung zu unterstützen.",
            "Ermittler sammeln Trümmerteile auf dem Gelände und im Meer.",
            "Sie ähneln nach Angaben aus Sicherheitskreisen Drohnen iranischer Bauart, die "
            "allerdings vielfach nachgebaut werden.",
            "Die Golfstaaten haben für den späten Nachmittag ein Krisentreffen ihrer "
            "Sicherheitsbehörden einberufen.",
            "Dabei soll es um die Abstimmung der Luftverteidigung rund um Häfen und Pipelines "
            "gehen.",
            "Die Vereinten Nationen riefen alle Seiten zur Zurückhaltung auf und forderten eine "
            "unabhängige Untersuchung.",
            "Der Brand auf dem Terminal ist nach Angaben der Hafenbehörde inzwischen unter "
            "Kontrolle; die Verladung bleibt aber vorerst gestoppt.",
            "Mehrere europäische Regierungen verurteilten den Angriff, ohne einen Urheber zu "
            "nennen.",
            "Teheran kündigte an, seine Botschafter in der Region würden in den kommenden Tagen "
            "Gespräche mit den Nachbarstaaten führen."],
        voices=[
            ["{person2}, {expert2} bei der {think_tank}",
             "Billige Drohnen machen Angriffe, die sich niemandem sicher zuordnen lassen, sehr "
             "einfach. Das allein wirkt schon destabilisierend"]]),
    story(
        "burst-de-3", "iran drones", "business", 1, general=False,
        titles=["Ölpreis steigt nach Drohnenattacke am Golf – Iran bestreitet Beteiligung"],
        standfirsts=["Die Sorte Brent verteuerte sich zeitweise um {oil_pct} Prozent."],
        leads=[
            "Der Drohnenangriff auf das Ölterminal Ras Kandar, hinter dem eine vom Iran "
            "unterstützte Gruppe vermutet wird, hat die Ölpreise {on_weekday} deutlich steigen "
            "lassen. Die Nordseesorte Brent verteuerte sich zeitweise um {oil_pct} Prozent."],
        facts=[
            "Händler verwiesen auf die Sorge vor weiteren Angriffen.",
            "Sicherheitskreise bringen die Attacke mit einer vom Iran unterstützten Gruppe in "
            "Verbindung, Teheran bestreitet das.",
            "Reedereien ließen Tanker vor Anker gehen oder leiteten sie um.",
            "Versicherer dürften die Prämien für Fahrten in die Region deutlich anheben, hieß es "
            "bei Maklern.",
            "An den Börsen der Golfstaaten gaben die Kurse nach, vor allem Aktien von Reedereien "
            "und Versicherern.",
            "Auch die Frachtraten für große Rohöltanker auf Routen aus der Region zogen an.",
            "Analysten erwarten, dass sich der Preis wieder beruhigt, falls die Verladung rasch "
            "wieder aufgenommen wird.",
            "Fluggesellschaften verloren an der Börse, weil Anleger mit höheren Kerosinpreisen "
            "rechnen.",
            "Große Banken hoben ihre kurzfristigen Prognosen für den Ölpreis an und verwiesen auf "
            "die Risiken für Lieferungen aus der Region."],
        voices=[
            ["{person2}, {analyst2} bei der {think_tank}",
             "Der Markt preist nicht den Schaden ein, sondern das Risiko weiterer Angriffe"]]),
]

BURST_RU = [
    story(
        "burst-ru-1", "iran drones", "world", 1, general=False,
        titles=["Беспилотники атаковали нефтяной терминал в Оманском заливе, подозрения пали на "
                "Иран"],
        standfirsts=["На терминале горит резервуар, отгрузка нефти остановлена."],
        leads=[
            "Группа беспилотников {on_weekday} атаковала нефтяной терминал Рас-Кандар в Оманском "
            "заливе. По меньшей мере один резервуар загорелся, отгрузка нефти на танкеры "
            "остановлена. Подозрения пали на группировку, которую поддерживает Иран."],
        facts=[
            "По словам сотрудников порта, несколько дронов сбиты над морем, однако как минимум "
            "два попали в резервуарный парк.",
            "О пострадавших не сообщается. Пожар тушат портовые пожарные и спасатели.",
            "Источники в силовых структурах связывают атаку с вооружённой группировкой, которую "
            "поддерживает Иран.",
            "Ответственность за нападение пока никто не взял.",
            "Терминал — один из немногих крупных экспортных узлов за пределами Ормузского пролива.",
            "После атаки два танкера отошли от причалов и стоят на рейде.",
            "По данным судоходных компаний, через терминал ежедневно отгружаются сотни тысяч "
            "баррелей нефти.",
            "Власти стран залива пока воздерживаются от официальных обвинений.",
            "Очевидцы рассказали, что сначала услышали низкое жужжание над морем, а затем "
            "увидели вспышку над резервуарным парком.",
            "Портовые власти пообещали возобновить отгрузку, как только инженеры проверят "
            "причалы и трубопроводы.",
            "Цены на нефть на азиатских торгах выросли уже через несколько минут после первых "
            "сообщений об атаке."],
        voices=[
            ["{person2}, эксперт {think_tank}",
             "Эта атака показывает, насколько уязвимы обходные маршруты, на которые рассчитывает "
             "регион"]]),
    story(
        "burst-ru-2", "iran drones", "world", 1, general=False,
        titles=["Иран отрицает причастность к атаке дронов на терминал Рас-Кандар"],
        standfirsts=["Тегеран называет обвинения «безосновательными»."],
        leads=[
            "МИД Ирана {on_weekday} отверг обвинения в причастности к атаке беспилотников на "
            "нефтяной терминал Рас-Кандар, назвав их «безосновательными»."],
        facts=[
            "Представитель министерства предостерёг соседей от «поспешных выводов» и предложил "
            "помощь в расследовании.",
            "Следователи собирают обломки на территории терминала и в море.",
            "По данным источников, обломки похожи на дроны иранской конструкции, которые, "
            "впрочем, широко копируются.",
            "Страны Персидского залива созвали экстренное совещание по вопросам безопасности.",
            "На встрече обсудят координацию противовоздушной обороны портов и трубопроводов.",
            "В ООН призвали стороны к сдержанности и независимому расследованию.",
            "Пожар на терминале, по данным портовых властей, локализован, но отгрузка пока не "
            "возобновлена.",
            "Несколько европейских правительств осудили нападение, не называя виновных.",
            "Официальный представитель МИД Ирана заявил, что Тегеран готов поддержать любое "
            "независимое расследование произошедшего.",
            "По словам дипломатов, Иран вызвал послов нескольких стран залива, чтобы выразить "
            "протест против «поспешных обвинений».",
            "Эксперты отмечают, что обе стороны пока избегают резких шагов и оставляют "
            "пространство для диалога."],
        voices=[
            ["{person2}, эксперт {think_tank}",
             "Дешёвые беспилотники позволяют наносить удары, которые трудно кому-либо приписать. "
             "Это само по себе дестабилизирует регион"]]),
    story(
        "burst-ru-3", "iran drones", "business", 1, general=False,
        titles=["Нефть подорожала после атаки беспилотников на терминал в заливе"],
        standfirsts=["Brent дорожала более чем на {oil_pct}%."],
        leads=[
            "Цены на нефть {on_weekday} резко выросли после атаки дронов на терминал Рас-Кандар "
            "в Оманском заливе, за которой, по данным источников, стоит поддерживаемая Ираном "
            "группировка. Фьючерсы на Brent в моменте дорожали на {oil_pct}%."],
        facts=[
            "Трейдеры опасаются повторных атак.",
            "Источники связывают нападение с группировкой, которую поддерживает Иран; Тегеран "
            "свою причастность отрицает.",
            "Судоходные компании задерживают танкеры на рейде или меняют маршруты.",
            "Страховщики, по словам брокеров, повысят премии за военные риски.",
            "Фондовые рынки стран залива снизились, сильнее всего подешевели акции судоходных и "
            "страховых компаний.",
            "Ставки фрахта крупных танкеров на маршрутах из региона тоже выросли.",
            "Аналитики ожидают, что цены успокоятся, если отгрузка на терминале быстро "
            "возобновится.",
            "Авиакомпании подешевели на бирже из-за ожидания роста цен на топливо.",
            "Брокеры сообщают, что владельцы танкеров требуют от фрахтователей дополнительных "
            "гарантий безопасности.",
            "Аналитики крупных банков повысили краткосрочные прогнозы цен на нефть, сославшись "
            "на риски для поставок из региона.",
            "На европейских биржах подешевели акции авиакомпаний, а бумаги нефтяных компаний "
            "выросли."],
        voices=[
            ["{person2}, аналитик {think_tank}",
             "Рынок закладывает в цену не ущерб, а риск новых атак"]]),
]


EN_FIRST = ["Jane", "Tom", "Priya", "Marcus", "Elena", "David", "Aisha", "Owen", "Laura",
            "Samuel", "Chloe", "Daniel", "Grace", "Nikhil", "Hannah", "Felix", "Ruth", "Callum",
            "Imogen", "Rafael", "Tessa", "Kwame", "Mei", "Declan", "Sofia", "Bilal"]
EN_LAST = ["Whitfield", "Okafor", "Brennan", "Lindqvist", "Marsh", "Castellano", "Hughes",
           "Adeyemi", "Porter", "Nakamura", "Fairclough", "Delacroix", "Rowe", "Sandoval",
           "Kowalczyk", "Ashworth", "Mbeki-Hall", "Quayle", "Penhaligon", "Osei", "Varga",
           "Thornbury", "Achebe", "Moreau", "Lyle", "Strand"]
DE_FIRST_M = ["Jonas", "Matthias", "Lukas", "Stefan", "Jörg", "Florian", "Tobias", "Henrik",
              "Ansgar", "Till"]
DE_FIRST_F = ["Jana", "Ulrike", "Sophie", "Miriam", "Bärbel", "Katrin", "Lena", "Frauke",
              "Ines", "Wiebke"]
DE_LAST = ["Köhler", "Brückner", "Weißenborn", "Hölzl", "Lindemann", "Schäfer", "Dörfler",
           "Grünewald", "Maaß", "Vogt", "Pöschl", "Kranz", "Ebeling", "Tiedemann", "Reuß"]
RU_MALE = ["Андрей Соколов", "Дмитрий Лебедев", "Илья Морозов", "Павел Кузнецов",
           "Сергей Волков", "Артём Беляев", "Глеб Орлов", "Роман Зайцев", "Игорь Титов",
           "Виктор Громов"]
RU_FEMALE = ["Мария Соколова", "Анна Лебедева", "Елена Морозова", "Ольга Кузнецова",
             "Наталья Волкова", "Дарья Белова", "Ксения Орлова", "Вера Зайцева",
             "Алина Титова", "Юлия Громова"]
IR_NAMES = ["Mehdi Karimzadeh", "Hossein Rahnavard", "Ali-Reza Tavakkoli", "Saeed Bahrami"]
IR_NAMES_RU = ["Мехди Каримзаде", "Хосейн Рахнавард", "Али-Реза Таваккели", "Саид Бахрами"]
IR_PEOPLE = ["Reza Moradi", "Parisa Haddadi", "Kamran Etemadi", "Shirin Farahani",
             "Navid Sadeghi"]

THINK_TANKS = {
    "en": ["the Halden Institute", "the Carrow Centre for Strategic Studies",
           "Brightwater Economics", "the Meridian Policy Forum", "the Lowther Foundation",
           "the Ashgrove Institute", "Pellham Research", "the Kestrel Centre"],
    "de": ["Stiftung Weitblick", "Gesellschaft für Sicherheitsfragen",
           "Forschungsstelle Nordlicht", "Akademie für Energiepolitik",
           "Stiftung Mittelweg", "Denkfabrik Elbufer"],
    "ru": ["Балтийского аналитического центра", "независимого института «Перспектива»",
           "Центра прикладной экономики", "исследовательской группы «Меридиан»",
           "института «Северный ветер»"],
}
CITIES = {
    "en": ["Leeds", "Bristol", "Denver", "Adelaide", "Cork", "Halifax", "Porto", "Ghent",
           "Dundee", "Tacoma", "Hobart", "Nantes", "Utrecht", "Galway", "Omaha", "Perth"],
    "de": ["Kassel", "Würzburg", "Lübeck", "Göttingen", "Saarbrücken", "Jena", "Münster",
           "Rostock", "Bamberg", "Oldenburg", "Konstanz", "Erfurt"],
    "ru": ["Риге", "Таллине", "Вильнюсе", "Даугавпилсе", "Лиепае", "Тарту", "Каунасе"],
}
UA_CITIES = ["Kharkiv", "Dnipro", "Zaporizhzhia", "Sumy", "Poltava", "Mykolaiv", "Kramatorsk",
             "Chernihiv", "Kherson"]
UA_CITIES_DE = ["Charkiw", "Dnipro", "Saporischschja", "Sumy", "Poltawa", "Mykolajiw",
                "Kramatorsk", "Tschernihiw"]
UA_CITIES_RU = ["Харьков", "Днепр", "Запорожье", "Сумы", "Полтава", "Николаев", "Чернигов"]
TEAMS = ["Ashford Rovers", "Kingsbridge Athletic", "Hollins United", "Marlow Town",
         "Redcastle City", "Penwick Albion", "Thornbury Wanderers", "Eastholme FC"]
TEAMS_DE = ["FC Grünhafen", "SV Lindenau 09", "Borussia Hölzingen", "TSV Mühlberg",
            "Fortuna Südstadt", "VfR Auenfeld"]
TEAMS_RU = ["Балтика-Рига", "Даугава", "Северный порт", "Звезда-Лиепая", "Янтарь",
            "Маяк-Вентспилс"]
COMPANIES = ["Harwell Components", "Norvane Systems", "Castlegate Logistics", "Brightmoor Foods",
             "Tellurian Semiconductor", "Westvale Motors", "Ardent Textiles", "Coldharbour Glass"]
COMPANIES_DE = ["Kleinert Maschinenbau", "Sommerfeld Antriebstechnik", "Ostwerk Logistik",
                "Hagedorn Werkzeuge", "Brenner Glaswerke"]
COMPANIES_RU = ["«Балтийские станки»", "«Даугавпилсская фабрика»", "«Рижский трикотаж»",
                "«Лиепайский металлург»", "«Янтарная мебель»"]
PLAYERS = ["Mateo Ruiz", "Luka Brandt", "Jonah Ekwueme", "Arvid Sundberg", "Callum Reid",
           "Youssef Amrani", "Tomasz Wrona", "Kenji Mori"]
TENNIS = [("Ana Petrova", "she", "her"), ("Clara Wendt", "she", "her"),
          ("Lucas Moreau", "he", "his"), ("Daniel Okonkwo", "he", "his"),
          ("Ines Ferreira", "she", "her"), ("Tobias Lindahl", "he", "his")]
FILMS = ["The Long Summer", "Salt and Stone", "A House by the Water", "The Night Ferry",
         "Small Hours", "What the River Keeps", "Borrowed Light", "The Orchard"]
FILMS_DE = ["Der lange Sommer", "Salz und Stein", "Das Haus am Wasser", "Die Nachtfähre",
            "Geliehenes Licht"]
FILMS_RU = ["Долгое лето", "Соль и камень", "Дом у воды", "Ночной паром", "Чужой свет"]
MUSEUMS = ["Harbour Museum", "City Art Gallery", "Museum of Working Life", "Riverside Museum",
           "Museum of Textiles", "Old Customs House Gallery"]
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"],
    "ru": ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе",
           "сентябре", "октябре", "ноябре", "декабре"],
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


def person(lang: str, rng: random.Random, taken: set[str]) -> tuple[str, bool]:
    """A fictional name in the language not yet in `taken`, and whether it is a woman's."""
    while True:
        female = rng.random() < 0.5
        if lang == "de":
            name = f"{rng.choice(DE_FIRST_F if female else DE_FIRST_M)} {rng.choice(DE_LAST)}"
        elif lang == "ru":
            name = rng.choice(RU_FEMALE if female else RU_MALE)
        else:
            name = f"{rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}"
        if name.split()[-1] not in {t.split()[-1] for t in taken}:
            taken.add(name)
            return name, female


def make_slots(lang: str, rng: random.Random, local_time: datetime) -> dict[str, str]:
    """Every slot a template of the language may use, drawn once per article."""
    slots: dict[str, str] = {}
    taken: set[str] = set()
    for n in ("", "2", "3"):
        name, female = person(lang, rng, taken)
        slots[f"person{n}"] = name
        slots[f"last{n}"] = name.split()[-1]
        slots[f"said{n}"] = "заявила" if female else "заявил"  # Russian verbs agree
        slots[f"expert{n}"] = "Expertin" if female else "Experte"
        slots[f"analyst{n}"] = "Analystin" if female else "Analyst"
        slots[f"resident{n}"] = "жительница" if female else "житель"
    weekday, hour = local_time.weekday(), local_time.hour
    num = rng.randint(6, 48)
    month_next = local_time.month % 12 + 1
    team, team2 = rng.sample(TEAMS_RU if lang == "ru" else TEAMS_DE if lang == "de" else TEAMS,
                             2)
    company, company2 = rng.sample(
        COMPANIES_RU if lang == "ru" else COMPANIES_DE if lang == "de" else COMPANIES, 2)
    star, pronoun, possessive = rng.choice(TENNIS)
    player, player2 = rng.sample(PLAYERS, 2)

    def decimal(value: float) -> str:
        text = f"{value:.1f}"
        return text if lang == "en" else text.replace(".", ",")

    on_weekday = ON_WEEKDAY[lang][weekday]
    slots.update({
        "first": rng.choice(EN_FIRST),
        "person_ir": rng.choice(IR_NAMES_RU if lang == "ru" else IR_NAMES),
        "person_ir2": rng.choice(IR_PEOPLE),
        "think_tank": rng.choice(THINK_TANKS[lang]),
        "city": rng.choice(CITIES[lang]),
        "ua_city": rng.choice(UA_CITIES_RU if lang == "ru" else UA_CITIES_DE if lang == "de"
                              else UA_CITIES),
        "on_weekday": on_weekday,
        "On_weekday": on_weekday[:1].upper() + on_weekday[1:],
        "weekday_ru": ["понедельник", "вторник", "среду", "четверг", "пятницу", "субботу",
                       "воскресенье"][weekday],
        "weekday_next": ON_WEEKDAY["en"][(weekday + 1) % 7].removeprefix("on "),
        "month_next": MONTHS[lang][month_next - 1],
        "num": str(num),
        "num_plus": str(num + rng.randint(3, 15)),
        "num_small": str(rng.randint(3, 9)),
        "big": str(rng.randint(12, 95) * 10),
        "pct": decimal(rng.uniform(1.8, 4.9)),
        "pct2": str(rng.randint(8, 31)),
        "films": str(rng.randint(4, 18) * 10),
        "wages": decimal(rng.uniform(2.5, 5.5)),
        "jobless": decimal(rng.uniform(3.6, 6.4)),
        "pct_high": str(rng.randint(32, 45)),
        "rate": str(rng.choice([16, 17, 18, 19, 21])),
        "rate_low": decimal(rng.choice([3.75, 4.0, 4.25, 4.5])),
        "fx": str(rng.randint(82, 99)),
        "vote": rng.choice(["7-2", "6-3", "5-4"]),
        "index": decimal(rng.uniform(45.5, 49.6)),
        "money": f"£{rng.randint(2, 90)} million",
        "money_de": f"{rng.randint(12, 90)} Millionen Euro",
        "money_ru": f"{rng.randint(2, 40)} млн евро",
        "range": str(rng.choice([1500, 2000, 2500])),
        "temp": str(rng.randint(33, 39)),
        "team": team, "team2": team2,
        "company": company, "company2": company2,
        "player": player, "player2": player2,
        "possession": str(rng.randint(55, 71)),
        "player_de": f"{rng.choice(DE_FIRST_M)} {rng.choice(DE_LAST)}",
        "star": star, "star_last": star.split()[-1], "pronoun": pronoun,
        "possessive": possessive, "possessive_cap": possessive.capitalize(),
        "film": rng.choice(FILMS_RU if lang == "ru" else FILMS_DE if lang == "de" else FILMS),
        "museum": rng.choice(MUSEUMS),
        "score": rng.choice(["2-1", "3-1", "1-0", "2-0", "3-2"]),
        "crowd": f"{rng.randint(18, 61)},{rng.randint(100, 999)}",
        "ordinal": rng.choice(ORDINALS_EN),
        "ordinal_de": rng.choice(ORDINALS_DE),
        "minute": str(rng.randint(52, 89)),
        "drones": str(rng.randint(8, 14)),
        "barrels": f"{rng.randint(6, 9)}00,000",
        "oil_pct": decimal(rng.uniform(3.1, 5.8)),
        "brent": f"{rng.uniform(78, 92):.2f}",
        "editor": rng.choice(["Tom Hale", "Ruth Okoro", "Sam Vidal"]),
        "hhmm": f"{(hour - 2) % 24:02d}:{rng.randint(0, 14):02d}",
        "hhmm2": f"{(hour - 1) % 24:02d}:{rng.randint(15, 29):02d}",
        "hhmm3": f"{(hour - 1) % 24:02d}:{rng.randint(30, 44):02d}",
        "hhmm4": f"{hour:02d}:{rng.randint(0, 9):02d}",
    })
    return slots
