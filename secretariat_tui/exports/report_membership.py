"""The membership paragraphs of the annual report: the forms, and the year's figures.

Like every paragraph function (see ``report_paragraphs``), these return plain text, one line
per paragraph or numbered item.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from secretariat_tui.domain.fees import MemberYear, PayingFigures, paying_figures
from secretariat_tui.domain.figures import year_figures
from secretariat_tui.domain.members import (
    KIND_FORMS,
    RIGHTS,
    Member,
    MemberKind,
    MembershipForm,
    Rights,
)
from secretariat_tui.exports.members_listing import KIND_PLURAL
from secretariat_tui.exports.report_words import (
    ORGANISATION,
    PROSE_STYLE,
    and_join,
    counted,
    number,
    sentence,
)

ORG = MemberKind.ORGANISATION
PERSON = MemberKind.INDIVIDUAL

# Each right of ``Rights`` and the first part of its Swedish compound ("motions|rätt").
_RIGHT_STEMS = (
    ("motion", "motions"),
    ("speech", "yttrande"),
    ("proposal", "förslags"),
    ("vote", "röst"),
)


def _rights_compound(stems: Sequence[str], conjunction: str) -> str:
    """ "motions-, yttrande-, förslags- och rösträtt": Swedish shares the last part."""
    return and_join([f"{s}-" for s in stems[:-1]] + [f"{stems[-1]}rätt"], conjunction)


def rights_text(rights: Rights) -> str:
    has = [stem for name, stem in _RIGHT_STEMS if getattr(rights, name)]
    lacks = [stem for name, stem in _RIGHT_STEMS if not getattr(rights, name)]
    if rights.observer:
        given = "rätt att delta som observatör"
        given += f" med {_rights_compound(has, 'och')}" if has else ""
    else:
        given = _rights_compound(has, "och") if has else "inga rättigheter"
    text = f"ger {given} vid årsmötet"
    return text + (f", men inte {_rights_compound(lacks, 'eller')}" if lacks and has else "")


def membership_forms_paragraph(year: int) -> str:
    """The forms and what each gives at the annual meeting, from the rules in ``members``."""
    forms = list(MembershipForm)
    lines = [
        f"I {ORGANISATION} {year} förekom {number(len(forms), spelled_to=PROSE_STYLE)} "
        "former av medlemskap:"
    ]
    for index, form in enumerate(forms, 1):
        kinds = and_join([KIND_PLURAL[k] for k in MemberKind if k in form.allowed_kinds])
        lines.append(f"{index}. {form.label} – för {kinds}; {rights_text(RIGHTS[form])}.")
    return "\n".join(lines)


_SPLIT_PHRASES = {
    (ORG, MembershipForm.FULL): (
        "organisation hade fullt medlemskap",
        "organisationer hade fullt medlemskap",
    ),
    (ORG, MembershipForm.NETWORKING): (
        "organisation var nätverkande medlem",
        "organisationer var nätverkande medlemmar",
    ),
    (PERSON, MembershipForm.INDIVIDUAL): ("var enskild medlem", "var enskilda medlemmar"),
    (PERSON, MembershipForm.NETWORKING): (
        "enskild person var nätverkande medlem",
        "enskilda personer var nätverkande medlemmar",
    ),
}


def _paying_sentences(paying: PayingFigures) -> list[str]:
    year, total, orgs = paying.year, paying.total, paying.count(kind=ORG)
    if total == 0:
        return [f"Under {year} hade {ORGANISATION} inga betalande medlemmar."]
    whole = counted(total, "betalande medlem", "betalande medlemmar")
    if orgs == total and total > 1:
        of_which = ", samtliga organisationer"
    else:
        noun = "en organisation" if orgs == 1 else "organisationer"
        of_which = f", varav {number(orgs)} var {noun}"
    parts = []
    for kind_form in KIND_FORMS:
        count = paying.by_kind_and_form[kind_form]
        if count:
            singular, plural = _SPLIT_PHRASES[kind_form]
            parts.append(counted(count, singular, plural))
    split = [sentence(and_join(parts)) + "."] if parts else []
    return [f"Totalt hade {ORGANISATION} {whole} år {year}{of_which}.", *split]


def membership_text(year: int, new: int, ended_year: int, ended: int, paying: PayingFigures) -> str:
    """The figures in the report's sentences: digits, but "inga" and "en" for none and one.

    "Under 2024 fick Plattformen 4 nya medlemmar. Under år 2023 avslutade inga medlemmar sitt
    medlemskap. Totalt hade Plattformen 27 betalande medlemmar år 2024, varav 26 var
    organisationer. 20 organisationer hade fullt medlemskap, 6 organisationer var nätverkande
    medlemmar och en var enskild medlem."
    """
    sentences = [
        f"Under {year} fick {ORGANISATION} {counted(new, 'ny medlem', 'nya medlemmar')}.",
        f"Under år {ended_year} avslutade {counted(ended, 'medlem', 'medlemmar')} sitt medlemskap.",
        *_paying_sentences(paying),
    ]
    return " ".join(sentences)


def membership_paragraph(
    year: int,
    members: Iterable[Member],
    fee_rows: Iterable[MemberYear],
    *,
    ended_year: int | None = None,
) -> str:
    """New members in ``year``, members who ended in ``ended_year``, and the paying members of
    ``year`` by kind and by the form their fee was for (``fee_rows``: the year's fee ledger).

    ``ended_year`` is ``year - 1`` unless given, because that is what the 2024 report says
    ("Under år 2023 avslutade inga medlemmar …"): a membership is given up for the end of a
    year, so the report counts who left before the year began. The sentence names the year it
    counts, so the reader is never misled, and a caller who wants ``year`` itself can say so.
    """
    members = list(members)
    counted_year = year - 1 if ended_year is None else ended_year
    return membership_text(
        year,
        year_figures(members, year).new,
        counted_year,
        year_figures(members, counted_year).ended,
        paying_figures(fee_rows, year),
    )
