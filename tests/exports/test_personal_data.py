"""The register extract as Swedish text and JSON, and the retention list."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

from secretariat_tui.domain.fees import Payment
from secretariat_tui.domain.personal_data import extract_for
from secretariat_tui.domain.retention import retention_due
from secretariat_tui.exports.personal_data import (
    extract_json,
    extract_text,
    retention_json,
    retention_text,
)
from tests.domain.gdpr_register import EXTRACT_SECTIONS, MEMBERS, register

TODAY = date(2026, 6, 1)
SECTIONS = EXTRACT_SECTIONS


def sections(text: str) -> dict[str, list[str]]:
    """The text's sections: a line at the left margin after an empty line starts one."""
    found: dict[str, list[str]] = {}
    lines = text.splitlines()
    current = None
    for before, line in zip(["x", *lines], lines, strict=False):
        if line and not line.startswith(" ") and before == "":
            current = line
            found[current] = []
        elif current is not None and line:
            found[current].append(line.strip())
    return found


def test_the_text_has_every_section_in_order_each_with_what_it_found() -> None:
    text = extract_text(extract_for(register(), 2), TODAY)
    found = sections(text)
    assert list(found) == list(SECTIONS)
    assert text.startswith("Registerutdrag för medlem 2: Föreningen Ljuset\nGjort 2026-06-01")
    assert "Kontaktperson:       Bo Lind" in found["Medlem"]
    assert found["Formhistorik"] == ["från 2018-01-01: Fullt medlemskap"]
    assert found["Betalningar"] == [
        "Avgiftsår 2023: 1 500 kr, betald 2023-02-01, referens Faktura 7, anteckning: Betalt av Bo"
    ]
    assert found["Avtalade avgifter"] == ["2022: 750 kr (Avtal med Bo Lind)"]
    assert found["Styrelseuppdrag"][0] == "Ledamot: bo  lind, från 2023-04-19"
    assert found["Ombud vid årsmöten"] == [
        "Årsmötet 2022-04-20: Dan Ljus (närvarande)",
        "Årsmötet 2023-04-19: Bo Lind (inte närvarande)",
    ]
    assert found["Medundertecknade inlagor"] == [
        "2023-03-01 Remissvar: Remissvar om stödet, inskickad"
    ]
    assert found[SECTIONS[7]][0] == "2023-09-14 Plattformsmöte: Plattformsmöte"
    assert "deltagare: Bo Lind (Föreningen Ljuset), Cecilia Berg" in found[SECTIONS[7]]


def test_an_empty_section_says_so() -> None:
    text = extract_text(extract_for(register(), 1), TODAY)
    assert sections(text)["Medundertecknade inlagor"] == ["(inget)"]


def test_an_erased_member_says_when() -> None:
    erased = replace(MEMBERS[0], erased_on=date(2026, 5, 1))
    text = extract_text(extract_for(replace(register(), members=(erased,)), 1), TODAY)
    assert "Personuppgifter:     raderade 2026-05-01 (GDPR)" in text


def test_the_json_has_english_keys_iso_dates_and_amounts_as_text() -> None:
    found = json.loads(extract_json(extract_for(register(), 1), TODAY))
    assert found["extracted_on"] == "2026-06-01"
    assert found["member"]["contact"]["email"] == "anna.ek@example.se"
    assert found["payments"] == [
        {
            "id": 1,
            "fee_year": 2022,
            "amount": "200",
            "paid_on": "2022-03-01",
            "reference": "OCR 123",
            "note": "Swish från Anna Ek",
        }
    ]
    assert found["agreed_fees"] == [
        {"year": 2023, "amount": None, "exempt": True, "note": "Befriad efter samtal med Anna"}
    ]
    assert found["board_seats"][0]["until"] == "2023-04-18"
    assert [a["named_in"] for a in found["activities_naming"]] == [["title", "location"]]
    assert [n["contact"] for n in found["networks_naming"]] == ["070-111 22 33"]


def test_the_retention_text_lists_both_and_says_what_to_run() -> None:
    payment = Payment(2, 2017, Decimal(1500), date(2017, 3, 1), id=7)
    due = retention_due(MEMBERS, [payment], years=2, today=TODAY)
    text = retention_text(due, {2: "Föreningen Ljuset"})
    assert "Lagringstid: 2 år efter medlemskapets slut" in text
    assert "  1   Anna Ek  2023-06-30  2025-07-01" in text
    assert "secretariat members erase ID" in text
    assert "  7   Föreningen Ljuset  2017       1 500 kr  2017-03-01  2024-12-31" in text
    assert "secretariat payments delete ID" in text
    assert text.endswith("Inget har raderats.")


def test_the_retention_json() -> None:
    due = retention_due(MEMBERS, [], years=2, today=TODAY)
    assert json.loads(retention_json(due)) == {
        "today": "2026-06-01",
        "retention_years": 2,
        "members": [
            {
                "id": 1,
                "name": "Anna Ek",
                "kind": "individual",
                "ended": "2023-06-30",
                "erase_from": "2025-07-01",
            }
        ],
        "payments": [],
    }
