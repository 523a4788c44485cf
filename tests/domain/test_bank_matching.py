"""Bank lines matched to members' fees: OCR, organisation number, name, amount, in that order."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from secretariat_tui.domain.bank_lines import BankLine, Expected
from secretariat_tui.domain.bank_matching import Verdict, match_lines
from secretariat_tui.domain.fees import FeeSchedule, MemberYear, Payment, fee_year
from tests.factories import FULL, INDIVIDUAL, PERSON, make_member

YEAR = 2026
LJUS = make_member("Föreningen Ljus", org_number="802001-6013", id=1)
ELD = make_member("Eldsjälarna", id=2)
EVA = make_member("Eva Enskild", kind=PERSON, id=3)
SCHEDULE = FeeSchedule(YEAR, {FULL: Decimal(1500), INDIVIDUAL: Decimal(300)})


def rows(*payments: Payment) -> list[MemberYear]:
    return fee_year([LJUS, ELD, EVA], YEAR, SCHEDULE, [], payments)


def line(
    amount: str,
    *,
    n: int = 1,
    reference: str = "",
    message: str = "",
    payer: str = "",
    org_number: str = "",
) -> BankLine:
    return BankLine(
        f"id-{n}", n, date(YEAR, 3, 2), Decimal(amount), reference, message, payer, org_number
    )


INVOICE = Expected("2026 0001 06", member_id=2, fee_year=YEAR, amount=Decimal(1500), number="1")


def test_an_ocr_number_of_an_invoice_is_matched_exactly() -> None:
    (found,) = match_lines([line("1500", reference="2026000106")], rows(), YEAR, expected=[INVOICE])

    assert found.verdict is Verdict.MATCHED
    assert found.member is not None and found.member.member.name == "Eldsjälarna"
    assert "OCR 2026000106" in found.why and "faktura 1" in found.why
    payment = found.payment()
    assert (payment.member_id, payment.fee_year, payment.amount) == (2, YEAR, Decimal(1500))
    assert payment.reference == "2026000106"


def test_an_ocr_number_wins_over_a_name_in_the_message() -> None:
    lines = [line("1500", reference="2026000106", message="Föreningen Ljus")]

    (found,) = match_lines(lines, rows(), YEAR, expected=[INVOICE])

    assert found.member is not None and found.member.member.id == 2


def test_an_organisation_number_in_the_message_is_probable() -> None:
    (found,) = match_lines([line("1500", message="avgift 8020016013")], rows(), YEAR)

    assert found.verdict is Verdict.PROBABLE
    assert found.member is not None and found.member.member.id == 1
    assert "802001-6013" in found.why


def test_the_banks_organisation_number_of_the_payer_is_probable() -> None:
    (found,) = match_lines([line("1500", org_number="802001-6013")], rows(), YEAR)

    assert found.verdict is Verdict.PROBABLE and found.member is not None
    assert found.member.member.id == 1


def test_a_name_in_the_payers_name_is_probable_in_any_case() -> None:
    (found,) = match_lines([line("1000", payer="ELDSJÄLARNA IDEELL FÖRENING")], rows(), YEAR)

    assert found.verdict is Verdict.PROBABLE
    assert found.member is not None and found.member.member.name == "Eldsjälarna"
    assert "namnet" in found.why


def test_an_amount_only_one_member_owes_is_probable() -> None:
    (found,) = match_lines([line("300", message="medlemsavgift")], rows(), YEAR)

    assert found.verdict is Verdict.PROBABLE
    assert found.member is not None and found.member.member.id == 3
    assert "beloppet" in found.why


def test_an_amount_two_members_owe_matches_nobody() -> None:
    (found,) = match_lines([line("1500", message="avgift")], rows(), YEAR)

    assert found.verdict is Verdict.UNMATCHED
    assert found.member is None


def test_an_overpayment_is_listed_with_its_member_not_matched() -> None:
    (found,) = match_lines([line("2000", reference="2026000106")], rows(), YEAR, expected=[INVOICE])

    assert found.verdict is Verdict.UNMATCHED
    assert found.member is not None and found.member.member.id == 2
    assert "överbetalning" in found.why and "500 kr för mycket" in found.why


def test_a_payment_for_a_member_with_nothing_due_is_listed_not_matched() -> None:
    paid = Payment(2, YEAR, Decimal(1500), date(YEAR, 1, 5))

    (found,) = match_lines(
        [line("1500", reference="2026000106")], rows(paid), YEAR, expected=[INVOICE]
    )

    assert found.verdict is Verdict.UNMATCHED
    assert "inget kvar att betala" in found.why


def test_the_second_payment_of_one_fee_in_a_file_is_not_taken_as_paying_it_again() -> None:
    lines = [line("1500", n=1, reference="2026000106"), line("1500", n=2, reference="2026000106")]

    first, second = match_lines(lines, rows(), YEAR, expected=[INVOICE])

    assert first.verdict is Verdict.MATCHED
    assert second.verdict is Verdict.UNMATCHED


def test_a_part_payment_by_ocr_is_matched() -> None:
    (found,) = match_lines([line("500", reference="2026000106")], rows(), YEAR, expected=[INVOICE])

    assert found.verdict is Verdict.MATCHED


def test_lines_already_imported_and_money_going_out_are_set_apart() -> None:
    lines = [line("1500", n=1, reference="2026000106"), line("-100", n=2)]

    already, outgoing = match_lines(lines, rows(), YEAR, expected=[INVOICE], imported={"id-1"})

    assert already.verdict is Verdict.ALREADY
    assert outgoing.verdict is Verdict.OUTGOING


def test_a_line_nothing_points_at_is_unmatched() -> None:
    (found,) = match_lines([line("123", message="Hyra")], rows(), YEAR)

    assert found.verdict is Verdict.UNMATCHED and found.member is None


def test_the_ocr_of_a_credited_invoice_is_only_probable() -> None:
    credited = Expected(
        "2026000106", member_id=2, fee_year=YEAR, amount=Decimal(1500), number="1", credited=True
    )

    (found,) = match_lines(
        [line("1500", reference="2026000106")], rows(), YEAR, expected=[credited]
    )

    assert found.verdict is Verdict.PROBABLE
    assert "krediterad" in found.why
