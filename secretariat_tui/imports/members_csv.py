"""Members from a CSV file or an Excel workbook (ours, or one kept in Excel) → a checked
plan of new members.

Every row goes through the same rules as the form and the command line
(``parse_member_fields``, ``Member.end``), so a row fails with the message a form would show,
named by its column. A member already in the register (same organisation number, else the
same exact name) is skipped, never changed, so importing a file twice adds nothing. Rows are
counted against the register (``match_stored``): two rows for two "Anna Svensson" without
organisation numbers are two members, so an exported register always reads back whole.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from secretariat_tui.domain.dates import EARLIEST, parse_date
from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.member_fields import FIELD_LABELS, create_member, parse_member_fields
from secretariat_tui.domain.members import FormChange, Member, MemberKind, MembershipForm
from secretariat_tui.exports.csv_files import END_REASON, ENDED, FORM_HISTORY, MEMBER_COLUMNS
from secretariat_tui.imports.csv_dialect import (
    CsvRow,
    CsvTable,
    ImportPlan,
    PlanBuilder,
    Planned,
    RowFaults,
    Skipped,
    read_table,
)
from secretariat_tui.imports.value_words import choice_words, word_key

KIND, FORM, JOINED = FIELD_LABELS["kind"], FIELD_LABELS["form"], FIELD_LABELS["joined"]
REQUIRED = frozenset({FIELD_LABELS["name"], FORM})
"""A file without ``Typ`` gets it from the form, one without ``Medlem sedan`` the import's day
(when the caller gives one): a coordinator's own list rarely has either."""

# Domain field name -> column, for the fields parse_member_fields checks.
FIELD_COLUMNS = {field: label for field, label in FIELD_LABELS.items() if field != "form_from"}
FIELD_COLUMNS["ended"] = ENDED

KIND_WORDS = choice_words(MemberKind)
FORM_WORDS = choice_words(MembershipForm)
KIND_CHOICES = " eller ".join(kind.label for kind in MemberKind)
_FORMS = [form.label for form in MembershipForm]
FORM_CHOICES = ", ".join(_FORMS[:-1]) + f" eller {_FORMS[-1]}"

_HISTORY_ENTRY = re.compile(r"^(\S+)\s+(.+)$")


def plan_members_import(
    data: bytes,
    existing: Sequence[Member],
    *,
    chosen: Mapping[str, str | None] | None = None,
    today: date | None = None,
) -> ImportPlan[Member]:
    """Read ``data`` (CSV or .xlsx) and decide, row by row, what is new, already there, wrong.

    ``chosen`` maps the file's headings to columns where the user said so; ``today`` is the
    day a file without ``Medlem sedan`` gives every member (without it the column is needed).
    Raises CsvFormatError when the file as a whole cannot be read (encoding, empty, columns).
    """
    required = REQUIRED if today is not None else REQUIRED | {JOINED}
    table = read_table(data, columns=MEMBER_COLUMNS, required=required, chosen=chosen)
    return plan_members(table, existing, today=today)


def plan_members(
    table: CsvTable, existing: Sequence[Member], *, today: date | None = None
) -> ImportPlan[Member]:
    plan: PlanBuilder[Member] = PlanBuilder(table.dialect, table.headings)
    filled = {}
    if KIND not in table.columns:
        plan.notes.append(
            f"{KIND} finns inte i filen: {MemberKind.ORGANISATION.label}, utom för "
            f"{MembershipForm.INDIVIDUAL.label.lower()} ({MemberKind.INDIVIDUAL.label})."
        )
    if JOINED not in table.columns and today is not None:
        filled[JOINED] = today.isoformat()
        plan.notes.append(
            f"{JOINED} finns inte i filen: alla får {today.isoformat()} (i dag). Rätta "
            "datumet i registret där det behövs."
        )
    source_rows = [_filled(row, filled, KIND not in table.columns) for row in table.rows]
    rows = list(plan.checked(source_rows, member_from_row, MEMBER_COLUMNS))
    matches = match_stored([member for _, member in rows], existing)
    first_line: dict[tuple[str, str], int] = {}
    for (row, member), stored in zip(rows, matches, strict=True):
        key = member_key(member)
        earlier = first_line.setdefault(key, row.line)
        if stored is not None:
            differs = replace(stored, id=None) != member
            reason = "finns redan i registret" + (
                " (med andra uppgifter; importen ändrar inte befintliga medlemmar)"
                if differs
                else ""
            )
            plan.skipped.append(Skipped(row.line, reason, differs=differs))
        elif earlier != row.line:
            what = "organisationsnummer" if member.org_number else "namn"
            note = f"samma {what} som rad {earlier}, blir en medlem till"
            plan.new.append(Planned(row.line, member, note))
        else:
            plan.new.append(Planned(row.line, member))
    return plan.build()


def _filled(row: CsvRow, filled: Mapping[str, str], kind_from_form: bool) -> CsvRow:
    """The row with the columns the file lacks: ``filled``'s, and the kind from the form."""
    if not filled and not kind_from_form:
        return row
    cells = {**row.cells, **filled}
    if kind_from_form:
        form = FORM_WORDS.get(word_key(row.value(FORM)))
        individual = form is MembershipForm.INDIVIDUAL
        cells[KIND] = (MemberKind.INDIVIDUAL if individual else MemberKind.ORGANISATION).value
    return replace(row, cells=cells)


def member_key(member: Member) -> tuple[str, str]:
    """What names a member in a file: the organisation number, else the exact name."""
    return ("org", member.org_number) if member.org_number else ("name", member.name)


def match_stored(members: Sequence[Member], stored: Sequence[Member]) -> list[Member | None]:
    """For each of ``members`` (a file's rows, in order) the stored member it is, or None.

    Counted, not just looked up: each stored member is matched by at most one row, so a
    register holding two "Anna Svensson" without organisation numbers takes two such rows as
    already there and a third as new. The n-th row with a key gets the n-th stored member with
    it, except that a stored member identical to a row is preferred, and a key match (same
    organisation number; same name, neither numbered) before a match by name where only one
    side has an organisation number (a number added or left out since). Two different
    organisation numbers are never the same member.
    """
    bare = [replace(member, id=None) for member in stored]
    candidates: dict[tuple[str, str], list[int]] = {}
    for index, member in enumerate(stored):
        if member.org_number:
            candidates.setdefault(("org", member.org_number), []).append(index)
        candidates.setdefault(("name", member.name), []).append(index)

    def identical(member: Member, index: int) -> bool:
        return bare[index] == member

    def same_key(member: Member, index: int) -> bool:
        return member_key(stored[index]) == member_key(member)

    def same_name(member: Member, index: int) -> bool:
        other = stored[index]
        return other.name == member.name and not (other.org_number and member.org_number)

    taken = [False] * len(stored)
    found: list[int | None] = [None] * len(members)
    for accepts in (identical, same_key, same_name):
        for position, member in enumerate(members):
            if found[position] is not None:
                continue
            near = candidates.get(("org", member.org_number), []) if member.org_number else []
            for index in (*near, *candidates.get(("name", member.name), [])):
                if not taken[index] and accepts(member, index):
                    taken[index] = True
                    found[position] = index
                    break
    return [None if index is None else stored[index] for index in found]


def member_from_row(row: CsvRow) -> Member:
    """The row as a new Member, or RowFaults naming every faulty column."""
    faults: dict[str, str] = {}
    raw = {field: row.value(column) for field, column in FIELD_COLUMNS.items()}
    kind = KIND_WORDS.get(word_key(raw["kind"]))
    form = FORM_WORDS.get(word_key(raw["form"]))
    if kind is None:
        faults[FIELD_LABELS["kind"]] = _choice_message(raw["kind"], "typ", KIND_CHOICES)
    if form is None:
        faults[FIELD_LABELS["form"]] = _choice_message(raw["form"], "medlemsform", FORM_CHOICES)
    raw["kind"] = kind.value if kind else ""
    raw["form"] = form.value if form else ""
    # A file's dates are ISO, its columns' format: the form's fast entry ("15/1", "idag")
    # would mean a different day depending on when the file is read.
    joined = _optional_date(raw["joined"], FIELD_LABELS["joined"], faults)
    draft = None
    try:
        draft = parse_member_fields(raw, today=joined or EARLIEST)
    except FieldErrors as err:
        for field, message in err.errors.items():
            faults.setdefault(FIELD_COLUMNS.get(field, field), message)

    ended = _optional_date(row.value(ENDED), ENDED, faults)
    reason = row.value(END_REASON)
    if reason and not row.value(ENDED):
        faults[END_REASON] = "En anledning hör till ett slutdatum: fyll i Slutdatum också."
    history = _parse_history(row.value(FORM_HISTORY), faults)

    if faults or draft is None:
        raise RowFaults(faults)
    member = create_member(draft)
    if history:
        problem = _history_problem(history, member)
        if problem:
            raise RowFaults({FORM_HISTORY: problem})
        member = replace(member, forms=history)
    if ended is not None:
        try:
            member = member.end(ended, reason)
        except FieldErrors as err:
            raise RowFaults({ENDED: " ".join(err.errors.values())}) from None
    return member


def _choice_message(text: str, what: str, choices: str) -> str:
    if not text:
        return f"Fyll i {what}: {choices}."
    return f"”{text}” är ingen {what}: skriv {choices}."


def _optional_date(text: str, column: str, faults: dict[str, str]) -> date | None:
    if not text:
        return None
    try:
        return parse_date(text)
    except ValueError as err:
        faults[column] = str(err)
        return None


def _parse_history(text: str, faults: dict[str, str]) -> tuple[FormChange, ...]:
    """``2019-01-21 Nätverkande medlemskap; 2022-04-26 Fullt medlemskap`` → FormChanges."""
    changes = []
    for entry in filter(None, (part.strip() for part in text.split(";"))):
        match = _HISTORY_ENTRY.match(entry)
        form = FORM_WORDS.get(word_key(match.group(2))) if match else None
        if match is None or form is None:
            faults[FORM_HISTORY] = (
                f"”{entry}” går inte att läsa: skriv datum och medlemsform, t.ex. "
                "”2019-01-21 Nätverkande medlemskap; 2022-04-26 Fullt medlemskap”."
            )
            return ()
        try:
            effective = parse_date(match.group(1))
        except ValueError as err:
            faults[FORM_HISTORY] = str(err)
            return ()
        changes.append(FormChange(effective, form))
    return tuple(changes)


def _history_problem(history: tuple[FormChange, ...], member: Member) -> str | None:
    """Why the history cannot be this member's, or None: it must fit the other columns."""
    if history[0].effective != member.joined:
        return (
            f"Formhistoriken börjar {history[0].effective.isoformat()} men medlemmen gick med "
            f"{member.joined.isoformat()} (Medlem sedan): första formen gäller från inträdet."
        )
    if any(b.effective <= a.effective for a, b in zip(history, history[1:], strict=False)):
        return "Formbytena måste stå i datumordning, ett per dag."
    if history[-1].form is not member.form:
        return (
            f"Sista formen i historiken ({history[-1].form.label}) är inte den i "
            f"Medlemsform ({member.form.label})."
        )
    for change in history:
        if member.kind not in change.form.allowed_kinds:
            return (
                f"{change.form.label} (från {change.effective.isoformat()}) går inte för "
                f"typen {member.kind.label}."
            )
    return None
