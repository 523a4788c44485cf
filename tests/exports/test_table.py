"""One table value, rendered for the terminal, a script, Excel and a Markdown document."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from secretariat_tui.domain.activities import Category
from secretariat_tui.exports.table import FORMATS, Table

AMOUNTS = Table(
    ("Namn", "Kategori", "Dag", "Antal", "Belopp"),
    [
        ("Föreningen A", Category.PLATFORM_MEETING, date(2024, 5, 2), 7, Decimal("1500.50")),
        ("B", Category.BOARD, date(2024, 12, 31), 12, Decimal(300)),
    ],
    right=(3, 4),
)


def test_each_cell_kind_is_written_for_its_reader() -> None:
    """People read kronor and labels; Excel gets a number it reads; scripts a stable value."""
    assert AMOUNTS.render("table") == (
        "Namn          Kategori        Dag         Antal       Belopp\n"
        "Föreningen A  Plattformsmöte  2024-05-02      7  1 500,50 kr\n"
        "B             Styrelse        2024-12-31     12       300 kr\n"
    )
    assert AMOUNTS.render("csv") == (
        "Namn;Kategori;Dag;Antal;Belopp\n"
        "Föreningen A;plattformsmöte;2024-05-02;7;1500,50\n"
        "B;styrelse;2024-12-31;12;300\n"
    )
    assert json.loads(AMOUNTS.render("json"))[0] == {
        "Namn": "Föreningen A",
        "Kategori": "plattformsmöte",
        "Dag": "2024-05-02",
        "Antal": 7,
        "Belopp": "1500.50",
    }


def test_markdown_is_a_table_with_its_right_aligned_columns_and_escaped_cells() -> None:
    table = Table(("Namn", "Belopp"), [("A | B\nC", Decimal(5)), ("", Decimal(10))], right=(1,))
    assert table.render("md") == (
        "| Namn | Belopp |\n| --- | ---: |\n| A \\| B<br>C | 5 kr |\n|   | 10 kr |\n"
    )


def test_wide_columns_go_to_files_and_scripts_but_not_to_people() -> None:
    table = Table(
        ("Id", "Plats", "Belopp"), [("1", "Stockholm", Decimal(5))], right=(2,), wide=(1,)
    )
    assert table.render("table") == "Id  Belopp\n1     5 kr\n"
    assert "Plats" not in table.render("md")
    assert table.render("csv") == "Id;Plats;Belopp\n1;Stockholm;5\n"
    assert json.loads(table.render("json")) == [{"Id": "1", "Plats": "Stockholm", "Belopp": "5"}]


def test_without_rows_people_read_the_empty_line_and_scripts_get_nothing() -> None:
    table = Table(("Id", "Namn"), [], empty="Inga medlemmar.", summary="Summa: 0 kr.")
    assert table.render("table") == "Inga medlemmar.\n"
    assert table.render("md") == "Inga medlemmar.\n"
    assert table.render("csv") == "Id;Namn\n"
    assert table.render("json") == "[]\n"


def test_the_summary_stands_under_the_rows_for_people_only() -> None:
    table = Table(("Id",), [("1",)], summary="1 betalning.")
    assert table.render("table") == "Id\n1\n\n1 betalning.\n"
    assert table.render("md").endswith("| 1 |\n\n1 betalning.\n")
    assert "betalning" not in table.render("csv") + table.render("json")


def test_the_json_is_the_records_when_scripts_get_more_than_the_rows() -> None:
    table = Table(("Id",), [("1",)], records=[{"id": 1, "contact": {"email": "a@b.se"}}])
    assert json.loads(table.render("json")) == [{"id": 1, "contact": {"email": "a@b.se"}}]


def test_csv_goes_through_the_one_guarded_writer_in_both_flavours() -> None:
    """Standard out for scripts (LF, no BOM); a file for Swedish Excel (BOM, CRLF)."""
    table = Table(("Namn", "Belopp"), [("=1+1", Decimal("1500.5"))])
    assert table.render("csv") == "Namn;Belopp\n'=1+1;1500,50\n"
    assert table.file_bytes("csv") == "\ufeffNamn;Belopp\r\n'=1+1;1500,50\r\n".encode()
    assert table.file_bytes("md") == table.render("md").encode("utf-8")


def test_a_control_character_is_shown_before_the_columns_are_measured() -> None:
    table = Table(("Namn", "Id"), [("a\x1bb", "1"), ("abcdef", "2")])
    assert table.render("table") == "Namn    Id\na\\x1bb  1\nabcdef  2\n"


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_ends_with_one_newline(fmt: str) -> None:
    for table in (AMOUNTS, Table(("Id",), [], empty="Inget.")):
        text = table.render(fmt)
        assert text.endswith("\n") and not text.endswith("\n\n")


def test_a_row_of_the_wrong_length_or_an_unknown_format_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="2 cells"):
        Table(("a", "b"), [("1",)])
    with pytest.raises(ValueError, match="xlsx"):
        AMOUNTS.render("xlsx")
