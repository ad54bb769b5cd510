"""The values drawn into an article's `{slots}`: fictional people, places, teams and
companies, dates and numbers, per language."""

from __future__ import annotations

import random
from datetime import datetime

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
