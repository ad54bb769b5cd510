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
