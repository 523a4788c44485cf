"""The voting roll's two small forms, declared once: the rule for the vote, an attendance."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from secretariat_tui.domain.fields import Day, Field, FieldReader, Flag, Year, record_text
from secretariat_tui.domain.voting import Attendance, VotingRule

RULE_FIELDS = (
    Field("fee_year", "Avgiftsår", Year(), required=True),
    Field("cutoff", "Sista betaldag", Day(), required=True),
)
ATTENDANCE_FIELDS = (
    Field("delegate", "Ombud", placeholder="namn"),
    Field("present", "Närvarande", Flag(), default=False),
)


def parse_rule_fields(raw: Mapping[str, str], today: date) -> VotingRule:
    fields = FieldReader(RULE_FIELDS, raw, today)
    values = fields.read()
    fields.done()
    return VotingRule(**values)


def parse_attendance_fields(raw: Mapping[str, str], member_id: int) -> Attendance:
    fields = FieldReader(ATTENDANCE_FIELDS, raw, date.min)
    values = fields.read()
    fields.done()
    return Attendance(member_id, **values)


def rule_text(rule: VotingRule) -> dict[str, str]:
    return record_text(RULE_FIELDS, rule)


def attendance_text(attendance: Attendance) -> dict[str, str]:
    return record_text(ATTENDANCE_FIELDS, attendance)
