"""Turn fetched bytes into text the way a browser would, without ever raising.

Order: byte-order mark, the HTTP `Content-Type` charset, a `<meta>` declaration in the
first 4 KB, then detection (charset-normalizer). Like browsers, "iso-8859-1", "latin-1"
and "ascii" mean windows-1252, and nothing declared never means ISO-8859-1 (the
`requests` default for text/html).

One departure from browsers, because mislabelled pages are common: a legacy charset
declared for bytes that are valid UTF-8 with multi-byte sequences is taken to be UTF-8
(random legacy text is practically never valid multi-byte UTF-8).
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG Encoding Standard labels whose browser meaning differs from Python's codec.
_BROWSER_ALIASES = {
    "iso-8859-1": "windows-1252",
    "iso8859-1": "windows-1252",
    "latin-1": "windows-1252",
    "latin1": "windows-1252",
    "l1": "windows-1252",
    "ascii": "windows-1252",
    "us-ascii": "windows-1252",
    "iso-8859-9": "windows-1254",
    "iso-8859-11": "windows-874",
    "tis-620": "windows-874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "utf8": "utf-8",
}

# The encodings the WHATWG Encoding Standard defines (all a browser honours), as Python
# names them. A declared charset outside them ("base64", "rot13", "idna", "undefined",
# "utf-7", ...) is ignored like an unknown one: codecs.lookup knows those, but they are
# not text encodings for a page, and some raise on any input.
_PAGE_CODECS = frozenset({
    "utf-8", "utf-16", "utf-16-le", "utf-16-be", "cp866", "koi8-r", "koi8-u", "mac-roman",
    "mac-cyrillic", "cp874", "gbk", "gb18030", "big5", "big5hkscs", "euc_jp", "iso2022_jp",
    "shift_jis", "cp932", "euc_kr", "cp949",
    *(f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)),
    *(f"cp125{n}" for n in range(9)),
})

_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_META_SCAN_BYTES = 4096
_NEAR_TIE = 0.1  # in charset-normalizer's chaos (mess) ratio, 0 to 1


def decode_html(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode an HTML (or any text) response; returns (text, charset used)."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(name, errors="replace"), name

    declared = [_header_charset(content_type), _meta_charset(body)]
    for label in declared:
        codec = _codec_for(label)
        if codec not in _PAGE_CODECS:
            continue
        if codec != "utf-8" and _is_multibyte_utf8(body):
            return body.decode("utf-8"), "utf-8"
        if codec == "utf-8" and not _mostly_utf8(body):
            continue  # a label that the bytes contradict: the next clue decides
        return body.decode(codec, errors="replace"), _display_name(codec)
    return _detect(body)


def _header_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return match.group(1) if match else None


def _meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:_META_SCAN_BYTES])
    if not match:
        return None
    label = match.group(1).decode("ascii", errors="replace")
    # A meta tag read as ASCII cannot really mean UTF-16 (WHATWG: treat it as UTF-8).
    return "utf-8" if label.lower().startswith("utf-16") else label


def _codec_for(label: str | None) -> str | None:
    """The Python codec for a charset label, or None when the label is unknown."""
    if not label:
        return None
    label = label.strip().lower()
    label = _BROWSER_ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
        b"".decode(name)  # rejects bytes-to-bytes codecs such as "base64"
    except LookupError:
        return None
    return _BROWSER_ALIASES.get(name, name)


def _display_name(codec: str) -> str:
    """`cp1252` -> `windows-1252`; other codec names as Python spells them."""
    if re.fullmatch(r"cp125\d", codec):
        return "windows-" + codec[2:]
    return codec


def _decodes_as_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _mostly_utf8(body: bytes) -> bool:
    """UTF-8 but for a stray bad byte or two, as opposed to text in another charset, where
    nearly every non-ASCII byte breaks UTF-8."""
    if _decodes_as_utf8(body):
        return True
    non_ascii = sum(byte > 0x7F for byte in body)
    return body.decode("utf-8", errors="replace").count("\ufffd") <= max(2, 0.1 * non_ascii)


def _is_multibyte_utf8(body: bytes) -> bool:
    return not body.isascii() and _decodes_as_utf8(body)


def _detect(body: bytes) -> tuple[str, str]:
    """Nothing declared: UTF-8 when it decodes, else charset-normalizer's best guess."""
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    results = from_bytes(body)
    best = results.best()
    if best is not None:
        # On short Latin-script text the guesses tie closely (French read as Baltic
        # cp1257); windows-1252, the web's most common legacy charset, wins a near tie.
        western = next((r for r in results if r.encoding == "cp1252"), None)
        if western is not None and western.chaos <= best.chaos + _NEAR_TIE:
            best = western
    codec = _codec_for(best.encoding) if best is not None else None
    if codec is None:
        return body.decode("utf-8", errors="replace"), "utf-8"
    return body.decode(codec, errors="replace"), _display_name(codec)
