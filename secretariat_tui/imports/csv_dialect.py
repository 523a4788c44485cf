"""Reading a CSV file as Swedish Excel (or anything else) wrote it, or an Excel workbook
(``xlsx_sheet``), and the shapes every such import shares: the rows with their line numbers,
the file's headings as mapped to our columns (``headings``), the per-row errors, the plan.

Nothing is guessed silently: the text is UTF-8 (with or without BOM) or, failing that,
Windows-1252 (what Swedish Excel's "CSV (semikolonavgränsad)" writes), and the preview says
which; a file that is neither is refused with the line and how to save it instead. The
separator is detected from the header line and reported back the same way.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Generic, Protocol, TypeVar

from secretariat_tui.domain.text import text_problem
from secretariat_tui.exports.tabular import TEXT_MARK
from secretariat_tui.imports.headings import Heading, map_headings, unknown_choices
from secretariat_tui.imports.xlsx_sheet import SheetError, is_workbook, read_sheet

T = TypeVar("T")
V = TypeVar("V")

UTF8_BOM = b"\xef\xbb\xbf"
SAVE_AS_HINT = "Spara om filen i Excel som ”CSV UTF-8 (kommaavgränsad) (*.csv)” och försök igen."

DELIMITER_NAMES = {";": "semikolon (;)", ",": "komma (,)", "\t": "tabb"}


class RowFaults(Exception):
    """Every fault of one row: ``{column: Swedish message}``."""

    def __init__(self, faults: dict[str, str]) -> None:
        super().__init__(faults)
        self.faults = faults


class CsvFormatError(ValueError):
    """The file as a whole cannot be read (encoding, empty, columns): one Swedish message.

    ``line`` is the file's line the problem was found on, when there is one; ``headings``
    the file's headings as read, when they are what is wrong (so the TUI can offer to say
    which column is which).
    """

    def __init__(
        self, message: str, line: int | None = None, headings: tuple[Heading, ...] = ()
    ) -> None:
        super().__init__(message)
        self.line = line
        self.headings = headings


class TextEncoding(Enum):
    """How the file's bytes were read; the value is what the preview calls it."""

    UTF8 = "UTF-8"
    UTF8_BOM = "UTF-8 med BOM"
    CP1252 = "Windows-1252 (Excel)"


@dataclass(frozen=True)
class CsvDialect:
    """What was detected, so the preview can say it: ``UTF-8 med BOM, semikolon (;)``."""

    encoding: TextEncoding
    delimiter: str

    def describe(self) -> str:
        return f"{self.encoding.value}, avgränsare {DELIMITER_NAMES[self.delimiter]}"


class Source(Protocol):
    """How the file was read (a CSV dialect, a workbook's sheet), as the preview says it."""

    def describe(self) -> str: ...


@dataclass(frozen=True)
class CsvRow:
    """One record: ``line`` is where it starts in the file (the header is line 1)."""

    line: int
    cells: Mapping[str, str]
    overflow: int = 0

    def value(self, column: str) -> str:
        """The cell, trimmed; an optional column missing from the file reads as empty."""
        return self.cells.get(column, "").strip()


RawRow = tuple[int, Sequence[str]]
"""A row's line (or sheet row) number and its cells as text."""


@dataclass(frozen=True)
class CsvTable:
    dialect: Source
    columns: tuple[str, ...]
    rows: tuple[CsvRow, ...]
    headings: tuple[Heading, ...] = ()
    """The file's headings and the column each is read as, for the preview."""


@dataclass(frozen=True)
class RowError:
    """``column`` is the column's header as in the file's format, or None for the whole row."""

    line: int
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"rad {self.line}, kolumn {self.column}" if self.column else f"rad {self.line}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Planned(Generic[T]):
    """A row to add. ``note`` says why it is worth a look: ``samma namn som rad 2, …``."""

    line: int
    item: T
    note: str = ""


@dataclass(frozen=True)
class Skipped:
    """A row not added: the register already has it (``differs``: with other details)."""

    line: int
    reason: str
    differs: bool = False


@dataclass(frozen=True)
class ImportPlan(Generic[T]):
    """What an import would do; nothing is written until the caller decides to write ``items``."""

    dialect: Source
    new: tuple[Planned[T], ...] = ()
    skipped: tuple[Skipped, ...] = ()
    errors: tuple[RowError, ...] = ()
    headings: tuple[Heading, ...] = ()
    notes: tuple[str, ...] = ()
    """What the import fills in for a column the file does not have (``Typ: …``)."""

    @property
    def items(self) -> list[T]:
        return [planned.item for planned in self.new]

    @property
    def rows(self) -> int:
        """Rows read (blank rows not counted): each is new, skipped or bad."""
        return len(self.new) + len(self.skipped) + len(self.bad_lines)

    @property
    def bad_lines(self) -> list[int]:
        return sorted({error.line for error in self.errors})

    def summary(self) -> str:
        """``3 nya, 27 fanns redan, 0 fel``."""
        new = len(self.new)
        return (
            f"{new} {'ny' if new == 1 else 'nya'}, {len(self.skipped)} fanns redan, "
            f"{len(self.bad_lines)} fel"
        )


@dataclass
class PlanBuilder(Generic[T]):
    """Collects a plan row by row; errors of one line never stop the next line being checked."""

    dialect: Source
    headings: tuple[Heading, ...] = ()
    new: list[Planned[T]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def error(self, line: int, column: str | None, message: str) -> None:
        self.errors.append(RowError(line, column, message))

    def checked(
        self, rows: Iterable[CsvRow], parse: Callable[[CsvRow], V], columns: Sequence[str]
    ) -> Iterator[tuple[CsvRow, V]]:
        """Each row that ``parse`` accepts, with what it made of it.

        A row with cells beyond the header's columns, or one ``parse`` rejects (RowFaults),
        is recorded as errors (the faults in ``columns`` order) and not yielded; both are
        reported for a row that has both.
        """
        for row in rows:
            overflow = overflow_error(row)
            if overflow:
                self.errors.append(overflow)
            unsafe = unsafe_text_errors(row, columns)
            if unsafe:
                self.errors += unsafe
                continue
            try:
                item = parse(row)
            except RowFaults as faults:
                for column in columns:
                    if column in faults.faults:
                        self.error(row.line, column, faults.faults[column])
                for column, message in faults.faults.items():
                    if column not in columns:
                        self.error(row.line, None, message)
                continue
            if not overflow:
                yield row, item

    def build(self) -> ImportPlan[T]:
        return ImportPlan(
            dialect=self.dialect,
            new=tuple(self.new),
            skipped=tuple(self.skipped),
            errors=tuple(self.errors),
            headings=self.headings,
            notes=tuple(self.notes),
        )


def decode(data: bytes) -> tuple[str, TextEncoding]:
    """The text of ``data`` and how it was read; CsvFormatError when it is neither encoding.

    UTF-8 is tried first: a Windows-1252 file with Swedish letters is never valid UTF-8 (å is
    one byte there, a lead byte with no continuation here), while UTF-8 read as Windows-1252
    would turn "ö" into "Ã¶" without complaint. Only when UTF-8 fails is Windows-1252 tried,
    and it must then explain the whole file: the codec refuses the five bytes it leaves
    undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), so no C1 control character can come out of it,
    and a file that also holds UTF-8 letters (or a UTF-8 BOM) is a mix of both, which no
    reading gets right. Latin-1 is not tried apart: for printable text Windows-1252 is the
    same, and it reads Excel's €, ”, – and … where latin-1 has control characters.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CsvFormatError(
            "Filen är sparad som UTF-16 (”Unicode-text”), inte som UTF-8. " + SAVE_AS_HINT, 1
        )
    bom = data.startswith(UTF8_BOM)
    body = data[len(UTF8_BOM) :] if bom else data
    try:
        text = body.decode("utf-8")
        encoding = TextEncoding.UTF8_BOM if bom else TextEncoding.UTF8
    except UnicodeDecodeError as err:
        text, encoding = _cp1252(data, not_utf8=_line_of(body, err.start)), TextEncoding.CP1252
    if "\x00" in text:
        raise CsvFormatError("Filen innehåller binära data och är ingen CSV-fil. " + SAVE_AS_HINT)
    return text, encoding


_UTF8_MARKS = re.compile(rb"\xef\xbb\xbf|\xc3[\x80-\xbf]|\xe2[\x80-\x82][\x80-\xbf]")
"""UTF-8's BOM, its Swedish letters (å ä ö é ü: 0xC3 and one more byte) and Excel's punctuation
(– ” … €: 0xE2 and two more). Read as Windows-1252 each is ``ï»¿``, ``Ã`` or ``â`` followed by
a symbol (``Ã¶``), which Swedish text does not hold, so finding one means the file is mixed."""


def _cp1252(data: bytes, *, not_utf8: int) -> str:
    """The text as Windows-1252, refused when a byte is undefined there or the file mixes in
    UTF-8; ``not_utf8`` is the first line that is not UTF-8, for the message."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as err:
        byte = data[err.start]
        raise CsvFormatError(
            f"Filen är varken UTF-8 eller Windows-1252: rad {_line_of(data, err.start)} har "
            f"en byte (0x{byte:02X}) som ingen av dem har. Filen är troligen sparad i en annan "
            "teckenkodning eller är ingen textfil. " + SAVE_AS_HINT,
            _line_of(data, err.start),
        ) from None
    mixed = _UTF8_MARKS.search(data)
    if mixed:
        utf8 = (
            "filen börjar med UTF-8-märket (BOM)"
            if mixed.group() == UTF8_BOM
            else f"rad {_line_of(data, mixed.start())} är UTF-8"
        )
        raise CsvFormatError(
            f"Filen blandar två teckenkodningar: {utf8}, men rad {not_utf8} är Windows-1252 "
            "(troligen är filen ändrad i två olika program), så å, ä och ö kan inte läsas rätt "
            "på alla rader. Rätta raderna där de ser fel ut och "
            "spara filen i Excel som ”CSV UTF-8 (kommaavgränsad) (*.csv)”.",
            not_utf8,
        )
    return text


def _line_of(data: bytes, offset: int) -> int:
    return data[:offset].count(b"\n") + 1


def detect_delimiter(header_line: str) -> str:
    """The separator the header line uses: the most frequent of ``;``, ``,`` and tab.

    Counting in the header is reliable because no column name contains any of them; a tie
    (or a header of one column) falls back to ``;``, the Swedish Excel separator.
    """
    counts = {d: header_line.count(d) for d in (";", ",", "\t")}
    best = max(counts.values())
    if best == 0:
        return ";"
    return next(d for d in (";", ",", "\t") if counts[d] == best)


def read_table(
    data: bytes,
    *,
    columns: Sequence[str],
    required: Collection[str],
    chosen: Mapping[str, str | None] | None = None,
) -> CsvTable:
    """Read a CSV file or an Excel workbook, map its headings, and return every non-blank row.

    ``columns`` are the format's columns in their order; those in ``required`` must be there.
    The file's headings are matched to them by ``headings.map_headings`` (their own names in
    any order and case, ``chosen``: the user's ``{heading: column or None}``, then synonyms);
    a heading matched to nothing is ignored and named in the preview. Missing required
    columns, and a column named twice, are reported together in one CsvFormatError. A header
    with no rows is a file with nothing to import, not an error.
    """
    if is_workbook(data):
        try:
            sheet = read_sheet(data)
        except SheetError as err:
            raise CsvFormatError(str(err)) from None
        if not sheet.rows:
            raise CsvFormatError(
                f"Bladet ”{sheet.source.sheet}” är tomt: det har ingen rubrikrad och inga rader."
            )
        (header_line, first), *sheet_rows = sheet.rows
        source: Source = sheet.source
        header: Sequence[str] = first
        rows: list[RawRow] = list(sheet_rows)
    else:
        source, header_line, header, rows = _csv_rows(data)
    names = [cell.strip() for cell in header]
    while names and not names[-1]:
        names.pop()  # trailing separators (or empty cells) on the header line
    headings, index = _match_columns(names, columns, required, header_line, chosen or {})
    width = len(names)
    table_rows = []
    for line, cells in rows:
        values = {name: cells[i] if i < len(cells) else "" for name, i in index.items()}
        overflow = sum(1 for cell in cells[width:] if cell.strip())
        table_rows.append(CsvRow(line=line, cells=values, overflow=overflow))
    return CsvTable(dialect=source, columns=tuple(index), rows=tuple(table_rows), headings=headings)


def _csv_rows(data: bytes) -> tuple[CsvDialect, int, Sequence[str], list[RawRow]]:
    """Decode, detect the separator; the header with its line, and the non-blank rows."""
    text, encoding = decode(data)
    if not text.strip():
        raise CsvFormatError("Filen är tom: den har ingen rubrikrad och inga rader.")
    header_offset = 0
    first = text.splitlines()[0].strip()
    if first.lower().startswith("sep=") and len(first) == 5:
        # Excel's own hint line ("sep=;") names the separator; the header is on the next line.
        delimiter = first[4]
        if delimiter not in DELIMITER_NAMES:
            raise CsvFormatError(f"Okänd avgränsare på rad 1: ”{first}”.", 1)
        text = text.split("\n", 1)[1] if "\n" in text else ""
        header_offset = 1
        if not text.strip():
            raise CsvFormatError("Filen har ingen rubrikrad (bara ”sep=”-raden).", 1)
    else:
        delimiter = detect_delimiter(first)
    dialect = CsvDialect(encoding=encoding, delimiter=delimiter)

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[RawRow] = []
    try:
        header = next(reader)
        header_line = header_offset + reader.line_num
        while True:
            start = header_offset + reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                break
            if not any(cell.strip() for cell in cells):
                continue  # blank lines and Excel's rows of bare separators
            rows.append((start, [_unmark(cell) for cell in cells]))
    except csv.Error as err:
        line = header_offset + reader.line_num
        raise CsvFormatError(f"Rad {line} kan inte läsas som CSV: {err}.", line) from None
    return dialect, header_line, header, rows


def _unmark(cell: str) -> str:
    """The cell without one leading ``'``: the mark our export (and Excel) puts before text
    that would otherwise be read as a formula (``'=…``, ``'+46 …``)."""
    return cell[len(TEXT_MARK) :] if cell.startswith(TEXT_MARK) else cell


def unsafe_text_errors(row: CsvRow, columns: Sequence[str]) -> list[RowError]:
    """Cells holding a control character or a bidi override, which no register stores
    (``domain.text``); a note may keep its line breaks."""
    found = []
    for column in columns:
        cell = row.cells.get(column, "")
        problem = text_problem(cell, multiline=column.startswith("Anteckning"))
        if problem:
            found.append(RowError(row.line, column, problem))
    return found


def overflow_error(row: CsvRow) -> RowError | None:
    """A row with filled cells beyond the header's last column: a stray separator, usually."""
    if not row.overflow:
        return None
    return RowError(
        row.line,
        None,
        f"Raden har fler fält än rubrikraden har kolumner ({row.overflow} ifyllda efter "
        "sista kolumnen): ett semikolon eller komma för mycket?",
    )


def _match_columns(
    found: Sequence[str],
    columns: Sequence[str],
    required: Collection[str],
    line: int,
    chosen: Mapping[str, str | None],
) -> tuple[tuple[Heading, ...], dict[str, int]]:
    """The file's headings as mapped, and canonical column name -> its position in the file."""
    unknown = unknown_choices(chosen, found)
    if unknown:
        raise CsvFormatError(
            f"Rubrikraden (rad {line}) har ingen kolumn {_names(unknown)}; den har "
            f"{_names(found)}.",
            line,
        )
    headings = map_headings(found, columns, chosen)
    index: dict[str, int] = {}
    repeated: list[str] = []
    for position, heading in enumerate(headings):
        if heading.column is None:
            continue
        if heading.column in index:
            repeated.append(heading.column)
        else:
            index[heading.column] = position
    missing = [name for name in columns if name in required and name not in index]
    if not (missing or repeated):
        return headings, index
    parts = []
    if missing:
        parts.append(f"kolumner saknas: {_names(missing)}")
    if repeated:
        parts.append(f"kolumner som finns två gånger: {_names(repeated)}")
    mapped = [h.describe() for h in headings if h.column != h.found]
    read = f" Så lästes rubrikerna: {'; '.join(mapped)}." if mapped else ""
    must = ", ".join(name for name in columns if name in required)
    raise CsvFormatError(
        f"Rubrikraden (rad {line}) stämmer inte: {'; '.join(parts)}.{read} Kolumnerna är "
        f"{';'.join(columns)} (de som måste finnas: {must}). Byt namn på rubriken i filen, "
        "eller ange vilken kolumn den är.",
        line,
        headings,
    )


def _names(names: Iterable[str]) -> str:
    return ", ".join(f"”{name}”" for name in names)
