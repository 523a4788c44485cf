"""BgMax files read by the manual's layout, and broken ones refused with their line."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from secretariat_tui.imports.bgmax import BgmaxError, bgmax_lines, is_bgmax, read_bgmax
from tests.imports.bgmax_files import (
    deposit,
    end,
    file_bytes,
    name,
    opening,
    payment,
    record,
    start,
    two_deposits,
)


def refused(records: list[str]) -> BgmaxError:
    with pytest.raises(BgmaxError) as caught:
        read_bgmax(file_bytes(records))
    return caught.value


def test_two_deposits_with_a_deduction_are_read_field_by_field() -> None:
    found = read_bgmax(file_bytes(two_deposits()))

    first, second = found.deposits
    assert (first.paid_on, first.amount_ore, first.bankgiro) == (
        date(2026, 3, 2),
        180000,
        "9912346",
    )
    assert [p.amount_ore for p in first.payments] == [150000, 30000]
    assert first.payments[0].reference == "2026000106"
    assert first.payments[0].reference_code == "2"
    assert first.payments[1].information == ("Avgift 2026",)
    assert first.payments[1].org_number == "008020016013"
    assert (second.paid_on, second.amount_ore) == (date(2026, 3, 3), 40000)
    kalle, deduction = second.payments
    assert (kalle.address, kalle.postcode, kalle.town) == ("Storgatan 1", "123 45", "Växjö")
    assert kalle.extra_references == ("Extra ref",)
    assert deduction.deduction and deduction.deduction_code == "1"
    assert found.test is False


def test_latin1_names_are_read_as_the_manual_encodes_them() -> None:
    data = file_bytes(two_deposits())
    assert "Föreningen Ånge Älv Öst".encode("latin-1") in data  # one byte per letter

    names = [p.name for d in read_bgmax(data).deposits for p in d.payments]

    assert names[1] == "Föreningen Ånge Älv Öst"
    assert names[2] == "Kalle Åström"


def test_bank_lines_carry_kronor_the_deposit_day_and_a_stable_identity() -> None:
    lines = bgmax_lines(read_bgmax(file_bytes(two_deposits())))

    assert [line.amount for line in lines] == [
        Decimal("1500.00"),
        Decimal("300.00"),
        Decimal("500.00"),
        Decimal("-100.00"),
    ]
    assert lines[0].identity == "bgmax:9912346:2026-03-02:000000000011"
    assert lines[1].org_number == "802001-6013"
    assert lines[1].payer == "Föreningen Ånge Älv Öst"
    assert [line.line for line in lines] == [3, 4, 10, 15]
    again = bgmax_lines(read_bgmax(file_bytes(two_deposits())))
    assert [line.identity for line in again] == [line.identity for line in lines]


def test_lines_with_their_trailing_blanks_trimmed_are_read_as_80_characters() -> None:
    trimmed = [text.rstrip() for text in two_deposits()]

    assert len(read_bgmax(file_bytes(trimmed)).deposits) == 2


def test_a_deposit_whose_amount_is_not_its_payments_sum_is_refused_on_its_line() -> None:
    records = two_deposits()
    records[7] = deposit("20260302", 1, 180001, 2)

    error = refused(records)

    assert error.line == 8
    assert "1800,01 kr" in str(error) and "1800,00 kr" in str(error)


def test_a_deposit_whose_count_is_wrong_is_refused() -> None:
    records = two_deposits()
    records[15] = deposit("20260303", 2, 40000, 3)

    assert refused(records).line == 16


def test_an_end_record_whose_counts_are_wrong_is_refused() -> None:
    records = two_deposits()
    records[-1] = end(3, 0, 1, 2)

    error = refused(records)

    assert error.line == 17
    assert "avdragsposter" in str(error)


def test_a_truncated_file_is_refused() -> None:
    error = refused(two_deposits()[:12])

    assert "slutpost" in str(error)
    assert error.line == 12


def test_a_file_cut_after_a_payment_with_an_end_record_is_refused() -> None:
    records = [start(), opening(), payment(100), end(1, 0, 0, 0)]

    assert refused(records).line == 4


def test_an_unknown_record_type_is_refused_with_its_line() -> None:
    records = two_deposits()
    records.insert(3, record("99", (3, 10, "whatever")))

    error = refused(records)

    assert error.line == 4
    assert "99" in str(error)


def test_letters_where_the_manual_has_digits_are_refused() -> None:
    records = two_deposits()
    records[2] = records[2][:37] + "00000000000015000X" + records[2][55:]

    error = refused(records)

    assert error.line == 3
    assert "38–55" in str(error)


def test_a_record_longer_than_80_characters_is_refused() -> None:
    records = two_deposits()
    records[4] = name("Föreningen") + "X"

    assert refused(records).line == 5


def test_a_file_that_does_not_start_with_the_start_record_is_refused() -> None:
    assert refused(two_deposits()[1:]).line == 1
    assert not is_bgmax(b"Datum;Belopp\n")
    assert is_bgmax(file_bytes(two_deposits()))


def test_a_test_file_says_so() -> None:
    records = two_deposits()
    records[0] = start("T")

    assert read_bgmax(file_bytes(records)).test is True


def test_a_control_character_in_a_text_field_is_refused_with_its_line() -> None:
    records = two_deposits()
    records[4] = name("Föreningen\x85Ånge")

    error = refused(records)

    assert error.line == 5
    assert "styrtecken" in str(error)
