"""Free text the registers keep must be safe to show: no control characters, no bidi tricks.

An ESC in a name (``\\x1b[2J``) clears the terminal it is printed on; a C1 ``\\x9b`` does the same
on many terminals; a right-to-left override (U+202E) turns ``fdp.exe`` into ``exe.pdf``; a
character that was not UTF-8 (a latin-1 terminal typing "Ö") cannot even be saved. So typed
and imported text refuses them with a field error (``text_problem``), and whatever an older
file already holds is shown escaped (``shown``): ``Anna\\x1b[31m`` reads as exactly that.

Tab and newline are allowed in multi-line notes only.
"""

from __future__ import annotations

import re

_CONTROLS = ((0x00, 0x1F), (0x7F, 0x9F))
_BIDI_RANGES = ((0x061C, 0x061C), (0x200E, 0x200F), (0x202A, 0x202E), (0x2066, 0x2069))
_SEPARATOR_RANGES = ((0x2028, 0x2029),)
_NOT_UTF8 = range(0xD800, 0xE000)
"""Lone surrogates: what Python makes of argument bytes that were not UTF-8."""
_RANGES = (*_CONTROLS, *_BIDI_RANGES, *_SEPARATOR_RANGES, (_NOT_UTF8.start, _NOT_UTF8.stop - 1))

MULTILINE_OK = frozenset({ord("\n"), ord("\t")})
MULTILINE_FIELDS = frozenset({"notes", "note"})
"""The fields (and CLI flags) where a newline or a tab belongs; every other text is one line."""


def _codepoints(ranges: tuple[tuple[int, int], ...]) -> frozenset[int]:
    return frozenset(c for low, high in ranges for c in range(low, high + 1))


_BIDI_OR_SEPARATOR = _codepoints((*_BIDI_RANGES, *_SEPARATOR_RANGES))
UNSAFE = _codepoints(_RANGES)
_UNSAFE_TEXT = re.compile("[" + "".join(rf"\U{lo:08x}-\U{hi:08x}" for lo, hi in _RANGES) + "]")
"""One range per kind, not one escaped character per code point: compiling 2,200 of them was
3 ms of every start of the program."""


def escaped(codepoint: int) -> str:
    """The visible stand-in: ``\\x1b`` for a control character, ``\\u202e`` for the others, and
    ``\\xd6`` for a byte that was not UTF-8 (kept by Python as a surrogate)."""
    if 0xDC80 <= codepoint <= 0xDCFF:
        return f"\\x{codepoint - 0xDC00:02x}"
    if codepoint < 0x100:
        return f"\\x{codepoint:02x}"
    return f"\\u{codepoint:04x}"


ESCAPES: dict[int, str] = {c: escaped(c) for c in UNSAFE}
"""For ``str.translate``: every unsafe character to its visible stand-in."""
ESCAPES_KEEPING_LINES: dict[int, str] = {c: e for c, e in ESCAPES.items() if c not in MULTILINE_OK}


def shown(text: str, *, keep_lines: bool = False) -> str:
    """``text`` safe for a terminal: every unsafe character as its visible stand-in."""
    if text.isprintable():
        return text
    return text.translate(ESCAPES_KEEPING_LINES if keep_lines else ESCAPES)


_NAMES = {0x09: "en tabb", 0x0A: "en radbrytning", 0x0D: "en vagnretur"}


def text_problem(text: str, *, multiline: bool = False) -> str | None:
    """The Swedish field error for text holding an unsafe character, or None when it is fine."""
    for found in _UNSAFE_TEXT.finditer(text):
        codepoint = ord(found.group())
        if multiline and codepoint in MULTILINE_OK:
            continue
        stand_in = escaped(codepoint)
        if codepoint in _NOT_UTF8:
            return (
                f"Texten har tecken som inte är UTF-8 ({stand_in}): ställ in terminalen på "
                "UTF-8 (t.ex. LANG=sv_SE.UTF-8) och skriv den igen."
            )
        if codepoint in _NAMES:
            return f"Fältet har bara en rad: ta bort {_NAMES[codepoint]} ({stand_in})."
        if codepoint in _BIDI_OR_SEPARATOR:
            return f"Texten har ett osynligt riktnings- eller radtecken ({stand_in}); ta bort det."
        return f"Texten har ett styrtecken ({stand_in}) som inte kan sparas; ta bort det."
    return None


def check_text(text: str, *, multiline: bool = False) -> str:
    """``text`` when it is safe, else ValueError with the field error (for field parsers)."""
    problem = text_problem(text, multiline=multiline)
    if problem:
        raise ValueError(problem)
    return text
