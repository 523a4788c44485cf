"""What every table's records hold, as the repositories write them: the schema the open checks.

A column is required when its converter reads it with ``doc[...]``; an optional one may be left
out (older records) and then has its converter's default. ``tests/store/test_record_schema.py``
holds this to the repositories: every field ``to_document`` writes is a column here, and
nothing else is.
"""

from __future__ import annotations

from enum import Enum

from secretariat_tui.domain.activities import Category
from secretariat_tui.domain.board import MAX_TERM, MIN_TERM, Role
from secretariat_tui.domain.mail_kind import MailKind
from secretariat_tui.domain.members import MemberKind, MembershipForm
from secretariat_tui.domain.report_outline import WRITTEN_KEYS
from secretariat_tui.domain.settings import (
    DEFAULT_RETENTION_YEARS,
    DEFAULT_TERMS_DAYS,
    RETENTION_MAX,
    RETENTION_MIN,
    TERMS_MAX,
    SmtpSecurity,
)
from secretariat_tui.domain.submissions import SubmissionKind, SubmissionStatus
from secretariat_tui.store.record_check import (
    Amount,
    Choice,
    Clock,
    Column,
    Day,
    DayOrMonth,
    Flag,
    Kind,
    ListOf,
    MapOf,
    Record,
    Ref,
    RefList,
    TableSchema,
    Text,
    Whole,
)

MEMBERS = "members"
MEETINGS = "annual_meetings"
NETWORKS = "networks"

YEAR = Whole(1900, 2999, "ett år")
TEXT = Text()


def choice(enum: type[Enum]) -> Choice:
    return Choice(frozenset(str(item.value) for item in enum))


def optional(name: str, kind: Kind = TEXT, default: object = "") -> Column:
    """A column a record may leave out; the converter then reads ``default``."""
    return Column(name, kind, required=False, default=default)


CONTACT = Record(
    tuple(optional(name) for name in ("person", "email", "phone", "address")),
    "kontaktuppgifter",
)
FORM_CHANGE = Record(
    (Column("from", Day()), Column("form", choice(MembershipForm))), "ett formbyte"
)

SETTINGS = "settings"
INVOICES = "invoices"
REPORT_TEXTS = "report_texts"

SCHEMAS: tuple[TableSchema, ...] = (
    TableSchema(
        MEMBERS,
        "medlem",
        (
            Column("name", TEXT),
            Column("kind", choice(MemberKind)),
            Column("joined", Day()),
            Column("forms", ListOf(FORM_CHANGE, at_least=1, what="en lista med formbyten")),
            optional("org_number"),
            optional("contact", CONTACT.nullable(), None),
            optional("ended", Day().nullable(), None),
            optional("end_reason"),
            optional("erased_on", Day().nullable(), None),
        ),
    ),
    TableSchema(
        "fee_schedules",
        "avgiftsår",
        (
            Column("year", YEAR),
            Column(
                "amounts",
                MapOf(frozenset(str(f.value) for f in MembershipForm), Amount(positive=False)),
            ),
        ),
    ),
    TableSchema(
        "fee_overrides",
        "avtalad avgift",
        (
            Column("member_id", Ref(MEMBERS)),
            Column("year", YEAR),
            optional("amount", Amount().nullable(), None),
            optional("note"),
        ),
    ),
    TableSchema(
        "payments",
        "betalning",
        (
            Column("member_id", Ref(MEMBERS)),
            Column("fee_year", YEAR),
            Column("amount", Amount()),
            Column("paid_on", Day()),
            optional("reference"),
            optional("note"),
        ),
    ),
    TableSchema(
        "sent_mail",
        "skickat e-brev",
        (
            Column("member_id", Ref(MEMBERS)),
            Column("fee_year", YEAR),
            Column("kind", choice(MailKind)),
            Column("sent_on", Day()),
            Column("sent_time", Clock()),
        ),
    ),
    TableSchema(
        "mail_templates",
        "e-brevsmall",
        (
            Column("kind", choice(MailKind)),
            Column("subject", TEXT),
            Column("body", TEXT),
        ),
    ),
    TableSchema(
        MEETINGS,
        "årsmöte",
        (
            Column("held_on", Day()),
            optional("notes"),
            optional("voting_fee_year", YEAR.nullable(), None),
            optional("voting_cutoff", Day().nullable(), None),
        ),
    ),
    TableSchema(
        "board_seats",
        "styrelsepost",
        (
            Column("person", TEXT),
            Column("role", choice(Role)),
            optional("organisation_id", Ref(MEMBERS).nullable(), None),
            Column("elected_at", Ref(MEETINGS)),
            optional("term_years", Whole(MIN_TERM, MAX_TERM, "ett antal år"), 1),
            optional("left_on", Day().nullable(), None),
            optional("left_reason"),
            optional("starts_on", Day().nullable(), None),
        ),
    ),
    TableSchema(
        "meeting_attendance",
        "närvaro",
        (
            Column("meeting_id", Ref(MEETINGS)),
            Column("member_id", Ref(MEMBERS)),
            optional("delegate"),
            optional("present", Flag(), False),
        ),
    ),
    TableSchema(
        NETWORKS,
        "nätverk",
        (
            Column("name", TEXT),
            optional("organiser"),
            optional("since", Day().nullable(), None),
            optional("until", Day().nullable(), None),
            optional("role"),
            optional("meets"),
            optional("contact"),
            optional("notes"),
            optional("about"),
        ),
    ),
    TableSchema(
        "activities",
        "aktivitet",
        (
            Column("when", DayOrMonth()),
            Column("title", TEXT),
            Column("category", choice(Category)),
            optional("starts_at", Clock().nullable(), None),
            optional("ends_at", Clock().nullable(), None),
            optional("ends_on", Day().nullable(), None),
            optional("location"),
            optional("participants"),
            optional("notes"),
            optional("in_report", Flag(), True),
            optional("network_id", Ref(NETWORKS).nullable(), None),
            optional("uid"),
            optional("starts_fold", Flag(), False),
            optional("ends_fold", Flag(), False),
        ),
    ),
    TableSchema(
        "submissions",
        "inlaga",
        (
            Column("kind", choice(SubmissionKind)),
            Column("title", TEXT),
            Column("when", DayOrMonth()),
            Column("status", choice(SubmissionStatus)),
            optional("recipient"),
            optional("co_signers", RefList(MEMBERS), []),
            optional("reference"),
            optional("notes"),
            optional("in_report", Flag(), True),
            optional("uid"),
        ),
    ),
    TableSchema(
        SETTINGS,
        "inställning",
        (
            optional(
                "retention_years",
                Whole(RETENTION_MIN, RETENTION_MAX, "ett antal år"),
                DEFAULT_RETENTION_YEARS,
            ),
            optional("name"),
            optional("org_number"),
            optional("address"),
            optional("bankgiro"),
            optional("plusgiro"),
            optional("swish"),
            optional("terms_days", Whole(1, TERMS_MAX, "ett antal dagar"), DEFAULT_TERMS_DAYS),
            optional("ocr_length_digit", Flag(), True),
            optional("sender_email"),
            optional("smtp_host"),
            optional("smtp_port", Whole(1, 65535, "en port").nullable(), None),
            optional("smtp_security", choice(SmtpSecurity), SmtpSecurity.STARTTLS.value),
            optional("smtp_user"),
        ),
    ),
    TableSchema(
        INVOICES,
        "faktura",
        (
            Column("member_id", Ref(MEMBERS)),
            Column("fee_year", YEAR),
            Column("ocr", TEXT),
            Column("issued", Day()),
            Column("due", Day()),
            Column("amount", Amount(positive=False, signed=True)),
            optional("credited_by", Whole(1, 10**9, "ett fakturanummer").nullable(), None),
            optional("credits", Whole(1, 10**9, "ett fakturanummer").nullable(), None),
        ),
    ),
    TableSchema(
        "calendar_order",
        "kalenderordning",
        (
            Column("key", TEXT),
            Column("when", DayOrMonth()),
            Column("position", Whole(0, 99_999, "en plats")),
        ),
    ),
    TableSchema(
        "import_headings",
        "importerad rubrikrad",
        (
            Column("register", Choice(frozenset({MEMBERS, "payments", "bank"}))),
            Column("key", ListOf(TEXT)),
            Column("headings", ListOf(TEXT)),
            Column("columns", ListOf(TEXT)),
        ),
    ),
    TableSchema(
        "bank_lines",
        "inläst bankrad",
        (
            Column("identity", TEXT),
            Column("payment_id", Whole(1, 10**9, "ett betalnings-id")),
            Column("imported", Day()),
        ),
    ),
    TableSchema(
        REPORT_TEXTS,
        "verksamhetstext",
        (
            Column("year", YEAR),
            Column("section", Choice(frozenset(WRITTEN_KEYS))),
            Column("text", TEXT),
            optional("heading"),
        ),
    ),
)
