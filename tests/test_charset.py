"""decode_html: BOM, then HTTP header, then <meta>, then detection; never raises."""

import codecs

import pytest

from tasks.charset import decode_html

TEXT = "Déjà vu: l’économie française — «résumé» €5"


def page(charset_meta: str = "", body: str = TEXT) -> str:
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    return f"<html><head>{meta}<title>t</title></head><body><p>{body}</p></body></html>"


def test_bom_wins_over_header_and_meta():
    raw = codecs.BOM_UTF8 + page("windows-1252").encode("utf-8")
    text, charset = decode_html(raw, "text/html; charset=iso-8859-1")
    assert charset == "utf-8"
    assert TEXT in text and not text.startswith("\ufeff")


def test_utf16_bom():
    raw = codecs.BOM_UTF16_LE + page().encode("utf-16-le")
    text, charset = decode_html(raw)
    assert charset == "utf-16-le"
    assert TEXT in text


def test_header_charset_wins_over_meta():
    raw = page("utf-8").encode("cp1252")
    text, charset = decode_html(raw, 'text/html; charset="windows-1252"')
    assert charset == "windows-1252"
    assert TEXT in text


@pytest.mark.parametrize("label", ["iso-8859-1", "ISO8859-1", "latin-1", "us-ascii"])
def test_latin1_declared_means_windows_1252(label):
    raw = page(body="l’euro: €5 — “quoted”").encode("cp1252")
    text, charset = decode_html(raw, f"text/html; charset={label}")
    assert charset == "windows-1252"
    assert "l’euro: €5 — “quoted”" in text


def test_meta_charset_in_first_bytes():
    raw = page("windows-1251", body="Привет, мир").encode("cp1251")
    text, charset = decode_html(raw, "text/html")
    assert charset == "windows-1251"
    assert "Привет, мир" in text


def test_meta_http_equiv():
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'
        "</head><body><p>日本語のニュース</p></body></html>"
    )
    text, charset = decode_html(html.encode("shift_jis"))
    assert charset == "cp932"
    assert "日本語のニュース" in text


def test_nothing_declared_is_not_iso_8859_1():
    text, charset = decode_html(page().encode("utf-8"), "text/html")
    assert charset == "utf-8"
    assert TEXT in text


def test_nothing_declared_detects_legacy_charset():
    body = "Это длинная новость о политике и экономике, написанная по-русски. " * 20
    text, charset = decode_html(page(body=body).encode("cp1251"))
    assert "новость о политике" in text
    assert charset == "windows-1251"


def test_unknown_charset_falls_through_to_meta_then_detection():
    raw = page("utf-8").encode("utf-8")
    text, charset = decode_html(raw, "text/html; charset=x-no-such-charset")
    assert (charset, TEXT in text) == ("utf-8", True)
    text, charset = decode_html(page("base64").encode("utf-8"), "text/html; charset=bogus")
    assert (charset, TEXT in text) == ("utf-8", True)


def test_utf8_bytes_under_a_legacy_label_are_utf8():
    raw = page("iso-8859-1").encode("utf-8")
    text, charset = decode_html(raw, "text/html; charset=ISO-8859-1")
    assert charset == "utf-8"
    assert TEXT in text


def test_meta_declaring_utf16_means_utf8():
    text, charset = decode_html(page("utf-16").encode("utf-8"))
    assert charset == "utf-8"
    assert TEXT in text


@pytest.mark.parametrize(
    "raw",
    [b"", b"\xff\xfe\x00", b"\x80\x81\x82\xff" * 50, bytes(range(256)) * 4, b"\xef\xbb\xbf\xff"],
)
def test_never_raises(raw):
    text, charset = decode_html(raw, "text/html; charset=utf-8")
    assert isinstance(text, str) and charset
    text, charset = decode_html(raw)
    assert isinstance(text, str) and charset


def test_invalid_bytes_under_declared_utf8_are_replaced():
    raw = "<p>café</p>".encode() + b"\xff"
    text, charset = decode_html(raw, "text/html; charset=utf-8")
    assert charset == "utf-8"
    assert "café" in text and "\ufffd" in text
