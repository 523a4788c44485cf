"""`secretariat fees unpaid --format bcc`: the unpaid members' addresses on one line for Bcc."""

from __future__ import annotations

from pathlib import Path

from tests.cli.helpers import add_org, run
from tests.cli.test_fees_cli import pay, register


def bcc(db_path: Path) -> tuple[str, str]:
    result = run(db_path, "fees", "unpaid", "--year", "2024", "--format", "bcc")
    assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
    return result.stdout, result.stderr


def test_bcc_prints_the_addresses_alone_and_names_who_has_none_on_stderr(db_path: Path) -> None:
    register(db_path)  # 2 owes with karin@delvis.se, 3 owes without an address
    add_org(db_path, "Samma kontakt", email="KARIN@delvis.se", joined="2019-01-01")
    add_org(db_path, "Västra", email="vastra@exempel.se", joined="2019-01-01")

    out, err = bcc(db_path)

    assert out == "karin@delvis.se; vastra@exempel.se\n"
    assert err == "utan e-post: Östra nätverket\n"


def test_bcc_when_nobody_owes_prints_nothing_and_says_so(db_path: Path) -> None:
    register(db_path)
    pay(db_path, "2", "500")
    pay(db_path, "3", "500")

    assert bcc(db_path) == ("", "Inga obetalda medlemsavgifter för 2024.\n")
