"""Language codes as pages and configs write them, read as CLDR's (through babel)."""

from __future__ import annotations

import re

from babel import Locale
from babel.core import get_global

# CLDR's language codes; ISO 639-2 ("eng") and retired ones ("iw") are read as the codes
# that replaced them, and Norwegian's two written standards as the one code the detector
# gives it, so that declared, detected and configured languages agree.
_KNOWN_CODES = frozenset(Locale("en").languages)
_SAME_LANGUAGE = {
    alias: target for alias, target in get_global("language_aliases").items()
    if len(target) == 2 and target in _KNOWN_CODES
} | {"nb": "no", "nn": "no"}


def language_code(value: str | None) -> str | None:
    """`en-US`, `en_GB`, `EN`, `eng` -> `en`; None for what names no language (`utf-8`)."""
    if not value:
        return None
    code = re.split(r"[-_]", value.strip())[0].lower()
    code = _SAME_LANGUAGE.get(code, code)
    return code if code in _KNOWN_CODES else None


def config_language(value: str) -> str:
    """A configured language as the code articles carry; ValueError for a code that is none."""
    code = language_code(value)
    if code is None:
        raise ValueError(f"{value!r} is not a language code (ISO 639-1, e.g. en, de, ar)")
    return code
