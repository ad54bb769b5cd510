"""Language: declared first, detected from the text where the page says nothing."""

from __future__ import annotations

import pytest

from tasks.extract import detect_language, extract_article


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Central bank leaves rates unchanged as inflation eases", "en"),
        ("Neue Radwege für die Altstadt beschlossen", "de"),
        ("Les vendanges commencent tôt dans la vallée", "fr"),
        ("Центробанк сохранил ключевую ставку на прежнем уровне", "ru"),
        ("Нацбанк зберіг облікову ставку без змін", "uk"),
        ("البنك المركزي يبقي أسعار الفائدة دون تغيير", "ar"),
        ("Merkez bankası faizi sabit tuttu", "tr"),
    ],
)
def test_detect_language_on_headlines(text, language):
    assert detect_language(text) == language


def test_undeclared_language_is_detected_from_the_text():
    sentences = " ".join(
        f"Sentence number {i} of the council report on water prices." for i in range(12)
    )
    html = f"<html><body><h1>Water prices to rise</h1><p>{sentences}</p></body></html>"
    article = extract_article(html, "https://w.example/a")
    assert (article.language, article.field_sources["language"]) == ("en", "heuristic")
    assert detect_language("1234 — 5678") is None


def test_a_configured_language_beyond_the_usual_news_languages_is_detected():
    swahili = ("Serikali ya Kenya imetangaza mpango mpya wa kuboresha huduma za afya katika "
               "maeneo ya vijijini. Waziri wa afya alisema kwamba hospitali mpya zitajengwa na "
               "wauguzi zaidi wataajiriwa ili kuhakikisha kwamba wananchi wanapata matibabu "
               "bora karibu na makazi yao. Wabunge wa upinzani walikaribisha mpango huo lakini "
               "wakaonya kuhusu gharama zake.")
    html = f"<html><body><article><h1>Habari za afya</h1><p>{swahili}</p></article></body></html>"
    assert extract_article(html, "https://habari.example/a").language != "sw"
    configured = extract_article(html, "https://habari.example/a", languages=["en", "sw"])
    assert configured.language == "sw"
    assert configured.field_sources["language"] == "heuristic"


SWAHILI = ("Serikali ya Kenya imetangaza mpango mpya wa kuboresha huduma za afya katika maeneo "
           "ya vijijini. Waziri wa afya alisema kwamba hospitali mpya zitajengwa na wauguzi "
           "zaidi wataajiriwa ili kuhakikisha kwamba wananchi wanapata matibabu bora karibu na "
           "makazi yao. Wabunge wa upinzani walikaribisha mpango huo lakini wakaonya kuhusu "
           "gharama zake. ")


def test_a_long_body_s_own_language_beats_the_template_s_declaration():
    def language(paragraphs: int, declared: str) -> tuple[str | None, str]:
        body = "".join(f"<p>Sehemu ya {i}. {SWAHILI}</p>" for i in range(paragraphs))
        html = (f'<html lang="{declared}"><body><article><h1>Habari za afya</h1>{body}'
                "</article></body></html>")
        article = extract_article(html, "https://habari.example/a")
        return article.language, article.field_sources["language"]

    # a WordPress-style English default on a Swahili site, over 1,000 characters
    assert language(4, "en") == ("sw", "heuristic")
    assert language(1, "en") == ("en", "meta")  # a brief keeps what the page declares
    assert language(4, "sw") == ("sw", "meta")  # a declaration the body bears out


def test_an_english_page_of_german_names_keeps_its_declaration():
    # hardly an English stop word, so the model reads it: it leans to German, unsure
    results = " ".join(f"Results: Bayern München {i}, Borussia Dortmund {i + 1}; Eintracht "
                       "Frankfurt 2, Werder Bremen 1; Schalke 0, Köln 3." for i in range(12))
    html = f'<html lang="en"><body><article><h1>Results</h1><p>{results}</p></article></body>'
    article = extract_article(f"{html}</html>", "https://scores.example/a")
    assert (article.language, article.field_sources["language"]) == ("en", "meta")


@pytest.mark.parametrize(
    ("declarations", "body", "language"),
    [
        # ISO 639-2 in JSON-LD
        ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
         '"headline": "Council report", "inLanguage": "eng"}</script></head>',
         "The council said on Tuesday that the report would be published next week. ", "en"),
        # a charset where the language should be: detected instead
        ('<html><head><meta http-equiv="content-language" content="utf-8"></head>',
         "Der Stadtrat hat am Dienstag beschlossen, dass die Wasserpreise steigen werden. ",
         "de"),
        # two declarations that disagree: the one the body's stop words bear out
        ('<html lang="ko"><head><script type="application/ld+json">{"@type": "NewsArticle", '
         '"headline": "시의회 보고서", "inLanguage": "kr"}</script></head>',
         "시의회는 화요일에 수도 요금이 내년에 오를 것이라고 밝혔다. 그리고 이 보고서는 다음 주에 "
         "발표될 예정이다. ", "ko"),
        # Norwegian Bokmål under the code the detector gives Norwegian
        ('<html lang="nb-NO"><head></head>',
         "Bystyret sa tirsdag at vannprisene vil stige neste år, og at rapporten kommer. ", "no"),
    ],
)
def test_a_declared_language_is_read_as_a_language_code(declarations, body, language):
    html = f"{declarations}<body><article><h1>Report</h1><p>{body * 3}</p></article></body></html>"
    assert extract_article(html, "https://council.example/a").language == language
