"""The annual report's sections in the order of the 2024 verksamhetsberättelse.

One list says, for the whole report, what comes where and who writes it: a person each year
(``written``: the introduction, the mission, the NSP figures, the campaign …) or the registers
(the board, the membership, the month table …). The full draft walks this list, so written
and generated sections interleave as in the original; the report texts, the CLI's
``--section`` and the status list take their keys and order from it.

A section with ``written=False`` is either filled by the exports from the registers or, for
"Organisation" and "Plattformens arbete med utsatta", only a heading over the sections that
follow it. Heading levels are the draft's: 1 a section of the report, 2 a part of one. The
introduction has no heading (it follows the title).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReportSection:
    key: str
    """A short ASCII slug: the CLI's ``--section``, the stored text's ``section``."""
    heading: str
    """The heading as in the 2024 report; "" for none. A written section's text may carry its
    own (``ReportText.heading``) where the heading names the year's subject ("Kampanj 215")."""
    level: int
    written: bool
    hint: str = ""
    """For a written section: what belongs there, one short phrase ("[Att skriva: …]")."""


def _written(key: str, heading: str, level: int, hint: str) -> ReportSection:
    return ReportSection(key, heading, level, written=True, hint=hint)


def _generated(key: str, heading: str, level: int) -> ReportSection:
    return ReportSection(key, heading, level, written=False)


REPORT_OUTLINE: tuple[ReportSection, ...] = (
    _written("intro", "", 1, "vad Plattformen är och gör, i ett stycke"),
    _written("uppdrag", "Vårt uppdrag", 1, "föreningens uppdrag enligt stadgarna"),
    _generated("organisation", "Organisation", 1),
    _generated("styrelse", "Styrelse", 2),
    _generated("medlemskap", "Medlemskap", 2),
    _written(
        "organisationsutveckling",
        "Organisationsutveckling",
        2,
        "anställda, kansli och förändringar i organisationen under året",
    ),
    _generated("internationellt", "Internationellt kunskapsutbyte", 1),
    _written(
        "lagesrapport",
        "Civilsamhällets lägesrapport",
        1,
        "medlemmarnas statistik och när lägesrapporten publicerades",
    ),
    _generated("lopande", "Löpande verksamhet (månadsvis)", 1),
    _generated("utsatta", "Plattformens arbete med utsatta", 1),
    _written("nsp", "NSP", 2, "stödprogrammets år: personer, medel, insatser, certifieringar"),
    _written(
        "paverkan", "Plattformens påverkansarbete", 1, "en inledning om vad påverkansarbetet rymmer"
    ),
    _generated("inlagor", "", 2),
    _written("kampanj", "Kampanj", 2, "årets kampanj: syfte, material och spridning"),
    _written(
        "tip",
        "Trafficking in persons report",
        2,
        "årets rapportering till US Department of State",
    ),
    _written("efterfragan", "Efterfråganprojekt", 2, "arbetet mot efterfrågan på sexköp"),
    _written(
        "hemsida", "Plattformens hemsida", 2, "arbetet med hemsidan och den grafiska profilen"
    ),
    _generated("kunskapsutbyte", "Kunskapsutbyte", 2),
    _written(
        "kunskapsoverforing",
        "Kunskapsöverföring",
        2,
        "förfrågningar från studenter, samarbeten och kunskapsspridning",
    ),
)

WRITTEN_SECTIONS: tuple[ReportSection, ...] = tuple(s for s in REPORT_OUTLINE if s.written)
WRITTEN_KEYS: tuple[str, ...] = tuple(s.key for s in WRITTEN_SECTIONS)
_BY_KEY = {s.key: s for s in REPORT_OUTLINE}


def written_section(key: str) -> ReportSection:
    """The written section ``key``, or ValueError with the Swedish message naming the keys."""
    section = _BY_KEY.get(key)
    if section is None or not section.written:
        raise ValueError(f"Okänd textdel: {key!r}; välj en av {', '.join(WRITTEN_KEYS)}.")
    return section
