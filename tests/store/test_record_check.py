"""Every record is checked when the file opens: one bad field is one clear refusal, not a crash.

The defects are the ones a hand-edited or damaged file really has (issue 12): a date that is not
in the calendar, a name that is a number, an amount that is not one, an unknown category or
role, a list stored as a string, a reference to a record that is not there.
"""

from __future__ import annotations

import copy
import json
import math
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from secretariat_tui.store import backups
from secretariat_tui.store.database import open_database
from secretariat_tui.store.errors import DatabaseUnreadable
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.store.record_check import (
    Kind,
    ListOf,
    MapOf,
    Record,
    Ref,
    RefList,
    check_records,
)
from secretariat_tui.store.record_schema import SCHEMAS
from secretariat_tui.store.storage import RecordRefused
from tests.factories import make_member

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo.json"


def demo() -> dict[str, Any]:
    return json.loads(DEMO.read_bytes())


def first_id(document: dict[str, Any], table: str) -> str:
    return next(iter(document[table]))


# (table, field, bad value, what the message says was found)
FIELD_DEFECTS = [
    ("members", "joined", "2024-13-45", "”2024-13-45”"),
    ("members", "joined", "2024-02-30", "”2024-02-30”"),
    ("members", "name", 42, "ett heltal"),
    ("members", "name", None, "inget värde (null)"),
    ("members", "kind", "company", "”company”"),
    ("members", "forms", "full", "text"),
    ("members", "forms", [], "en lista"),
    ("members", "forms", [{"from": "2024-01-01", "form": "gold"}], "en lista"),
    ("members", "contact", {"email": 5}, "ett objekt"),
    ("members", "contact", "ingen", "text"),
    ("members", "ended", "igår", "”igår”"),
    ("payments", "amount", "abc", "”abc”"),
    ("payments", "amount", "NaN", "”NaN”"),
    ("payments", "amount", "Infinity", "”Infinity”"),
    ("payments", "amount", "-5.00", "”-5.00”"),
    ("payments", "amount", "0", "”0”"),
    ("payments", "amount", 1500.0, "ett decimaltal"),
    ("payments", "member_id", 999, "”999”"),
    ("payments", "member_id", "1", "”1”"),
    ("payments", "member_id", True, "sant/falskt"),
    ("payments", "fee_year", "2024", "”2024”"),
    ("payments", "fee_year", 24, "”24”"),
    ("payments", "paid_on", 20240301, "”20240301”"),
    ("activities", "category", "fika", "”fika”"),
    ("activities", "when", "2024-13", "”2024-13”"),
    ("activities", "when", "2024-02-30", "”2024-02-30”"),
    ("activities", "starts_at", "25:00", "”25:00”"),
    ("activities", "starts_at", "9.30", "”9.30”"),
    ("activities", "in_report", "ja", "”ja”"),
    ("activities", "network_id", 99, "”99”"),
    ("activities", "title", ["a", "b"], "en lista"),
    ("board_seats", "role", "kung", "”kung”"),
    ("board_seats", "elected_at", 99, "”99”"),
    ("board_seats", "term_years", 9, "”9”"),
    ("board_seats", "organisation_id", 999, "”999”"),
    ("submissions", "co_signers", "1,2", "text"),
    ("submissions", "co_signers", [999], "en lista"),
    ("submissions", "status", "klar", "”klar”"),
    ("fee_schedules", "amounts", {"gold": "100.00"}, "ett objekt"),
    ("fee_schedules", "amounts", {"full": "mycket"}, "ett objekt"),
    ("fee_overrides", "amount", "0", "”0”"),
    ("meeting_attendance", "present", "ja", "”ja”"),
    ("annual_meetings", "held_on", None, "inget värde (null)"),
    ("networks", "since", "förra året", "”förra året”"),
]


@pytest.mark.parametrize(("table", "field", "value", "found"), FIELD_DEFECTS)
def test_a_bad_field_is_named_with_its_table_record_and_what_was_expected(
    table: str, field: str, value: Any, found: str
) -> None:
    document = demo()
    record = first_id(document, table)
    document[table][record][field] = value

    bad = check_records(document, SCHEMAS)

    assert bad is not None
    assert (bad.table, bad.record, bad.field, bad.found) == (table, record, field, found)
    assert "väntat" in bad.describe()


def test_a_missing_required_field_and_a_left_out_optional_one() -> None:
    document = demo()
    record = first_id(document, "activities")
    del document["activities"][record]["notes"]  # older records may lack optional fields
    assert check_records(document, SCHEMAS) is None

    del document["activities"][record]["title"]
    bad = check_records(document, SCHEMAS)
    assert bad is not None
    assert (bad.field, bad.found) == ("title", "fältet saknas")


@pytest.mark.parametrize(
    ("damage", "found"),
    [
        (lambda d: d.__setitem__("payments", []), "en lista"),
        (lambda d: d["payments"].__setitem__("x1", {}), "text"),
        (lambda d: d["payments"].__setitem__("9999", "1500"), "text"),
    ],
    ids=["table-is-a-list", "id-is-not-a-number", "record-is-not-an-object"],
)
def test_a_table_that_is_not_tinydb_shaped_is_named(damage: Any, found: str) -> None:
    document = demo()
    damage(document)
    bad = check_records(document, SCHEMAS)
    assert bad is not None and bad.table == "payments" and bad.found == found


def test_the_message_never_holds_personal_data() -> None:
    """A name, an e-mail or a phone number in a bad field is described, never shown."""
    document = demo()
    member = document["members"][first_id(document, "members")]
    member["contact"]["email"] = ["anna.andersson@example.se"]
    member["name"] = {"name": "Anna Andersson"}

    message = check_records(document, SCHEMAS).describe()  # type: ignore[union-attr]

    assert "Anna" not in message and "example.se" not in message
    assert message.startswith("medlem 1 (tabellen members), fältet name: ett objekt, väntat text")


def test_the_demo_and_an_unknown_extra_table_pass() -> None:
    document = demo()
    document["later_feature"] = {"1": {"anything": [1, 2]}}
    assert check_records(document, SCHEMAS) is None


def test_a_first_record_is_reported_not_a_later_one() -> None:
    document = demo()
    ids = list(document["payments"])
    for record in ids[3:5]:
        document["payments"][record]["amount"] = "x"
    assert check_records(document, SCHEMAS).record == ids[3]  # type: ignore[union-attr]


# --- the fast column check and the record-by-record check agree --------------------------------


def kinds() -> list[tuple[str, Kind]]:
    """Every kind the schema uses, nested ones too, with ids to refer to."""
    found: list[tuple[str, Kind]] = []

    def walk(name: str, kind: Kind) -> None:
        if isinstance(kind, Ref | RefList):
            kind = type(kind)(table=kind.table, ids=frozenset({1, 2, 3}))
        found.append((name, kind))
        if isinstance(kind, Record):
            for column in kind.columns:
                walk(f"{name}.{column.name}", column.kind)
        if isinstance(kind, ListOf | MapOf):
            walk(f"{name}[]", kind.item)

    for schema in SCHEMAS:
        for column in schema.columns:
            walk(f"{schema.name}.{column.name}", column.kind)
            walk(f"{schema.name}.{column.name}?", column.kind.nullable())
    return found


KINDS = kinds()

plausible = st.sampled_from(
    [
        "2024-04-18",
        "2024-05",
        "2024-13",
        "2024-02-30",
        "18:00",
        "9.30",
        "25:00",
        "1500.00",
        "0",
        "-1",
        "NaN",
        "Infinity",
        "1e999",
        "full",
        "individual",
        "plattformsmöte",
        "ordförande",
        "inskickad",
        "",
        " ",
        "2024-W01-1",
        "20240418",
    ]
)
junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 3000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    plausible,
)
value = st.recursive(
    junk,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["from", "form", "person", "email", "full"]), inner),
    ),
    max_leaves=6,
)


@settings(max_examples=60, deadline=None)
@given(values=st.lists(value, max_size=6), index=st.integers(0, len(KINDS) - 1))
def test_the_column_check_agrees_with_the_record_check(values: list[Any], index: int) -> None:
    name, kind = KINDS[index]
    column = copy.deepcopy(values)
    assert kind.all_ok(column) == all(map(kind.ok, values)), (name, values)


def test_nan_is_not_a_number_of_the_register() -> None:
    _, year = next(k for k in KINDS if k[0] == "payments.fee_year")
    assert not year.all_ok([2024, math.nan]) and not year.ok(math.nan)


# --- at open and at save -----------------------------------------------------------------------


def write(path: Path, document: dict[str, Any]) -> bytes:
    raw = json.dumps(document, ensure_ascii=False).encode()
    path.write_bytes(raw)
    return raw


def test_a_file_with_a_bad_record_is_refused_untouched_and_not_backed_up(db_path: Path) -> None:
    document = demo()
    write(db_path, document)
    with open_database(db_path):  # a good state, backed up at the next open
        pass
    with open_database(db_path) as db:
        good_backup = db.backup or backups.list_backups(db_path)[-1]
    document["members"]["1"]["joined"] = "2024-13-45"
    raw = write(db_path, document)
    backups_before = backups.list_backups(db_path)

    with pytest.raises(DatabaseUnreadable) as refused:
        open_database(db_path)

    message = str(refused.value)
    assert db_path.read_bytes() == raw
    assert backups.list_backups(db_path) == backups_before
    assert "medlem 1 (tabellen members), fältet joined: ”2024-13-45”" in message
    assert str(good_backup) in message


def test_a_newer_backup_with_the_same_fault_is_passed_over_for_a_good_one(db_path: Path) -> None:
    document = demo()
    write(db_path, document)
    with open_database(db_path) as db:
        good_backup = db.backup
    assert good_backup is not None
    document["payments"][first_id(document, "payments")]["amount"] = "abc"
    bad_bytes = json.dumps(document).encode()
    bad_backup = backups.make_backup(db_path, bad_bytes)
    assert backups.list_backups(db_path)[-1] == bad_backup
    db_path.write_bytes(bad_bytes)

    with pytest.raises(DatabaseUnreadable) as refused:
        open_database(db_path)

    assert refused.value.newest_backup == good_backup


def test_text_that_is_not_unicode_is_refused_by_the_save_and_nothing_changes(
    db_path: Path,
) -> None:
    """The fields refuse it first; the save is the floor under every front end."""
    with open_database(db_path) as db:
        members = MemberRepository(db)
        kept = members.add(make_member("Örebro"))
        before = db_path.read_bytes()
        with pytest.raises(RecordRefused, match="UTF-8"):
            members.update(replace(kept, name=os.fsdecode(b"\xd6rebro")))
        assert members.get(kept.id or 0) == kept
    assert db_path.read_bytes() == before
