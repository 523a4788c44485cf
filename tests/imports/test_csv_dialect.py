"""Reading CSV bytes: UTF-8 first, then Windows-1252 only when it explains the whole file, and
the preview says which; the separator is detected from the header and reported, and every row
keeps the line it starts on in the file."""

from __future__ import annotations

import pytest

from secretariat_tui.imports.csv_dialect import (
    CsvDialect,
    CsvFormatError,
    CsvRow,
    CsvTable,
    PlanBuilder,
    RowError,
    RowFaults,
    TextEncoding,
    decode,
    detect_delimiter,
    overflow_error,
    read_table,
)

COLUMNS = ("Namn", "Typ", "Belopp")
REQUIRED = {"Namn", "Typ"}


def table(text: str, *, bom: bool = False) -> CsvTable:
    data = ("\ufeff" if bom else "") + text
    return read_table(data.encode("utf-8"), columns=COLUMNS, required=REQUIRED)


def test_utf8_with_bom_is_read_and_the_bom_is_reported() -> None:
    text, encoding = decode("\ufeffNamn;Typ\r\nÅsa;Ö\r\n".encode())
    assert (text, encoding) == ("Namn;Typ\r\nÅsa;Ö\r\n", TextEncoding.UTF8_BOM)


def test_utf8_without_bom_is_read_too() -> None:
    assert decode("Namn;Typ\nÅsa;Ö\n".encode()) == ("Namn;Typ\nÅsa;Ö\n", TextEncoding.UTF8)


def test_utf8_is_never_read_as_windows_1252_even_when_both_would_decode() -> None:
    """Every UTF-8 file also decodes as Windows-1252 (to ``Ã¶``): UTF-8 must win."""
    data = "Namn;Typ\nÖrebro;Å\n".encode()
    data.decode("cp1252")  # would not fail: only the order of the tries keeps the letters
    assert decode(data) == ("Namn;Typ\nÖrebro;Å\n", TextEncoding.UTF8)


def test_windows_1252_is_read_when_the_file_is_not_utf8_and_every_letter_decodes() -> None:
    text = "Namn;Typ\r\nÖrebro förening;Å é € ” – …\r\n"
    assert decode(text.encode("cp1252")) == (text, TextEncoding.CP1252)


def test_latin1_text_reads_as_windows_1252_which_is_the_same_for_printable_text() -> None:
    text = "Namn;Typ\nÖrebro förening;B\n"
    assert decode(text.encode("latin-1")) == (text, TextEncoding.CP1252)


@pytest.mark.parametrize("undefined", [0x81, 0x8D, 0x8F, 0x90, 0x9D])
def test_a_byte_windows_1252_leaves_undefined_is_refused_naming_line_and_byte(
    undefined: int,
) -> None:
    data = "Namn;Typ\nAnna;Å\n".encode("cp1252") + b"Ber" + bytes([undefined]) + b"t;B\n"
    with pytest.raises(CsvFormatError) as caught:
        decode(data)
    assert caught.value.line == 3
    message = str(caught.value)
    assert f"varken UTF-8 eller Windows-1252: rad 3 har en byte (0x{undefined:02X})" in message
    assert "CSV UTF-8" in message, "the message says what to do"


def test_no_c1_control_character_can_come_out_of_a_windows_1252_file() -> None:
    """0x80-0x9F are Excel's € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ or refused,
    never the C1 controls latin-1 would make of them."""
    for byte in range(0x80, 0xA0):
        try:
            text, encoding = decode(b"Namn\n" + bytes([byte]) + b"\n")
        except CsvFormatError:
            assert byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
            continue
        assert encoding is TextEncoding.CP1252
        assert not any("\x80" <= char <= "\x9f" for char in text), hex(byte)


def test_windows_1252_bytes_after_a_utf8_bom_are_refused_as_a_mix() -> None:
    data = b"\xef\xbb\xbfNamn;Typ\n" + "Gävle;Ö\n".encode("cp1252")
    with pytest.raises(CsvFormatError) as caught:
        decode(data)
    assert caught.value.line == 2
    assert "blandar två teckenkodningar: filen börjar med UTF-8-märket (BOM), men rad 2" in str(
        caught.value
    )


def test_a_utf8_file_with_one_windows_1252_line_is_refused_naming_both_lines() -> None:
    """Read as Windows-1252 the UTF-8 lines would import as ``FÃ¶reningen``: refused instead."""
    data = "Namn;Typ\nFöreningen;A\nAnna;B\n".encode() + "Gävle;C\n".encode("cp1252")
    with pytest.raises(CsvFormatError) as caught:
        decode(data)
    assert caught.value.line == 4
    message = str(caught.value)
    assert "rad 2 är UTF-8, men rad 4 är Windows-1252" in message
    assert "CSV UTF-8" in message


def test_a_control_character_in_a_windows_1252_file_is_a_row_error_as_in_utf8() -> None:
    read = read_table(
        "Namn;Typ\r\nÅsa\x1b[2J;Organisation\r\n".encode("cp1252"),
        columns=COLUMNS,
        required=REQUIRED,
    )
    plan: PlanBuilder[str] = PlanBuilder(read.dialect)
    assert list(plan.checked(read.rows, lambda row: row.value("Namn"), COLUMNS)) == []
    assert [(e.line, e.column) for e in plan.errors] == [(2, "Namn")]


def test_utf16_and_broken_workbooks_are_named_for_what_they_are() -> None:
    with pytest.raises(CsvFormatError, match="UTF-16"):
        decode("Namn;Typ\n".encode("utf-16"))
    with pytest.raises(CsvFormatError, match="kan inte läsas som Excel-arbetsbok"):
        read_table(b"PK\x03\x04rest-of-a-zip", columns=COLUMNS, required=REQUIRED)


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"  \r\n\r\n"])
def test_an_empty_file_is_a_clear_error(data: bytes) -> None:
    with pytest.raises(CsvFormatError, match="Filen är tom"):
        read_table(data, columns=COLUMNS, required=REQUIRED)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Namn;Typ;Belopp", ";"),
        ("Namn,Typ,Belopp", ","),
        ("Namn\tTyp\tBelopp", "\t"),
        ("Namn", ";"),
    ],
)
def test_the_separator_is_the_one_the_header_uses(header: str, expected: str) -> None:
    assert detect_delimiter(header) == expected


def test_semicolon_file_with_decimal_commas_splits_on_semicolons_only() -> None:
    read = table("Namn;Typ;Belopp\r\nRoks;Organisation;1500,50\r\n", bom=True)
    assert read.dialect == CsvDialect(TextEncoding.UTF8_BOM, delimiter=";")
    assert read.dialect.describe() == "UTF-8 med BOM, avgränsare semikolon (;)"
    [row] = read.rows
    assert row.cells == {"Namn": "Roks", "Typ": "Organisation", "Belopp": "1500,50"}


def test_a_windows_1252_file_says_so_in_its_description() -> None:
    data = "Namn;Typ;Belopp\r\nFöreningen Ängen;Å;1 500 €\r\n".encode("cp1252")
    read = read_table(data, columns=COLUMNS, required=REQUIRED)
    assert read.dialect.describe() == "Windows-1252 (Excel), avgränsare semikolon (;)"
    assert read.rows[0].cells == {"Namn": "Föreningen Ängen", "Typ": "Å", "Belopp": "1 500 €"}


def test_comma_file_with_quoted_decimal_comma_is_read_as_comma_separated() -> None:
    read = table('Namn,Typ,Belopp\nRoks,Organisation,"1500,50"\n')
    assert read.dialect == CsvDialect(TextEncoding.UTF8, delimiter=",")
    assert read.dialect.describe() == "UTF-8, avgränsare komma (,)"
    assert read.rows[0].value("Belopp") == "1500,50"


def test_excels_sep_line_sets_the_separator_and_moves_the_header_to_line_2() -> None:
    read = table("sep=,\nNamn,Typ\nRoks,Organisation\n")
    assert read.dialect.delimiter == ","
    assert [(r.line, r.value("Namn")) for r in read.rows] == [(3, "Roks")]


def test_line_numbers_are_the_files_lines_across_blank_rows_and_multiline_cells() -> None:
    text = 'Namn;Typ\n\nA;"två\nrader"\n;;\nB;x\n'
    read = table(text)
    # header 1, blank 2, A on 3-4, bare separators on 5 (skipped), B on 6
    assert [(r.line, r.value("Namn")) for r in read.rows] == [(3, "A"), (6, "B")]
    assert read.rows[0].value("Typ") == "två\nrader"


def test_columns_match_in_any_order_and_case_and_optional_ones_may_be_missing() -> None:
    read = table(" typ ;NAMN\nOrganisation;Roks\n")
    assert read.columns == ("Typ", "Namn")
    assert read.rows[0].cells == {"Typ": "Organisation", "Namn": "Roks"}
    assert read.rows[0].value("Belopp") == ""


def test_missing_columns_are_one_error_that_also_says_how_the_headings_were_read() -> None:
    with pytest.raises(CsvFormatError) as caught:
        table("Namn;Färg;Storlek\nRoks;röd;L\n")
    message = str(caught.value)
    assert caught.value.line == 1
    assert "kolumner saknas: ”Typ”" in message
    assert "Färg → ignoreras; Storlek → ignoreras" in message
    assert "Namn;Typ;Belopp" in message


def test_unknown_columns_are_ignored_and_the_table_says_so() -> None:
    read = table("Namn;Färg;Typ\nRoks;röd;B\n")
    assert read.rows[0].cells == {"Namn": "Roks", "Typ": "B"}
    assert [h.describe() for h in read.headings] == ["Namn → Namn", "Färg → ignoreras", "Typ → Typ"]


def test_a_column_given_twice_is_an_error() -> None:
    with pytest.raises(CsvFormatError, match="två gånger: ”Namn”"):
        table("Namn;Typ;namn\nA;B;C\n")


def test_a_trailing_separator_on_the_header_is_not_an_unknown_column() -> None:
    read = table("Namn;Typ;\nA;B;\nC;D;lost?\n")
    assert read.rows[0].overflow == 0
    assert read.rows[1].overflow == 1, "a filled cell under no header is never dropped silently"


def test_a_header_without_rows_is_an_empty_import_not_an_error() -> None:
    assert table("Namn;Typ\r\n").rows == ()


def test_filled_cells_beyond_the_header_are_a_row_error() -> None:
    read = table("Namn;Typ\nA;B;extra;;\nC;D\n")
    first, second = read.rows
    error = overflow_error(first)
    assert isinstance(error, RowError)
    assert error.line == 2 and error.column is None
    assert str(error).startswith("rad 2: Raden har fler fält")
    assert overflow_error(second) is None


def test_row_errors_print_as_line_column_and_reason() -> None:
    error = RowError(4, "Belopp", "Beloppet kan inte vara negativt: ”-5”.")
    assert str(error) == "rad 4, kolumn Belopp: Beloppet kan inte vara negativt: ”-5”."


def test_one_leading_apostrophe_is_taken_off_every_cell_and_only_one() -> None:
    [row] = table("Namn;Typ;Belopp\r\n'=Roks;''citat;'\r\n").rows
    assert row.cells == {"Namn": "=Roks", "Typ": "'citat", "Belopp": ""}


def test_checked_rows_record_overflow_and_every_fault_and_yield_only_good_rows() -> None:
    read = table("Namn;Typ\r\nA;x\r\nB;y;extra\r\nC;z\r\n")

    def parse(row: CsvRow) -> str:
        if row.value("Namn") == "C":
            raise RowFaults({"Typ": "fel typ", "Namn": "fel namn", "annat": "utan kolumn"})
        return row.value("Namn")

    plan: PlanBuilder[str] = PlanBuilder(read.dialect)
    good = [(row.line, item) for row, item in plan.checked(read.rows, parse, COLUMNS)]
    assert good == [(2, "A")]
    overflow = overflow_error(read.rows[1])
    assert overflow is not None
    assert [(e.line, e.column, e.message) for e in plan.errors] == [
        (3, None, overflow.message),
        (4, "Namn", "fel namn"),
        (4, "Typ", "fel typ"),
        (4, None, "utan kolumn"),
    ]
