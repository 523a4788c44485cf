"""A bank's CSV export of the account read into bank lines, in two banks' styles."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from secretariat_tui.imports.bank_csv import plan_bank_csv
from secretariat_tui.imports.bank_file import read_bank_file
from secretariat_tui.imports.csv_dialect import CsvFormatError
from tests.imports.bank_csv_files import NORDEA, SWEDBANK


def test_swedbanks_export_is_read_below_its_star_line() -> None:
    plan = plan_bank_csv(SWEDBANK)

    assert plan.errors == ()
    first, rent, eva = plan.items
    assert (first.paid_on, first.amount) == (date(2026, 3, 2), Decimal("1500.00"))
    assert first.reference == "802001-6013"
    assert first.message == "BG AVGIFT ÅNGE"
    assert rent.amount == Decimal("-4000.00")
    assert (eva.line, eva.message) == (5, "Eva Enskild medlemsavgift")
    assert "Windows-1252" in plan.dialect.describe() and "komma" in plan.dialect.describe()
    headings = {h.found: h.column for h in plan.headings}
    assert headings["Bokföringsdag"] == "Datum"
    assert headings["Transaktionsdag"] is None  # the first date heading is the one read
    assert headings["Beskrivning"] == "Text"


def test_nordeas_export_is_read_with_decimal_comma_and_slashed_dates() -> None:
    plan = plan_bank_csv(NORDEA)

    assert plan.errors == ()
    eld, office, unknown = plan.items
    assert (eld.paid_on, eld.amount) == (date(2026, 3, 5), Decimal("1500.00"))
    assert eld.message == "Medlemsavgift 2026 ELDSJÄLARNA"
    assert office.amount == Decimal("-250.50")
    assert "UTF-8 med BOM" in plan.dialect.describe()


def test_identities_are_stable_and_two_equal_rows_stay_two() -> None:
    twice = (
        NORDEA + "2026/03/06;1 500,00;;1234 56 78901;OKÄND AB;Betalning;12 049,50;SEK\r\n".encode()
    )

    first = [line.identity for line in plan_bank_csv(twice).items]
    again = [line.identity for line in plan_bank_csv(twice).items]

    assert first == again
    assert len(set(first)) == 4
    assert first[2].removesuffix(":1") == first[3].removesuffix(":2")


def test_a_bad_amount_or_date_is_an_error_on_its_line() -> None:
    broken = NORDEA.replace(b"2026/03/06;-250,50", b"2026/13/06;tio kr")

    plan = plan_bank_csv(broken)

    assert {(e.line, e.column) for e in plan.errors} == {(3, "Datum"), (3, "Belopp")}
    assert len(plan.items) == 2


def test_headings_no_bank_uses_are_refused_until_the_user_says_which_is_which() -> None:
    data = b"Bokf.dag;Summa i kr;Info\n2026-03-02;1500;Ljus\n"
    with pytest.raises(CsvFormatError) as caught:
        plan_bank_csv(data)
    assert "Datum" in str(caught.value)

    plan = plan_bank_csv(data, chosen={"Bokf.dag": "Datum", "Summa i kr": "Belopp", "Info": "Text"})

    assert [(line.amount, line.message) for line in plan.items] == [(Decimal(1500), "Ljus")]


def test_the_reading_remembered_for_these_headings_is_used_again() -> None:
    data = b"Bokf.dag;Summa i kr\n2026-03-02;1500\n"
    remembered = {"Bokf.dag": "Datum", "Summa i kr": "Belopp"}

    bank = read_bank_file(data, recall=lambda key: remembered)

    assert [line.amount for line in bank.lines] == [Decimal(1500)]
    assert any("förra gången" in note for note in bank.notes)


def test_a_bgmax_file_is_told_from_a_csv_by_its_start_record() -> None:
    from tests.imports.bgmax_files import file_bytes, two_deposits

    assert read_bank_file(file_bytes(two_deposits())).kind.startswith("BgMax")
    assert read_bank_file(NORDEA).kind.startswith("CSV")


def test_a_heading_error_below_swedbanks_star_line_names_the_files_own_line() -> None:
    data = SWEDBANK.replace(b"Belopp,", b"Pengar,")

    with pytest.raises(CsvFormatError) as caught:
        plan_bank_csv(data)

    assert caught.value.line == 2
    assert "* före den" in str(caught.value)
