"""Build the demo database ``data/demo.json`` that ``make run`` opens a copy of.

Run it with ``.venv/bin/python data/build_demo.py``. The members go through the domain (the same
field parsing and rules as the forms and the CLI) and are written through the store, so the file
is a real database file with its ``_meta`` record. Apart from that record's "created" timestamp
the output is the same on every run.

The register matches the 2024 annual report (verksamhetsberättelse): at the end of 2024 there
are 27 members, 20 organisations with full membership, 6 organisations with networking
membership and 1 individual; 4 joined in 2024 and nobody left in 2023. Some history around it
(a dated form change, members who left in 2021, 2022 and 2025, one who joined in 2025) makes
the register worth browsing.

Fees and payments (tables FEE_SCHEDULES, FEE_OVERRIDES and PAYMENTS below) go through the
domain and the fee and payment repositories too:
- 2023 and 2024: everybody who was a member that year has paid (one member pays 2024 in two
  parts), so 2024 gives the report's figure: 27 paying members, 26 of them organisations,
  20 full, 6 networking and 1 individual. The build checks this and stops if it is not so.
- 2025: an agreed lower amount for one member, an exemption for the member that closed down
  mid-year, and one member that never paid.
- 2026, the current year: about two thirds have paid, one has paid part, several have not —
  among them a member without an e-mail address — so the reminder list has something in it.
The amounts, dates and bankgiro references are invented.

The board (tables ANNUAL_MEETINGS, BOARD_SEATS, STARTS_LATE, LEFT_EARLY and ATTENDANCE_2024) goes
through the domain's seat rules and the board repository:
- Annual meetings in April 2023, 2024, 2025 and 2026 (invented dates).
- 2023: seven seats with another chair; one seat elected for two years sits on into 2024.
- 2024: exactly the report's board — ordförande from Childx and ledamöter from Frälsningsarmén,
  Terrafem, Stockholms Stadsmission, Roks and Göteborgs Räddningsmission — with invented
  people; the build checks that the report paragraph comes out as in the report.
- 2025 and 2026: seats carried over by their terms, a kassör and later a vice ordförande, and
  a ledamot who left in September 2025, replaced from November (fyllnadsval).
- The 2024 meeting has delegates (ombud) for most full members, most of them present.
Every seat passes the seat rules without warnings (the build stops otherwise).

The calendar (tables NETWORKS, ACTIVITIES_2024, ACTIVITIES_LATER, BOARD_MEETINGS,
MEMBER_COFFEES and SUBMISSIONS) goes through the same field parsing as the activity, network
and submission forms, and through the calendar repository:
- 2024 is the report's "Löpande verksamhet (månadsvis)": every line of every month is an
  activity, or a submission where it is one (the debate articles, the sakråd, the statistics
  report handed over, the framställan); April's "Årsmöte" is the annual meeting above, derived
  by the calendar, not typed again; March is empty. The build checks the number of report
  lines per month against the report, and that each submission sent is in its month once.
- What the report tells elsewhere is there with ``in_report`` off: the spring platform
  meeting (two in the year), the two member coffees, board meetings besides August's day,
  the EU platform's autumn meeting (once, checked), the FRAUD workshop in May, the launch of
  Kampanj 215, the network meeting for NSP's certified actors and the TIP reporting.
- The networks of "Internationellt kunskapsutbyte" and "Kunskapsutbyte", two joined in 2024;
  participation is the activities linked to them.
- 2025 and 2026: platform meetings in spring and autumn (one just after 2026-06-01, so the
  overview has a next one), what the report announces for 2025, and a draft debate article.
- Every activity and submission has a fixed uid (``demo-…``), so the file is the same on every
  run and a re-imported ICS calendar updates instead of duplicating.

The report's written texts (table REPORT_TEXTS_2024) are saved through the report text
repository: 2024 has a text for every written section (the introduction, Vårt uppdrag, NSP,
Kampanj 215 …), written in this project's own words with the report's facts (NSP: 63 persons,
7 of them children, against 68 in 2023; 3,2 million kronor, 2 544 827 kronor in direct
support; 5 of 7 police regions). 2025 and 2026 have none, so they show 2024's carried over.

What is real and what is invented:
- The organisations named in the report are used by name. They get no organisation number,
  so that no invented identifier is attached to a real organisation.
- Every other organisation is invented, and its organisation number is invented but valid
  (Luhn check digit computed here).
- Every person is invented: ordinary Swedish names, e-mail only at example.org / example.se,
  phone numbers only from the range reserved for fiction (070-174 06 05 … 070-174 06 99),
  invented postal addresses. The calendar names no person: the minister the report names is
  "jämställdhetsministern" there.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from datetime import date, time
from pathlib import Path

# Run as a script from a checkout, the package may not be installed yet: use the checkout's.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

from secretariat_tui.domain.activities import Activity  # noqa: E402
from secretariat_tui.domain.activity_fields import parse_activity_fields  # noqa: E402
from secretariat_tui.domain.association_fields import parse_association_fields  # noqa: E402
from secretariat_tui.domain.board import (  # noqa: E402
    AnnualMeeting,
    BoardSeat,
    Role,
    board_on,
)
from secretariat_tui.domain.board_rules import check_seat  # noqa: E402
from secretariat_tui.domain.calendar import (  # noqa: E402
    ANNUAL_MEETING_TITLE,
    CalendarItem,
    Placement,
    Source,
    in_month,
    month_groups,
)
from secretariat_tui.domain.fees import (  # noqa: E402
    FeeOverride,
    FeeSchedule,
    FeeStatus,
    Payment,
    fee_year,
    first_day_in_year,
    paying_figures,
)
from secretariat_tui.domain.member_fields import (  # noqa: E402
    apply_edit,
    create_member,
    parse_member_fields,
)
from secretariat_tui.domain.members import Member, MemberKind, MembershipForm  # noqa: E402
from secretariat_tui.domain.money import parse_amount  # noqa: E402
from secretariat_tui.domain.network_fields import parse_network_fields  # noqa: E402
from secretariat_tui.domain.networks import NetworkMembership, participations  # noqa: E402
from secretariat_tui.domain.orgnr import luhn_check_digit  # noqa: E402
from secretariat_tui.domain.report_outline import WRITTEN_KEYS  # noqa: E402
from secretariat_tui.domain.report_texts import ReportText, written_text  # noqa: E402
from secretariat_tui.domain.settings import Settings  # noqa: E402
from secretariat_tui.domain.submission_fields import parse_submission_fields  # noqa: E402
from secretariat_tui.domain.submissions import Submission  # noqa: E402
from secretariat_tui.domain.voting import Attendance  # noqa: E402
from secretariat_tui.exports.board_report import board_paragraph  # noqa: E402
from secretariat_tui.store.atomic import atomic_write_bytes  # noqa: E402
from secretariat_tui.store.board import BoardRepository  # noqa: E402
from secretariat_tui.store.calendar import CalendarRepository  # noqa: E402
from secretariat_tui.store.database import open_database  # noqa: E402
from secretariat_tui.store.fees import FeeRepository  # noqa: E402
from secretariat_tui.store.members import MemberRepository  # noqa: E402
from secretariat_tui.store.payments import PaymentRepository  # noqa: E402
from secretariat_tui.store.report_texts import ReportTextRepository  # noqa: E402
from secretariat_tui.store.settings import SettingsRepository  # noqa: E402

DEMO_PATH = Path(__file__).resolve().parent / "demo.json"

# Swedish phone numbers set aside for fiction (PTS): 070-174 06 05 up to 070-174 06 99.
FICTION_PHONE_PREFIX = "070-174 06 "
FICTION_PHONE_LAST = range(5, 100)


def orgnr(first_nine: str) -> str:
    """An invented organisation number ``NNNNNN-NNNN`` from its first nine digits."""
    digits = first_nine.replace("-", "")
    if len(digits) != 9 or not digits.isdigit():
        raise ValueError(f"nine digits expected: {first_nine!r}")
    return f"{digits[:6]}-{digits[6:]}{luhn_check_digit(digits)}"


# The register, in order of joining. Each row is the member's fields as a user would type them
# (the keys of parse_member_fields), plus optional history:
#   "form_change": (date, new form)  — a dated change of membership form
#   "ended": (last day of membership, reason)
Row = dict[str, str | tuple[str, str]]

MEMBERS: list[Row] = [
    # 2017: the association becomes an ideell förening; founding members.
    {
        "name": "Frälsningsarmén",
        "kind": "organisation",
        "form": "full",
        "joined": "2017-03-21",
        "contact_person": "Karin Sandberg",
        "email": "karin.sandberg@example.org",
        "phone": "070-174 06 05",
        "address": "Lärkvägen 14, 113 41 Stockholm",
    },
    {
        "name": "Terrafem",
        "kind": "organisation",
        "form": "full",
        "joined": "2017-03-21",
        "contact_person": "Eva Nyström",
        "email": "eva.nystrom@example.org",
        "phone": "070-174 06 06",
        "address": "Kornblomsgatan 3, 118 27 Stockholm",
    },
    {
        "name": "Stockholms Stadsmission",
        "kind": "organisation",
        "form": "full",
        "joined": "2017-03-21",
        "contact_person": "Mikael Hellström",
        "email": "mikael.hellstrom@example.se",
        "phone": "070-174 06 07",
        "address": "Stenhuggargränd 8, 116 45 Stockholm",
    },
    {
        "name": "Roks",
        "kind": "organisation",
        "form": "full",
        "joined": "2017-03-21",
        "contact_person": "Ulrika Hedlund",
        "email": "ulrika.hedlund@example.org",
        "phone": "070-174 06 08",
        "address": "Gjutargatan 22, 112 38 Stockholm",
    },
    {
        "name": "Göteborgs Räddningsmission",
        "kind": "organisation",
        "form": "full",
        "joined": "2017-03-21",
        "contact_person": "Johan Söderlund",
        "email": "johan.soderlund@example.se",
        "phone": "070-174 06 09",
        "address": "Repslagaregatan 5, 413 04 Göteborg",
    },
    {
        "name": "Stiftelsen Fristad Mälardalen",
        "kind": "organisation",
        "form": "full",
        "joined": "2017-03-21",
        "org_number": orgnr("802471-365"),
        "contact_person": "Camilla Björklund",
        "email": "camilla.bjorklund@example.org",
        "phone": "070-174 06 10",
        "address": "Humlegången 9, 632 20 Eskilstuna",
    },
    {
        "name": "Föreningen Vägskälet i Malmö",
        "kind": "organisation",
        "form": "full",
        "joined": "2017-03-21",
        "org_number": orgnr("802458-204"),
        "contact_person": "Anders Mårtensson",
        "email": "anders.martensson@example.se",
        "address": "Skeppsbyggaregatan 31, 214 45 Malmö",
    },
    {
        "name": "Ideella föreningen Solrosen i Jönköping",
        "kind": "organisation",
        "form": "full",
        "joined": "2017-03-21",
        "org_number": orgnr("802463-871"),
        "contact_person": "Birgitta Forsman",
        "phone": "070-174 06 11",
        "address": "Trädgårdsgatan 2, 553 16 Jönköping",
        "ended": ("2021-12-31", "Verksamheten avvecklad"),
    },
    {
        "name": "Samfundet Hoppets Hamn Norrköping",
        "kind": "organisation",
        "form": "full",
        "joined": "2017-09-04",
        "org_number": orgnr("817602-519"),
        "contact_person": "Per Nordlund",
        "email": "per.nordlund@example.org",
        "phone": "070-174 06 12",
        "address": "Bleckslagaregatan 17, 602 24 Norrköping",
    },
    # 2018
    {
        "name": "Missionsförsamlingen Källan i Örebro",
        "kind": "organisation",
        "form": "full",
        "joined": "2018-02-12",
        "org_number": orgnr("875001-642"),
        "contact_person": "Lena Holmgren",
        "email": "lena.holmgren@example.se",
        "phone": "070-174 06 13",
        "address": "Kvarngatan 40, 703 62 Örebro",
    },
    {
        "name": "Stiftelsen Brobyggarna Norr",
        "kind": "organisation",
        "form": "full",
        "joined": "2018-05-28",
        "org_number": orgnr("802495-730"),
        "contact_person": "Erik Westman",
        "email": "erik.westman@example.org",
        "phone": "070-174 06 14",
        "address": "Norra Strandgatan 6, 903 27 Umeå",
    },
    {
        "name": "Nätverket Trygga Gränser Öresund",
        "kind": "organisation",
        "form": "networking",
        "joined": "2018-10-15",
        "org_number": orgnr("802507-183"),
        "contact_person": "Sara Wallin",
        "email": "sara.wallin@example.se",
        "address": "Tullhusgatan 11, 252 25 Helsingborg",
    },
    # 2019
    {
        "name": "Föreningen Ankarplatsen Gävle",
        "kind": "organisation",
        "form": "networking",
        "joined": "2019-01-21",
        "org_number": orgnr("802512-468"),
        "contact_person": "Magnus Boman",
        "email": "magnus.boman@example.org",
        "phone": "070-174 06 15",
        "address": "Hamngatan 27, 803 10 Gävle",
        "form_change": ("2022-04-26", "full"),
    },
    {
        "name": "Kerstin Malmberg",
        "kind": "individual",
        "form": "individual",
        "joined": "2019-04-08",
        "contact_person": "Kerstin Malmberg",
        "email": "kerstin.malmberg@example.se",
        "phone": "070-174 06 16",
        "address": "Syrénvägen 4, 752 39 Uppsala",
    },
    {
        "name": "Föreningen Vinterljuset i Falun",
        "kind": "organisation",
        "form": "networking",
        "joined": "2019-06-03",
        "org_number": orgnr("802516-097"),
        "contact_person": "Tobias Wikström",
        "email": "tobias.wikstrom@example.org",
        "address": "Slaggatan 12, 791 71 Falun",
        "ended": ("2022-06-30", "Utträde på egen begäran"),
    },
    {
        "name": "Stödföreningen Nya Steg Västerås",
        "kind": "organisation",
        "form": "full",
        "joined": "2019-11-18",
        "org_number": orgnr("802520-356"),
        "contact_person": "Johanna Engström",
        "email": "johanna.engstrom@example.se",
        "phone": "070-174 06 17",
        "address": "Smedjegatan 8, 722 13 Västerås",
    },
    # 2020
    {
        "name": "Childx",
        "kind": "organisation",
        "form": "full",
        "joined": "2020-02-10",
        "contact_person": "Fredrik Strand",
        "email": "fredrik.strand@example.org",
        "phone": "070-174 06 18",
        "address": "Vattugatan 19, 111 52 Stockholm",
    },
    {
        "name": "Föreningen Juridiskt stöd för utsatta",
        "kind": "organisation",
        "form": "networking",
        "joined": "2020-09-14",
        "org_number": orgnr("802527-814"),
        "contact_person": "Malin Sundqvist",
        "email": "malin.sundqvist@example.se",
        "phone": "070-174 06 19",
        "address": "Kungsgårdsvägen 3, 222 29 Lund",
    },
    # 2021
    {
        "name": "Föreningen Fyrljuset Karlskrona",
        "kind": "organisation",
        "form": "full",
        "joined": "2021-03-08",
        "org_number": orgnr("802530-271"),
        "contact_person": "Petra Isaksson",
        "email": "petra.isaksson@example.org",
        "phone": "070-174 06 20",
        "address": "Amiralitetsgången 7, 371 31 Karlskrona",
    },
    {
        "name": "Stiftelsen Skyddsnätet Uppsala",
        "kind": "organisation",
        "form": "full",
        "joined": "2021-10-25",
        "org_number": orgnr("802534-908"),
        "contact_person": "Henrik Dahlberg",
        "email": "henrik.dahlberg@example.se",
        "phone": "070-174 06 21",
        "address": "Kvarnbogatan 15, 753 30 Uppsala",
    },
    # 2022
    {
        "name": "Uppsökarna i Borås",
        "kind": "organisation",
        "form": "networking",
        "joined": "2022-01-17",
        "contact_person": "Linnea Ekström",
        "phone": "070-174 06 22",
        "address": "Vävaregatan 21, 503 34 Borås",
    },
    {
        "name": "Stiftelsen Kompassrosen Halmstad",
        "kind": "organisation",
        "form": "full",
        "joined": "2022-05-30",
        "org_number": orgnr("802541-623"),
        "contact_person": "Annika Åberg",
        "email": "annika.aberg@example.org",
        "phone": "070-174 06 23",
        "address": "Fiskaregatan 10, 302 43 Halmstad",
    },
    {
        "name": "Kvinno- och tjejjouren i Umeå",
        "kind": "organisation",
        "form": "full",
        "joined": "2022-11-07",
        "contact_person": "Ida Norberg",
        "email": "ida.norberg@example.se",
        "phone": "070-174 06 24",
        "address": "Björkvägen 28, 904 32 Umeå",
    },
    # 2023
    {
        "name": "Studentnätverket mot exploatering i Lund",
        "kind": "organisation",
        "form": "networking",
        "joined": "2023-02-20",
        "org_number": orgnr("802546-159"),
        "contact_person": "Elin Öberg",
        "email": "elin.oberg@example.org",
        "address": "Klostergården 5, 223 62 Lund",
        "ended": ("2025-06-30", "Nätverket har lagt ned sin verksamhet"),
    },
    {
        "name": "Föreningen Öppen Dörr Sundsvall",
        "kind": "organisation",
        "form": "full",
        "joined": "2023-09-11",
        "org_number": orgnr("802549-586"),
        "contact_person": "Niklas Lundgren",
        "email": "niklas.lundgren@example.se",
        "phone": "070-174 06 25",
        "address": "Esplanaden 13, 852 31 Sundsvall",
    },
    # 2024: four new members, spread over the year.
    {
        "name": "Stiftelsen Lyktan Luleå",
        "kind": "organisation",
        "form": "full",
        "joined": "2024-01-22",
        "org_number": orgnr("802553-047"),
        "contact_person": "Åsa Lindahl",
        "email": "asa.lindahl@example.org",
        "phone": "070-174 06 26",
        "address": "Skeppsbrogatan 4, 972 31 Luleå",
    },
    {
        "name": "Föreningen Fri Passage Helsingborg",
        "kind": "organisation",
        "form": "networking",
        "joined": "2024-04-15",
        "org_number": orgnr("802556-712"),
        "contact_person": "Jonas Eklund",
        "email": "jonas.eklund@example.se",
        "phone": "070-174 06 27",
        "address": "Södergatan 44, 252 25 Helsingborg",
    },
    {
        "name": "Tolknätverket Ordbron",
        "kind": "organisation",
        "form": "networking",
        "joined": "2024-06-10",
        "org_number": orgnr("802558-390"),
        "contact_person": "Therese Falk",
        "email": "therese.falk@example.org",
        "address": "Järnvägsgatan 9, 602 32 Norrköping",
    },
    {
        "name": "Kvinnojouren i Jämtlands län",
        "kind": "organisation",
        "form": "full",
        "joined": "2024-10-21",
        "contact_person": "Jenny Berglund",
        "email": "jenny.berglund@example.se",
        "phone": "070-174 06 28",
        "address": "Rådhusgatan 35, 831 34 Östersund",
    },
    # 2025
    {
        "name": "Stiftelsen Ledstången Kalmar",
        "kind": "organisation",
        "form": "full",
        "joined": "2025-02-17",
        "org_number": orgnr("802561-834"),
        "contact_person": "Helena Blom",
        "email": "helena.blom@example.org",
        "phone": "070-174 06 29",
        "address": "Larmgatan 16, 392 32 Kalmar",
    },
]


# Fees, in kronor per membership form and year (invented; a small raise from 2025).
FEE_SCHEDULES: dict[int, dict[str, str]] = {
    2023: {"full": "1 500", "networking": "500", "individual": "300"},
    2024: {"full": "1 500", "networking": "500", "individual": "300"},
    2025: {"full": "1 600", "networking": "600", "individual": "300"},
    2026: {"full": "1 600", "networking": "600", "individual": "300"},
}

# Agreed amounts and exemptions: (member, year, agreed amount or None for exempt, note).
FEE_OVERRIDES: list[tuple[str, int, str | None, str]] = [
    (
        "Föreningen Vägskälet i Malmö",
        2025,
        "800",
        "Halv avgift 2025 efter ansökan: kommunens verksamhetsbidrag uteblev. "
        "Styrelsebeslut 2025-03-12.",
    ),
    (
        "Studentnätverket mot exploatering i Lund",
        2025,
        None,
        "Befriad från avgift 2025: nätverket läggs ned den 30 juni. Styrelsebeslut 2025-03-12.",
    ),
]

# Payments per fee year, in the order they came in, as on the bank statement. Columns:
#   member (exact name) | amount | paid on | reference | note (optional)
# Every member of 2023 and 2024 has paid in full; who is missing from 2025 and 2026 is unpaid.
PAYMENTS_2023 = """
Terrafem                                 | 1 500 | 2023-02-27 | BG 2023-001
Stiftelsen Fristad Mälardalen            | 1 500 | 2023-02-28 | BG 2023-002
Stödföreningen Nya Steg Västerås         | 1 500 | 2023-03-06 | BG 2023-003
Föreningen Ankarplatsen Gävle            | 1 500 | 2023-03-08 | BG 2023-004
Göteborgs Räddningsmission               | 1 500 | 2023-03-13 | BG 2023-005
Uppsökarna i Borås                       |   500 | 2023-03-20 | Swish
Studentnätverket mot exploatering i Lund |   500 | 2023-03-21 | BG 2023-006
Samfundet Hoppets Hamn Norrköping        | 1 500 | 2023-03-27 | BG 2023-007
Stiftelsen Kompassrosen Halmstad         | 1 500 | 2023-03-28 | BG 2023-008
Frälsningsarmén                          | 1 500 | 2023-04-04 | BG 2023-009
Stiftelsen Skyddsnätet Uppsala           | 1 500 | 2023-04-07 | BG 2023-010
Kvinno- och tjejjouren i Umeå            | 1 500 | 2023-04-11 | BG 2023-011
Kerstin Malmberg                         |   300 | 2023-04-12 | Swish
Roks                                     | 1 500 | 2023-04-18 | BG 2023-012
Childx                                   | 1 500 | 2023-04-25 | BG 2023-013
Stiftelsen Brobyggarna Norr              | 1 500 | 2023-05-05 | BG 2023-014
Föreningen Fyrljuset Karlskrona          | 1 500 | 2023-05-08 | BG 2023-015
Föreningen Vägskälet i Malmö             | 1 500 | 2023-05-08 | BG 2023-016
Stockholms Stadsmission                  | 1 500 | 2023-05-08 | BG 2023-017
Missionsförsamlingen Källan i Örebro     | 1 500 | 2023-05-10 | BG 2023-018
Nätverket Trygga Gränser Öresund         |   500 | 2023-05-11 | BG 2023-019
Föreningen Juridiskt stöd för utsatta    |   500 | 2023-05-18 | Swish
Föreningen Öppen Dörr Sundsvall          | 1 500 | 2023-09-27 | BG 2023-020
"""

PAYMENTS_2024 = """
Stiftelsen Fristad Mälardalen            | 1 500 | 2024-02-12 | BG 2024-001
Studentnätverket mot exploatering i Lund |   500 | 2024-02-12 | BG 2024-002
Stiftelsen Skyddsnätet Uppsala           | 1 500 | 2024-02-21 | BG 2024-003
Stiftelsen Brobyggarna Norr              | 1 500 | 2024-02-29 | BG 2024-004
Stiftelsen Kompassrosen Halmstad         | 1 500 | 2024-03-01 | BG 2024-005
Frälsningsarmén                          | 1 500 | 2024-03-13 | BG 2024-006
Föreningen Öppen Dörr Sundsvall          |   750 | 2024-03-18 | BG 2024-007 | Delbetalning 1 av 2
Roks                                     | 1 500 | 2024-03-18 | BG 2024-008
Stiftelsen Lyktan Luleå                  | 1 500 | 2024-03-18 | BG 2024-009
Kvinno- och tjejjouren i Umeå            | 1 500 | 2024-03-26 | BG 2024-010
Stödföreningen Nya Steg Västerås         | 1 500 | 2024-04-02 | BG 2024-011
Göteborgs Räddningsmission               | 1 500 | 2024-04-09 | BG 2024-012
Uppsökarna i Borås                       |   500 | 2024-04-11 | Swish
Terrafem                                 | 1 500 | 2024-04-12 | BG 2024-013
Föreningen Fyrljuset Karlskrona          | 1 500 | 2024-04-26 | BG 2024-014
Nätverket Trygga Gränser Öresund         |   500 | 2024-05-02 | BG 2024-015
Childx                                   | 1 500 | 2024-05-03 | BG 2024-016
Stockholms Stadsmission                  | 1 500 | 2024-05-03 | BG 2024-017
Föreningen Vägskälet i Malmö             | 1 500 | 2024-05-06 | BG 2024-018
Kerstin Malmberg                         |   300 | 2024-05-06 | Swish
Föreningen Ankarplatsen Gävle            | 1 500 | 2024-05-09 | BG 2024-019
Samfundet Hoppets Hamn Norrköping        | 1 500 | 2024-05-13 | BG 2024-020
Föreningen Fri Passage Helsingborg       |   500 | 2024-05-15 | BG 2024-021
Föreningen Juridiskt stöd för utsatta    |   500 | 2024-05-20 | Swish
Missionsförsamlingen Källan i Örebro     | 1 500 | 2024-05-23 | BG 2024-022
Föreningen Öppen Dörr Sundsvall          |   750 | 2024-06-10 | BG 2024-023 | Delbetalning 2 av 2
Tolknätverket Ordbron                    |   500 | 2024-07-03 | Swish
Kvinnojouren i Jämtlands län             | 1 500 | 2024-11-14 | BG 2024-024
"""

# 2025: Vägskälet pays its agreed amount, Studentnätverket is exempt, Uppsökarna never paid.
PAYMENTS_2025 = """
Kvinnojouren i Jämtlands län             | 1 600 | 2025-02-05 | BG 2025-001
Föreningen Öppen Dörr Sundsvall          | 1 600 | 2025-02-10 | BG 2025-002
Frälsningsarmén                          | 1 600 | 2025-02-18 | BG 2025-003
Roks                                     | 1 600 | 2025-02-20 | BG 2025-004
Nätverket Trygga Gränser Öresund         |   600 | 2025-02-28 | BG 2025-005
Föreningen Fri Passage Helsingborg       |   600 | 2025-03-03 | BG 2025-006
Föreningen Fyrljuset Karlskrona          | 1 600 | 2025-03-03 | BG 2025-007
Kvinno- och tjejjouren i Umeå            | 1 600 | 2025-03-03 | BG 2025-008
Stiftelsen Kompassrosen Halmstad         | 1 600 | 2025-03-04 | BG 2025-009
Stiftelsen Ledstången Kalmar             | 1 600 | 2025-03-07 | BG 2025-010
Childx                                   | 1 600 | 2025-03-17 | BG 2025-011
Föreningen Ankarplatsen Gävle            | 1 600 | 2025-03-17 | BG 2025-012
Samfundet Hoppets Hamn Norrköping        | 1 600 | 2025-03-17 | BG 2025-013
Stiftelsen Fristad Mälardalen            | 1 600 | 2025-03-17 | BG 2025-014
Missionsförsamlingen Källan i Örebro     | 1 600 | 2025-03-19 | BG 2025-015
Föreningen Vägskälet i Malmö             |   800 | 2025-03-24 | BG 2025-016 | Överenskommet belopp
Stiftelsen Skyddsnätet Uppsala           | 1 600 | 2025-03-27 | BG 2025-017
Stödföreningen Nya Steg Västerås         | 1 600 | 2025-03-28 | BG 2025-018
Kerstin Malmberg                         |   300 | 2025-03-31 | Swish
Föreningen Juridiskt stöd för utsatta    |   600 | 2025-04-16 | Swish
Terrafem                                 | 1 600 | 2025-05-06 | BG 2025-019
Stiftelsen Lyktan Luleå                  | 1 600 | 2025-05-09 | BG 2025-020
Stockholms Stadsmission                  | 1 600 | 2025-05-09 | BG 2025-021
Göteborgs Räddningsmission               | 1 600 | 2025-05-12 | BG 2025-022
Tolknätverket Ordbron                    |   600 | 2025-05-12 | Swish
Stiftelsen Brobyggarna Norr              | 1 600 | 2025-05-15 | BG 2025-023
"""

# 2026, the current year: 18 of 27 paid, Skyddsnätet paid half, eight have not paid yet
# (Trygga Gränser, Fri Passage, Ordbron, Uppsökarna — no e-mail —, Fyrljuset, Kompassrosen,
# Ledstången and Vägskälet).
PAYMENTS_2026 = """
Föreningen Ankarplatsen Gävle            | 1 600 | 2026-02-17 | BG 2026-001
Kvinno- och tjejjouren i Umeå            | 1 600 | 2026-03-04 | BG 2026-002
Föreningen Öppen Dörr Sundsvall          | 1 600 | 2026-03-05 | BG 2026-003
Stockholms Stadsmission                  | 1 600 | 2026-03-16 | BG 2026-004
Kerstin Malmberg                         |   300 | 2026-03-17 | Swish
Kvinnojouren i Jämtlands län             | 1 600 | 2026-03-23 | BG 2026-005
Missionsförsamlingen Källan i Örebro     | 1 600 | 2026-03-30 | BG 2026-006
Stiftelsen Lyktan Luleå                  | 1 600 | 2026-04-03 | BG 2026-007
Terrafem                                 | 1 600 | 2026-04-08 | BG 2026-008
Stiftelsen Skyddsnätet Uppsala           |   800 | 2026-04-14 | BG 2026-009 | Rest utlovad i höst
Göteborgs Räddningsmission               | 1 600 | 2026-04-16 | BG 2026-010
Föreningen Juridiskt stöd för utsatta    |   600 | 2026-04-21 | Swish
Stiftelsen Brobyggarna Norr              | 1 600 | 2026-04-22 | BG 2026-011
Childx                                   | 1 600 | 2026-04-27 | BG 2026-012
Samfundet Hoppets Hamn Norrköping        | 1 600 | 2026-05-04 | BG 2026-013
Roks                                     | 1 600 | 2026-05-12 | BG 2026-014
Stiftelsen Fristad Mälardalen            | 1 600 | 2026-05-18 | BG 2026-015
Frälsningsarmén                          | 1 600 | 2026-05-22 | BG 2026-016
Stödföreningen Nya Steg Västerås         | 1 600 | 2026-09-14 | BG 2026-017 | Efter påminnelse
"""

PAYMENTS = {2023: PAYMENTS_2023, 2024: PAYMENTS_2024, 2025: PAYMENTS_2025, 2026: PAYMENTS_2026}

# The 2024 annual report: "27 betalande medlemmar år 2024, varav 26 var organisationer.
# 20 organisationer hade fullt medlemskap, 6 organisationer var nätverkande medlemmar och en
# var enskild medlem." The build stops if the fees and payments above do not give exactly this.
REPORT_YEAR = 2024
REPORT_PAYING = {
    (MemberKind.ORGANISATION, MembershipForm.FULL): 20,
    (MemberKind.ORGANISATION, MembershipForm.NETWORKING): 6,
    (MemberKind.INDIVIDUAL, MembershipForm.INDIVIDUAL): 1,
}
# Years in which every member has paid in full (the reminder list is empty).
SETTLED_YEARS = (2023, 2024)


# Annual meetings (årsmöten): held on | notes. The dates are invented, all in April.
ANNUAL_MEETINGS = """
2023-04-20 | Ordinarie årsmöte, digitalt och på plats i Stockholm
2024-04-18 | Ordinarie årsmöte, digitalt och på plats i Stockholm
2025-04-24 | Ordinarie årsmöte, digitalt och på plats i Göteborg
2026-04-23 | Ordinarie årsmöte, digitalt
"""

# Board seats, election by election. Columns:
#   elected at (meeting date) | role | person | organisation (exact member name) | term in years
# A seat lasts until the annual meeting of (election year + term). Every person is invented.
BOARD_SEATS = """
2023-04-20 | ordförande      | Gunilla Ahlqvist | Stockholms Stadsmission              | 1
2023-04-20 | ledamot         | Tomas Berglöf    | Childx                               | 1
2023-04-20 | ledamot         | Agneta Lindqvist | Frälsningsarmén                      | 1
2023-04-20 | ledamot         | Rebecka Holm     | Terrafem                             | 1
2023-04-20 | ledamot         | Hanna Lundmark   | Roks                                 | 2
2023-04-20 | ledamot         | Stefan Rydén     | Stiftelsen Fristad Mälardalen        | 1
2023-04-20 | ledamot         | Maria Sjölund    | Missionsförsamlingen Källan i Örebro | 1
2024-04-18 | ordförande      | Tomas Berglöf    | Childx                               | 2
2024-04-18 | ledamot         | Agneta Lindqvist | Frälsningsarmén                      | 1
2024-04-18 | ledamot         | Bodil Sjöberg    | Terrafem                             | 2
2024-04-18 | ledamot         | Cecilia Norén    | Stockholms Stadsmission              | 1
2024-04-18 | ledamot         | Oskar Fransson   | Göteborgs Räddningsmission           | 2
2025-04-24 | kassör          | Agneta Lindqvist | Frälsningsarmén                      | 2
2025-04-24 | ledamot         | Cecilia Norén    | Stockholms Stadsmission              | 1
2025-04-24 | ledamot         | Josefin Almqvist | Roks                                 | 2
2025-04-24 | ledamot         | Lina Hermansson  | Göteborgs Räddningsmission           | 1
2026-04-23 | ordförande      | Tomas Berglöf    | Childx                               | 2
2026-04-23 | vice ordförande | Bodil Sjöberg    | Terrafem                             | 2
2026-04-23 | ledamot         | Lina Hermansson  | Göteborgs Räddningsmission           | 2
2026-04-23 | ledamot         | Sanna Jonsson    | Kvinnojouren i Jämtlands län         | 1
"""

# Replacements chosen between meetings (fyllnadsval): (person, elected at, first day on the
# board). The seat belongs to the term of the meeting but starts later.
STARTS_LATE: list[tuple[str, str, str]] = [
    ("Lina Hermansson", "2025-04-24", "2025-11-13"),
]

# Seats left before their term ran out: (person, elected at, last day on the board, reason).
LEFT_EARLY: list[tuple[str, str, str, str]] = [
    (
        "Oskar Fransson",
        "2024-04-18",
        "2025-09-30",
        "Avgick på egen begäran efter byte av tjänst",
    ),
]

# Delegates (ombud) at the 2024 annual meeting: member | delegate | present (ja/nej).
# Most full members sent one; Brobyggarna Norr, Fyrljuset Karlskrona and Öppen Dörr Sundsvall
# did not. One networking member sent an observer.
ATTENDANCE_2024 = """
Frälsningsarmén                      | Lars Envall        | ja
Terrafem                             | Eva Nyström        | ja
Stockholms Stadsmission              | Mikael Hellström   | ja
Roks                                 | Ulrika Hedlund     | ja
Göteborgs Räddningsmission           | Johan Söderlund    | ja
Stiftelsen Fristad Mälardalen        | Camilla Björklund  | ja
Föreningen Vägskälet i Malmö         | Anders Mårtensson  | ja
Samfundet Hoppets Hamn Norrköping    | Per Nordlund       | ja
Missionsförsamlingen Källan i Örebro | Ingrid Sandell     | nej
Föreningen Ankarplatsen Gävle        | Magnus Boman       | ja
Stödföreningen Nya Steg Västerås     | Johanna Engström   | ja
Childx                               | Fredrik Strand     | ja
Stiftelsen Skyddsnätet Uppsala       | Henrik Dahlberg    | ja
Stiftelsen Kompassrosen Halmstad     | Annika Åberg       | ja
Kvinno- och tjejjouren i Umeå        | Ida Norberg        | ja
Stiftelsen Lyktan Luleå              | Åsa Lindahl        | nej
Nätverket Trygga Gränser Öresund     | Sara Wallin        | ja
"""
ATTENDANCE_MEETING = "2024-04-18"

# The board paragraph of the 2024 report, as the build must reproduce it (people invented).
REPORT_BOARD_YEAR = 2024
REPORT_BOARD_OPENING = (
    "Plattformens styrelse har sedan årsmötet i april 2024 bestått av 6 ledamöter:"
)
REPORT_BOARD = (
    (Role.CHAIR, "Childx"),
    (Role.MEMBER, "Frälsningsarmén"),
    (Role.MEMBER, "Terrafem"),
    (Role.MEMBER, "Stockholms Stadsmission"),
    (Role.MEMBER, "Roks"),
    (Role.MEMBER, "Göteborgs Räddningsmission"),
)

# The calendar registers: networks, activities and advocacy submissions. Each row is the fields
# as a user would type them in the forms (the keys of parse_network_fields,
# parse_activity_fields and parse_submission_fields), plus:
#   "uid": the activity's or submission's fixed uid (the ICS UID is built from it, so it must
#          not change between builds; new_uid() would give a new one on every run);
#   "network": the exact name of the network an activity was participation in.
# The report year's month lists come from section "Löpande verksamhet (månadsvis)" of the 2024
# report; what the report tells elsewhere (two platform meetings, two member coffees, the EU
# platform in the autumn, the TIP reporting) is there too, with "in_report": "nej" because it
# is not a line of the month list. Dates, times and places are invented. The minister the
# report names is "jämställdhetsministern" here: no real person's name in the demo.
Fields = dict[str, str]

# Today as the fields are read (no row uses a relative date; the demo's "now" is mid-2026).
PARSE_TODAY = date(2026, 6, 1)

EU_PLATFORM = "EU Civil Society Platform Against Human Trafficking"
GRETA_NETWORK = "GRETA:s nätverk för specialiserade jurister och civilsamhällesorganisationer"
OSCE_NETWORK = "CSO-nätverket för OSCE/ODIHR"
PROJECT_FRAUD = "Project FRAUD"
DIGITAL_OUTREACH = "Nationellt digitalt nätverk för uppsökande arbete online"
WEST_SWEDEN = (
    "Regionalt samverkansnätverk för Västra Götaland mot prostitution och människohandel "
    "för sexuella ändamål"
)

# "Internationellt kunskapsutbyte" and "Kunskapsutbyte" in the 2024 report. The report gives no
# start date for the older memberships, so they have none; the two joined in 2024 (invented
# days). No contact people: an invented name is not attached to a real organisation. "about"
# and "meets" are written to follow the name in the report's sentence ("…, ett forum för …,
# som drivs av … och träffas …"), in the project's own words.
NETWORKS: list[Fields] = [
    {
        "name": EU_PLATFORM,
        "about": "ett forum för civilsamhället i EU",
        "organiser": "Europeiska kommissionen",
        "role": "medlemsorganisation",
        "meets": "normalt två gånger per år i Bryssel eller online",
        "notes": "Deltog vid ett tillfälle hösten 2024.",
    },
    {
        "name": GRETA_NETWORK,
        "organiser": "Europarådet (GRETA)",
        "role": "medlem",
        "meets": "ungefär en gång per år, efter inbjudan",
        "notes": "”GRETA:s lawyers network”.",
    },
    {
        "name": OSCE_NETWORK,
        "about": "civilsamhällets kontaktnät för OSCE:s arbete mot människohandel",
        "organiser": "OSCE/ODIHR",
        "role": "medlem",
        "meets": "digitalt några gånger per år",
    },
    {
        "name": PROJECT_FRAUD,
        "organiser": "Östersjöstaternas råd",
        "role": "partner",
        "meets": "vid workshoppar och studieresor inom projektet",
        "notes": (
            "Nationella stödprogrammet (NSP) är samarbetspartner. I maj 2024 höll NSP en "
            "workshop med Försäkringskassan inom projektet och deltog i en studieresa som "
            "bekostades av Östersjöstaternas råd."
        ),
    },
    {
        "name": DIGITAL_OUTREACH,
        "since": "2024-09-02",
        "role": "medlem",
        "meets": "digitalt varannan månad",
        "notes": "Uppsökande arbete online riktat till personer utsatta för sexuell exploatering.",
    },
    {
        "name": WEST_SWEDEN,
        "since": "2024-11-05",
        "role": "medlem",
        "meets": "en gång per termin",
    },
]

# "Löpande verksamhet (månadsvis)" 2024, month by month, as activities. A line that is a
# submission (debate articles, the sakråd, the statistics report handed over, the framställan)
# is in SUBMISSIONS instead, and April's "Årsmöte" is the annual meeting of ANNUAL_MEETINGS:
# the calendar derives both, so neither is typed twice. Mars has nothing, as in the report.
ACTIVITIES_2024: list[Fields] = [
    # Januari
    {
        "uid": "demo-2024-01-mote-adep-brottsofferstod",
        "when": "2024-01-25",
        "starts_at": "10:00",
        "ends_at": "11:30",
        "title": (
            "Möte med jämställdhetsministern och Arbetsmarknadsdepartementet om brister i "
            "brottsofferstödet och behovet av en ny handlingsplan mot prostitution och "
            "människohandel"
        ),
        "category": "påverkan",
        "location": "Arbetsmarknadsdepartementet, Stockholm",
    },
    {
        "uid": "demo-2024-01-certifiering-umea",
        "when": "2024-01-30",
        "title": "Kvinno- och tjejjouren i Umeå certifierades för NSP",
        "category": "certifiering",
        "participants": "Kvinno- och tjejjouren i Umeå",
    },
    # Februari
    {
        "uid": "demo-2024-02-medel-socialstyrelsen",
        "when": "2024-02-07",
        "title": "Besked om beviljade medel från Socialstyrelsen",
        "category": "intern",
        "notes": (
            "Medel för 2024–2025, delvis för efterfrågeprojektet; mindre än sökt, så den nya "
            "kampanjen mot efterfrågan prioriteras."
        ),
    },
    {
        "uid": "demo-2024-02-rundabord-grevio",
        "when": "2024-02-22",
        "starts_at": "13:00",
        "ends_at": "15:30",
        "title": (
            "Rundabordssamtal om GREVIO:s besök i Sverige inför den första tematiska "
            "utvärderingen av Sveriges efterlevnad av Istanbulkonventionen"
        ),
        "category": "möte",
        "location": "Stockholm",
    },
    # Mars: nothing.
    # April (also: the sakråd and the statistics report in SUBMISSIONS, the annual meeting)
    {
        "uid": "demo-2024-04-halvdag-a-krim",
        "when": "2024-04-09",
        "starts_at": "09:00",
        "ends_at": "12:00",
        "title": "Halvdag om brottsofferperspektiv i A-krimssamarbetet",
        "category": "utbildning/event",
        "location": "Stockholm",
    },
    # Maj
    {
        "uid": "demo-2024-05-ny-kanslisamordnare",
        "when": "2024-05-06",
        "title": "Anställde ny kanslisamordnare och projektutvecklare",
        "category": "intern",
        "notes": "Heltid från juni: kanslisamordning och projektutveckling av metodstöd.",
    },
    {
        "uid": "demo-2024-05-mote-jamstalldhetsmyndigheten",
        "when": "2024-05-14",
        "starts_at": "10:00",
        "ends_at": "11:30",
        "title": "Möte med Jämställdhetsmyndigheten om översyn av samverkan",
        "category": "möte",
        "location": "Digitalt (Teams)",
    },
    # Juni (also: the statistics report and its debate article in SUBMISSIONS)
    {
        "uid": "demo-2024-06-rundabord-beskattning",
        "when": "2024-06-05",
        "starts_at": "10:00",
        "ends_at": "12:00",
        "title": (
            "Deltog i rundabordssamtal för att hämta in erfarenheter och synpunkter på frågan "
            "om beskattning av inkomster från prostitution"
        ),
        "category": "möte",
        "location": "Stockholm",
    },
    {
        "uid": "demo-2024-06-dialogmote-styrning",
        "when": "2024-06-12",
        "starts_at": "13:00",
        "ends_at": "15:00",
        "title": (
            "Dialogmöte om en stärkt långsiktig styrning av arbetet mot könsrelaterat våld "
            "och hedersrelaterat våld och förtryck"
        ),
        "category": "möte",
        "location": "Digitalt (Teams)",
    },
    # Juli: known by month only.
    {
        "uid": "demo-2024-07-uppstart-metodstod",
        "when": "2024-07",
        "title": "Uppstart av arbetet med metodstöd",
        "category": "intern",
        "notes": "Metodstöd för uppsökande arbete mot utsatta i sexuell exploatering.",
    },
    # Augusti
    {
        "uid": "demo-2024-08-heldag-styrelsen",
        "when": "2024-08-21",
        "starts_at": "09:30",
        "ends_at": "16:00",
        "title": "Heldag med styrelsearbete",
        "category": "styrelse",
        "location": "Göteborg",
    },
    {
        "uid": "demo-2024-08-osce-odihr",
        "when": "2024-08-27",
        "starts_at": "15:00",
        "ends_at": "16:30",
        "title": "Möte i CSO-nätverket för OSCE/ODIHR",
        "category": "nätverk",
        "location": "Digitalt",
        "network": OSCE_NETWORK,
    },
    # September: the framställan in SUBMISSIONS.
    # Oktober
    {
        "uid": "demo-2024-10-input-metodstod",
        "when": "2024-10-08",
        "starts_at": "13:00",
        "ends_at": "15:30",
        "title": "Experter lämnade input till metodstödet",
        "category": "möte",
        "location": "Digitalt (Teams)",
        "participants": "Referensgrupp med experter från medlemsorganisationerna",
    },
    {
        "uid": "demo-2024-10-greta-lawyers-network",
        "when": "2024-10-16",
        "starts_at": "09:30",
        "ends_at": "16:30",
        "title": "Deltog i GRETA:s lawyers network",
        "category": "nätverk",
        "location": "Strasbourg",
        "network": GRETA_NETWORK,
    },
    # November
    {
        "uid": "demo-2024-11-hostens-plattformsmote",
        "when": "2024-11-14",
        "starts_at": "13:00",
        "ends_at": "16:00",
        "title": "Höstens plattformsmöte",
        "category": "plattformsmöte",
        "location": "Stockholm",
        "participants": "Plattformens medlemmar",
    },
    {
        "uid": "demo-2024-11-mr-dagarna",
        "when": "2024-11-21",
        "ends_on": "2024-11-22",
        "title": (
            "Deltog på MR-dagarna tillsammans med Räddningsmissionen och pratade om Sveriges "
            "brister i sina åtaganden gentemot brottsoffren"
        ),
        "category": "utbildning/event",
        "participants": "Göteborgs Räddningsmission",
    },
    # December (one line in the report, two things: the certification and the proof)
    {
        "uid": "demo-2024-12-certifiering-jamtland",
        "when": "2024-12-04",
        "title": "Kvinnojouren i Jämtlands län certifierades för NSP",
        "category": "certifiering",
        "participants": "Kvinnojouren i Jämtlands län",
    },
    {
        "uid": "demo-2024-12-metodstod-korrektur",
        "when": "2024-12-13",
        "title": "Metodstödet skickades på sista korrektur för att kunna gå till tryck i januari",
        "category": "intern",
    },
    # Told elsewhere in the 2024 report, not lines of its month list.
    {
        "uid": "demo-2024-05-varens-plattformsmote",
        "when": "2024-05-23",
        "starts_at": "13:00",
        "ends_at": "16:00",
        "title": "Vårens plattformsmöte",
        "category": "plattformsmöte",
        "location": "Digitalt (Teams)",
        "participants": "Plattformens medlemmar",
        "notes": "Ett av årets två plattformsmöten (”Kunskapsutbyte”), inte i månadslistan.",
        "in_report": "nej",
    },
    {
        "uid": "demo-2024-05-fraud-workshop",
        "when": "2024-05-28",
        "starts_at": "09:00",
        "ends_at": "15:00",
        "title": "NSP höll workshop med Försäkringskassan inom Project FRAUD",
        "category": "utbildning/event",
        "participants": "Nationella stödprogrammet (NSP), Försäkringskassan",
        "notes": "Nämns under ”Kunskapsöverföring”, inte i månadslistan.",
        "in_report": "nej",
        "network": PROJECT_FRAUD,
    },
    {
        "uid": "demo-2024-05-kampanj-215",
        "when": "2024-05",
        "title": "Kampanj 215 lanserades med digital spridning, tryckt material och annonsering",
        "category": "kampanj",
        "participants": "Terrafem, Roks",
        "notes": "Lanserades ”under våren 2024”; beskrivs under ”Kampanj 215”.",
        "in_report": "nej",
    },
    {
        "uid": "demo-2024-10-eu-plattformen",
        "when": "2024-10-29",
        "starts_at": "09:30",
        "ends_at": "17:00",
        "title": "Deltog i höstens möte med EU Civil Society Platform Against Human Trafficking",
        "category": "nätverk",
        "location": "Bryssel",
        "notes": "”Plattformen deltog vid ett tillfälle under hösten.”",
        "in_report": "nej",
        "network": EU_PLATFORM,
    },
    {
        "uid": "demo-2024-11-natverksmote-nsp",
        "when": "2024-11-27",
        "starts_at": "10:00",
        "ends_at": "12:00",
        "title": "Nätverksmöte för de certifierade aktörerna inom NSP",
        "category": "nätverk",
        "location": "Digitalt (Teams)",
        "in_report": "nej",
    },
]

# Later years: what the 2024 report says is coming (the method support printed in January,
# the new website early in 2025, the "köp inte" page in the spring), the platform meetings of
# spring and autumn, and in 2026 a spring meeting just after the demo's "today" (2026-06-01).
ACTIVITIES_LATER: list[Fields] = [
    {
        "uid": "demo-2025-01-metodstod-tryck",
        "when": "2025-01-20",
        "title": "Metodstödet för uppsökande arbete gick till tryck",
        "category": "intern",
    },
    {
        "uid": "demo-2025-02-ny-hemsida",
        "when": "2025-02",
        "title": "Ny hemsida och grafisk profil lanserades",
        "category": "media",
    },
    {
        "uid": "demo-2025-04-kop-inte",
        "when": "2025-04",
        "title": "Kampanjen ”Köp inte” lanserades med en landningssida om att sluta köpa sex",
        "category": "kampanj",
    },
    {
        "uid": "demo-2025-05-varens-plattformsmote",
        "when": "2025-05-15",
        "starts_at": "13:00",
        "ends_at": "16:00",
        "title": "Vårens plattformsmöte",
        "category": "plattformsmöte",
        "location": "Göteborg",
        "participants": "Plattformens medlemmar",
    },
    {
        "uid": "demo-2025-05-eu-plattformen",
        "when": "2025-05-27",
        "starts_at": "09:30",
        "ends_at": "16:00",
        "title": "Deltog i vårens möte med EU Civil Society Platform Against Human Trafficking",
        "category": "nätverk",
        "location": "Online",
        "in_report": "nej",
        "network": EU_PLATFORM,
    },
    {
        "uid": "demo-2025-11-hostens-plattformsmote",
        "when": "2025-11-13",
        "starts_at": "13:00",
        "ends_at": "16:00",
        "title": "Höstens plattformsmöte",
        "category": "plattformsmöte",
        "location": "Stockholm",
        "participants": "Plattformens medlemmar",
    },
    {
        "uid": "demo-2026-06-varens-plattformsmote",
        "when": "2026-06-04",
        "starts_at": "13:00",
        "ends_at": "16:00",
        "title": "Vårens plattformsmöte",
        "category": "plattformsmöte",
        "location": "Stockholm",
        "participants": "Plattformens medlemmar",
        "notes": "Tema: uppföljning av handlingsplanen 2025–2027.",
    },
    {
        "uid": "demo-2026-11-hostens-plattformsmote",
        "when": "2026-11-12",
        "starts_at": "13:00",
        "ends_at": "16:00",
        "title": "Höstens plattformsmöte",
        "category": "plattformsmöte",
        "location": "Digitalt (Teams)",
        "participants": "Plattformens medlemmar",
    },
]

# Board meetings besides August 2024's day (which the report names): day | time | place |
# title. Not report lines. The constituting meeting follows the annual meeting the same day.
BOARD_MEETINGS = """
2024-01-11 | 17:00–19:00 | Digitalt (Teams) | Styrelsemöte
2024-04-18 | 16:30–17:00 | Stockholm        | Konstituerande styrelsemöte
2024-06-13 | 17:00–19:00 | Digitalt (Teams) | Styrelsemöte
2024-09-26 | 17:00–19:00 | Digitalt (Teams) | Styrelsemöte
2024-12-12 | 17:00–19:00 | Digitalt (Teams) | Styrelsemöte
2025-02-11 | 17:00–19:00 | Digitalt (Teams) | Styrelsemöte
2025-04-24 | 16:30–17:00 | Göteborg         | Konstituerande styrelsemöte
2025-09-23 | 17:00–19:00 | Digitalt (Teams) | Styrelsemöte
2026-03-10 | 17:00–19:00 | Digitalt (Teams) | Styrelsemöte
2026-04-23 | 16:30–17:00 | Digitalt (Teams) | Konstituerande styrelsemöte
2026-06-16 | 17:00–19:00 | Digitalt (Teams) | Styrelsemöte
"""

# Member coffees (medlemsfikor), day | time | place: "två medlemsfikor" in 2024 ("Kunskapsutbyte")
# and later ones. Not report lines.
MEMBER_COFFEES = """
2024-02-20 | 09:00–10:00 | Digitalt (Teams)
2024-09-17 | 09:00–10:00 | Digitalt (Teams)
2025-09-16 | 09:00–10:00 | Digitalt (Teams)
2026-02-24 | 09:00–10:00 | Digitalt (Teams)
2026-09-15 | 09:00–10:00 | Digitalt (Teams)
"""

# Advocacy submissions. Those sent, published or answered are lines of their month in the
# calendar (derived, never typed as activities too); a draft is not. Co-signers by exact
# member name, as typed in the form.
SUBMISSIONS: list[Fields] = [
    {
        "uid": "demo-2024-01-debattartikel-gp",
        "kind": "debattartikel",
        "title": (
            "Debattartikel i Göteborgsposten om straffriheten gällande människohandel för "
            "sexuella ändamål"
        ),
        "when": "2024-01-16",
        "status": "publicerad",
        "recipient": "Göteborgsposten",
        "co_signers": "Terrafem, Roks",
        "reference": "GP Debatt 2024-01-16",
    },
    {
        "uid": "demo-2024-04-sakrad-peking",
        "kind": "sakråd/input",
        "title": "Sakråd med anledning av Sveriges rapportering till FN enligt Pekingplattformen",
        "when": "2024-04-11",
        "status": "inskickad",
        "recipient": "Arbetsmarknadsdepartementet",
        "notes": "Muntligt inspel vid sakrådet, skriftlig komplettering efteråt.",
    },
    {
        "uid": "demo-2024-04-statistikrapporten-overlamnad",
        "kind": "rapport",
        "title": (
            "Statistikrapporten trycktes och överlämnades till Arbetsmarknadsdepartementet "
            "och Justitiedepartementet, inklusive jämställdhetsministern"
        ),
        "when": "2024-04-25",
        "status": "inskickad",
        "recipient": "Arbetsmarknadsdepartementet och Justitiedepartementet",
        "reference": "Civilsamhällets lägesrapport 2023",
    },
    {
        "uid": "demo-2024-06-statistikrapport-debattartikel",
        "kind": "debattartikel",
        "title": "Publicering av statistikrapporten och debattartikel kopplad till denna",
        "when": "2024-06-18",
        "status": "publicerad",
        "reference": "Civilsamhällets lägesrapport 2023",
        "notes": "Rapporten finns att läsa på Plattformens hemsida.",
    },
    {
        "uid": "demo-2024-09-framstallan-handlingsplan",
        "kind": "framställan/skrivelse",
        "title": (
            "Lämnade in framställan till den nya nationella handlingsplanen mot utnyttjande i "
            "prostitution och människohandel 2025–2027"
        ),
        "when": "2024-09-20",
        "status": "inskickad",
        "recipient": "Arbetsmarknadsdepartementet",
    },
    {
        "uid": "demo-2024-12-tip-rapportering",
        "kind": "TIP-rapportering",
        "title": "Rapportering till US Department of State inför Trafficking in Persons Report",
        "when": "2024-12-10",
        "status": "inskickad",
        "recipient": "US Department of State, via amerikanska ambassaden i Stockholm",
        "notes": "Beskrivs under ”Trafficking in persons report”, inte i månadslistan.",
        "in_report": "nej",
    },
    {
        "uid": "demo-2025-06-statistikrapport-debattartikel",
        "kind": "debattartikel",
        "title": "Publicering av statistikrapporten för 2024 och debattartikel kopplad till denna",
        "when": "2025-06-17",
        "status": "publicerad",
        "reference": "Civilsamhällets lägesrapport 2024",
    },
    {
        "uid": "demo-2025-12-tip-rapportering",
        "kind": "TIP-rapportering",
        "title": "Rapportering till US Department of State inför Trafficking in Persons Report",
        "when": "2025-12-09",
        "status": "inskickad",
        "recipient": "US Department of State, via amerikanska ambassaden i Stockholm",
        "in_report": "nej",
    },
    {
        "uid": "demo-2026-06-debattartikel-utkast",
        "kind": "debattartikel",
        "title": (
            "Debattartikel om uppföljningen av handlingsplanen mot utnyttjande i prostitution "
            "och människohandel"
        ),
        "when": "2026-06",
        "status": "utkast",
        "co_signers": "Stockholms Stadsmission",
        "notes": "Utkast till styrelsen; tänkt att skickas före sommaren.",
    },
]

# The 2024 month list as the report has it: report lines per month (December's one line tells
# two things and is two activities here). Submissions and the annual meeting count too.
REPORT_LINES_2024 = (3, 2, 0, 4, 2, 3, 1, 2, 1, 2, 2, 2)
# "Plattformen deltog vid ett tillfälle under hösten" (EU Civil Society Platform).
AUTUMN = (9, 10, 11)

# --- the report's written texts (report text / report texts) -------------------------------

REPORT_TEXTS_YEAR = 2024
# The 2024 report's written sections in the project's own words, with the report's facts.
# Key: (heading of the year, or "" for the outline's; the text, one line per paragraph).
REPORT_TEXTS_2024: dict[str, tuple[str, str]] = {
    "intro": (
        "",
        "Plattformen Civila Sverige mot Människohandel, kallad Plattformen, har sedan 2013 fört "
        "samman organisationer och aktörer i civilsamhället som stöttar människor som utsatts "
        "för människohandel eller liknande exploatering. Medlemmarna driver bland annat skyddade "
        "boenden, uppsökande arbete, juridisk rådgivning, tolkstöd och samtalsstöd, och utifrån "
        "den gemensamma erfarenheten påverkar vi beslutsfattare. Att medlemmarna arbetar på "
        "olika sätt gör att vi når fler och ser problemen från fler håll. Plattformen blev 2017 "
        "en ideell förening, och både organisationer och enskilda personer i civilsamhället "
        "kan bli medlemmar.",
    ),
    "uppdrag": (
        "",
        "Plattformen är en ideell organisation, fri från partipolitik och religion, som bygger "
        "sitt arbete på de mänskliga rättigheterna. Vi arbetar för att:\n"
        "- den som utsatts för människohandel, människohandelsliknande exploatering eller "
        "prostitution ska få sina mänskliga rättigheter tillgodosedda, och för att "
        "människohandel förebyggs och bekämpas;\n"
        "- utsatta, deras anhöriga och personer i riskzonen ska kunna leva ett värdigt liv;\n"
        "- internationella överenskommelser, konventioner och verktyg för mänskliga rättigheter "
        "genomförs med de utsattas bästa i främsta rummet;\n"
        "- insatser för utsatta, deras familjer och personer i riskzonen samordnas och håller "
        "god kvalitet, både för den enskilda och på samhällsnivå.",
    ),
    "organisationsutveckling": (
        "",
        "Under 2024 hade Plattformen två heltidsanställda: en för det nationella "
        "stödprogrammet och, från juni, en kanslisamordnare som också utvecklar projekt – ett "
        "metodstöd för uppsökande arbete bland personer utsatta för sexuell exploatering och "
        "ett projekt mot efterfrågan som vänder sig till män som köper sex.",
    ),
    "lagesrapport": (
        "Civilsamhällets lägesrapport 2023",
        "Plattformen samlar varje år in statistik från medlemmarna. Under våren 2024 "
        "sammanställdes siffrorna för 2023, och i augusti kom lägesrapporten ut, med en "
        "debattartikel i samband med den. Rapporten finns på Plattformens hemsida.",
    ),
    "nsp": (
        "",
        "Det nationella stödprogrammet (NSP) ger stöd till personer som utsatts för "
        "människohandel och exploatering. Den som identifierats som ett möjligt offer kan genom "
        "NSP få insatser som kompletterar det samhället erbjuder. Målet är att alla möjliga "
        "offer i Sverige, och barn som följer med dem, får det stöd Sverige har åtagit sig att "
        "ge enligt konventionerna – oberoende av var brottet skedde och av om personen "
        "medverkar i en rättsprocess.\n"
        "Under 2024 fick 63 personer stöd med medel från NSP, av dem 7 barn i hemlandet. År "
        "2023 var antalet 68.\n"
        "Andra aktörer i civilsamhället vänder sig till NSP för råd, eller för att tillsammans "
        "hitta lösningar för den som pekats ut som offer. NSP skriver också yttranden "
        "och intyg när det behövs, till exempel i asylärenden.\n"
        "NSP hade 2024 en budget på 3,2 miljoner kronor sammanlagt, och omkring 2,53 miljoner "
        "av dem var avsatta för direkta insatser. Till de stödsökande betalades sammanlagt "
        "2 544 827 kronor ut i direktinsatser.\n"
        "I Region Nord certifierades under året två skyddade boenden, Kvinno- och tjejjouren i "
        "Umeå och Kvinnojouren i Jämtlands län; båda är öppna för kvinnor, även med barn. "
        "Därmed finns NSP nu i 5 av landets 7 polisregioner.\n"
        "NSP:s årsrapport för 2024 och mer om verksamheten finns på manniskohandel.se.",
    ),
    "paverkan": (
        "",
        "Påverkansarbetet rymmer bland annat samverkan och nätverk, medverkan vid evenemang och "
        "utbildningar samt rapporter och annat material som vi publicerar. En del av det syns "
        "i månadsöversikten ovan; här beskrivs några av årets viktigaste delar.",
    ),
    "kampanj": (
        "Kampanj 215",
        "Kampanj 215 är ett samarbete med Terrafem och Roks som inleddes 2023. Den ska öka "
        "kunskapen om "
        "det stöd och skydd civilsamhället ger kvinnor och barn – ofta där samhällets eget stöd "
        "brister och civilsamhället ensamt finns på plats.\n"
        "Våren 2024 lanserades kampanjen digitalt, med tryckt material och med annonser på "
        "utvalda platser, samtidigt med Plattformens rapport om bristerna i skyddet och stödet "
        "i Sverige och de åtgärder vi vill se enligt vårt idéprogram.\n"
        "Under året skickades materialet ut per post, och regionkoordinatorer, polis och "
        "civilsamhälle fick det vid samverkansträffar. Affischer sattes upp på gratisytor, "
        "hotell och vandrarhem i Umeå fick material, och det spreds i hotellnätverk mot "
        "människohandel.\n"
        "Via materialet kommer man till Plattformens landningssida, på engelska, franska, "
        "polska, rumänska, spanska, thai och ukrainska, som berättar om det skydd och "
        "stöd civilsamhället erbjuder kvinnor och barn som kan vara utsatta i prostitution och "
        "människohandel. Ett anonymt visitkort med QR-kod till sidan kan användas i uppsökande "
        "arbete, och i sociala medier har vi berättat hur materialet beställs.",
    ),
    "tip": (
        "",
        "Som varje år fick Plattformen beskriva civilsamhällets arbete och vilka trender vi "
        "ser för US Department of State, som ger ut Trafficking in Persons Report (TIP). Vår "
        "rapportering lämnades i slutet av 2024.",
    ),
    "efterfragan": (
        "",
        "Socialstyrelsen beviljade Plattformen medel för 2024–2025, bland annat för att "
        "vidareutveckla porträtt torsk och utveckla en ny kampanj som riktar sig mot "
        "efterfrågan. Eftersom vi fick mindre än vi sökt prioriterade vi kampanjen, som "
        "bygger på det amerikanska projektet Don't buy it.\n"
        "Under 2024 togs konceptet för kampanjen ”köp inte” fram. Den blir en landningssida om "
        "forskningen på området, om vad vi vet om män som köper sex och om vad den som vill "
        "sluta kan göra, med information om sexuell exploatering och om var man kan få hjälp. "
        "Sidan lanseras våren 2025.",
    ),
    "hemsida": (
        "",
        "Kanslisamordnaren har under 2024 arbetat fram en ny hemsida och en ny grafisk profil "
        "tillsammans med en webbyrå, så att sidan blir lättare att hitta i och använda. Under "
        "hösten utvecklades idén vidare: den nya hemsidan ska passa brottsutsatta bättre och "
        "lyfta fram medlemmarna mer. Hemsidan och profilen lanseras i början av 2025.",
    ),
    "kunskapsoverforing": (
        "",
        "Även under 2024 har studenter, främst från universitet men också från gymnasiet, bett "
        "Plattformen om intervjuer, resurser och rapporter. Vi försöker svara på så många "
        "förfrågningar som möjligt, eftersom det ökar kunskapen om vår målgrupp och om "
        "civilsamhällets arbete.\n"
        "NSP har fortsatt att samarbeta i Project FRAUD, ett projekt under Östersjöstaternas "
        "råd. Inom projektet höll NSP i maj en workshop tillsammans med Försäkringskassan och "
        "deltog i en studieresa som Östersjöstaternas råd bekostade.",
    ),
}


def _check_invented_contact(row: Row) -> None:
    """Refuse contact data outside the invented ranges, so a typo cannot ship a real one."""
    email = str(row.get("email", ""))
    if email and not email.endswith(("@example.org", "@example.se")):
        raise ValueError(f"{row['name']}: e-mail must be at example.org or example.se")
    phone = str(row.get("phone", ""))
    if phone and not (
        phone.startswith(FICTION_PHONE_PREFIX)
        and phone[len(FICTION_PHONE_PREFIX) :].isdigit()
        and int(phone[len(FICTION_PHONE_PREFIX) :]) in FICTION_PHONE_LAST
    ):
        raise ValueError(f"{row['name']}: phone must be in 070-174 06 05 … 070-174 06 99")


def member_from_row(row: Row) -> Member:
    """One table row → a Member, through the same parsing and rules as the forms."""
    _check_invented_contact(row)
    fields = {key: value for key, value in row.items() if isinstance(value, str)}
    member = create_member(parse_member_fields(fields, PARSE_TODAY))
    form_change = row.get("form_change")
    if isinstance(form_change, tuple):
        effective, new_form = form_change
        draft = parse_member_fields(
            {**fields, "form": new_form, "form_from": effective}, PARSE_TODAY
        )
        member = apply_edit(member, draft, today=date.fromisoformat(effective))
    ended = row.get("ended")
    if isinstance(ended, tuple):
        day, reason = ended
        member = member.end(date.fromisoformat(day), reason)
    return member


def build_members() -> list[Member]:
    return [member_from_row(row) for row in MEMBERS]


def build_schedules() -> list[FeeSchedule]:
    return [
        FeeSchedule(
            year=year,
            amounts={MembershipForm(form): parse_amount(text) for form, text in amounts.items()},
        )
        for year, amounts in FEE_SCHEDULES.items()
    ]


def _member_id(ids: dict[str, int], name: str, where: str) -> int:
    if name not in ids:
        raise ValueError(f"{where}: no member named {name!r} in MEMBERS")
    return ids[name]


def build_overrides(ids: dict[str, int]) -> list[FeeOverride]:
    return [
        FeeOverride(
            member_id=_member_id(ids, name, f"FEE_OVERRIDES {year}"),
            year=year,
            amount=parse_amount(amount) if amount is not None else None,
            note=note,
        )
        for name, year, amount, note in FEE_OVERRIDES
    ]


def payments_from_table(year: int, table: str, ids: dict[str, int]) -> list[Payment]:
    """One year's payment table (``member | amount | paid on | reference [| note]``)."""
    payments = []
    for number, line in enumerate(table.strip().splitlines(), start=1):
        where = f"PAYMENTS_{year} row {number}"
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) not in (4, 5):
            raise ValueError(f"{where}: 4 or 5 columns expected, got {len(cells)}")
        name, amount, paid_on, reference = cells[:4]
        payments.append(
            Payment(
                member_id=_member_id(ids, name, where),
                fee_year=year,
                amount=parse_amount(amount),
                paid_on=date.fromisoformat(paid_on),
                reference=reference,
                note=cells[4] if len(cells) == 5 else "",
            )
        )
    return payments


def build_payments(ids: dict[str, int]) -> list[Payment]:
    return [p for year, table in PAYMENTS.items() for p in payments_from_table(year, table, ids)]


def check_fees(
    members: list[Member],
    schedules: list[FeeSchedule],
    overrides: list[FeeOverride],
    payments: list[Payment],
) -> None:
    """Refuse fee data that does not tell the story above (raise ValueError)."""
    by_id = {m.id: m for m in members}
    for p in payments:
        member = by_id[p.member_id]
        if first_day_in_year(member, p.fee_year) is None:
            raise ValueError(f"{member.name} was not a member in {p.fee_year} but pays for it")
        if p.paid_on.year != p.fee_year or p.paid_on < member.joined:
            raise ValueError(f"{member.name}: payment for {p.fee_year} dated {p.paid_on}")
    by_year = {s.year: s for s in schedules}
    for year in SETTLED_YEARS:
        rows = fee_year(members, year, by_year.get(year), overrides, payments)
        unsettled = [r.member.name for r in rows if r.status is not FeeStatus.PAID]
        if unsettled:
            raise ValueError(f"{year} should be fully paid; not paid: {', '.join(unsettled)}")
    rows = fee_year(members, REPORT_YEAR, by_year.get(REPORT_YEAR), overrides, payments)
    figures = paying_figures(rows, REPORT_YEAR)
    if dict(figures.by_kind_and_form) != REPORT_PAYING:
        raise ValueError(
            f"paying members {REPORT_YEAR}: {dict(figures.by_kind_and_form)}, "
            f"the annual report says {REPORT_PAYING}"
        )


def _cells(table: str, name: str) -> list[tuple[str, list[str]]]:
    """A ``|`` table → (where, cells) per non-empty line."""
    return [
        (f"{name} row {number}", [cell.strip() for cell in line.split("|")])
        for number, line in enumerate(table.strip().splitlines(), start=1)
    ]


def build_meetings() -> list[AnnualMeeting]:
    meetings = []
    for where, cells in _cells(ANNUAL_MEETINGS, "ANNUAL_MEETINGS"):
        if len(cells) != 2:
            raise ValueError(f"{where}: 2 columns expected, got {len(cells)}")
        meetings.append(AnnualMeeting(held_on=date.fromisoformat(cells[0]), notes=cells[1]))
    return meetings


def _meeting_id(meeting_ids: dict[str, int], held_on: str, where: str) -> int:
    if held_on not in meeting_ids:
        raise ValueError(f"{where}: no annual meeting on {held_on} in ANNUAL_MEETINGS")
    return meeting_ids[held_on]


def build_seats(meeting_ids: dict[str, int], ids: dict[str, int]) -> list[BoardSeat]:
    """The seat table with the late starts and early leaves applied to their seats."""
    seats = []
    for where, cells in _cells(BOARD_SEATS, "BOARD_SEATS"):
        if len(cells) != 5:
            raise ValueError(f"{where}: 5 columns expected, got {len(cells)}")
        held_on, role, person, organisation, term = cells
        seats.append(
            BoardSeat(
                person=person,
                role=Role(role),
                organisation_id=_member_id(ids, organisation, where),
                elected_at=_meeting_id(meeting_ids, held_on, where),
                term_years=int(term),
            )
        )

    def index(person: str, held_on: str, where: str) -> int:
        elected_at = _meeting_id(meeting_ids, held_on, where)
        found = [i for i, s in enumerate(seats) if (s.person, s.elected_at) == (person, elected_at)]
        if len(found) != 1:
            raise ValueError(f"{where}: {len(found)} seats of {person} elected {held_on}")
        return found[0]

    for person, held_on, starts_on in STARTS_LATE:
        i = index(person, held_on, "STARTS_LATE")
        seats[i] = replace(seats[i], starts_on=date.fromisoformat(starts_on))
    for person, held_on, left_on, reason in LEFT_EARLY:
        i = index(person, held_on, "LEFT_EARLY")
        seats[i] = replace(seats[i], left_on=date.fromisoformat(left_on), left_reason=reason)
    return seats


def build_attendance(ids: dict[str, int]) -> list[Attendance]:
    attendance = []
    for where, cells in _cells(ATTENDANCE_2024, "ATTENDANCE_2024"):
        if len(cells) != 3 or cells[2] not in ("ja", "nej"):
            raise ValueError(f"{where}: member | delegate | ja/nej expected")
        member, delegate, present = cells
        attendance.append(
            Attendance(
                member_id=_member_id(ids, member, where), delegate=delegate, present=present == "ja"
            )
        )
    return attendance


def check_board(
    members: list[Member],
    meetings: list[AnnualMeeting],
    seats: list[BoardSeat],
    attendance: dict[int, Attendance],
) -> None:
    """Refuse board data that breaks a seat rule, warns, or misses the report (ValueError)."""
    for seat in seats:
        try:
            warnings = check_seat(seat, seats, meetings, members)
        except ValueError as error:
            raise ValueError(f"{seat.person} ({seat.role.value}): {error}") from error
        if warnings:
            raise ValueError(f"{seat.person} ({seat.role.value}): {'; '.join(warnings)}")
    by_id = {m.id: m for m in members if m.id is not None}
    paragraph = board_paragraph(REPORT_BOARD_YEAR, seats, meetings, by_id)
    lines = paragraph.splitlines()
    if lines[0] != REPORT_BOARD_OPENING:
        raise ValueError(f"board paragraph {REPORT_BOARD_YEAR} opens {lines[0]!r}")
    elected = next(m for m in meetings if m.held_on.year == REPORT_BOARD_YEAR)
    board = board_on(elected.held_on, seats, meetings)
    got = sorted((s.role.order, by_id[s.organisation_id or 0].name) for s in board)
    want = sorted((role.order, name) for role, name in REPORT_BOARD)
    if got != want:
        raise ValueError(f"board {REPORT_BOARD_YEAR}: {got}, the annual report says {want}")
    if not (lines[2].startswith("Ordförande: ") and lines[2].endswith(" (Childx)")):
        raise ValueError(f"board paragraph {REPORT_BOARD_YEAR}: chair line {lines[2]!r}")
    day = date.fromisoformat(ATTENDANCE_MEETING)
    for member_id, mark in attendance.items():
        if not by_id[member_id].is_member_on(day):
            raise ValueError(f"{by_id[member_id].name} has a delegate but is not a member {day}")
        if not mark.delegate:
            raise ValueError(f"{by_id[member_id].name}: attendance without a delegate")


def _network_id(network_ids: dict[str, int], name: str, where: str) -> int:
    if name not in network_ids:
        raise ValueError(f"{where}: no network named {name!r} in NETWORKS")
    return network_ids[name]


def _fixed_uid(row: Fields, where: str) -> str:
    uid = row.get("uid", "")
    if not uid.startswith("demo-"):
        raise ValueError(f"{where}: a fixed uid ”demo-…” is needed, not {uid!r}")
    return uid


def build_networks() -> list[NetworkMembership]:
    return [parse_network_fields(row, PARSE_TODAY) for row in NETWORKS]


def activity_from_row(row: Fields, network_ids: dict[str, int]) -> Activity:
    """One row → an Activity, through the same parsing and rules as the activity form."""
    where = f"activity {row.get('uid', '')!r}"
    fields = {key: value for key, value in row.items() if key not in ("uid", "network")}
    if "network" in row:
        fields["network_id"] = str(_network_id(network_ids, row["network"], where))
    try:
        activity = parse_activity_fields(fields, PARSE_TODAY)
    except ValueError as error:
        raise ValueError(f"{where}: {error}") from error
    return replace(activity, uid=_fixed_uid(row, where))


def routine_rows(table: str, name: str, category: str, slug: str, title: str = "") -> list[Fields]:
    """A table of routine meetings (``day | start–end | place [| title]``) → activity rows.

    Their uid is ``demo-<day>-<slug>``: one such meeting a day.
    """
    rows = []
    for where, cells in _cells(table, name):
        if len(cells) not in (3, 4) or not (title or len(cells) == 4):
            raise ValueError(f"{where}: day | time | place{'' if title else ' | title'} expected")
        day, hours, place = cells[:3]
        starts_at, ends_at = hours.split("–")
        row_title = cells[3] if len(cells) == 4 else title
        rows.append(
            {
                "uid": f"demo-{day}-{slug}",
                "when": day,
                "starts_at": starts_at,
                "ends_at": ends_at,
                "title": row_title,
                "category": category,
                "location": place,
                "in_report": "nej",
            }
        )
    return rows


def build_activities(network_ids: dict[str, int]) -> list[Activity]:
    rows = [
        *ACTIVITIES_2024,
        *ACTIVITIES_LATER,
        *routine_rows(BOARD_MEETINGS, "BOARD_MEETINGS", "styrelse", "styrelsemote"),
        *routine_rows(
            MEMBER_COFFEES, "MEMBER_COFFEES", "medlemsfika", "medlemsfika", "Medlemsfika"
        ),
    ]
    activities = [activity_from_row(row, network_ids) for row in rows]
    return sorted(activities, key=lambda a: (a.when, a.starts_at or time.min, a.uid))


def submission_from_row(row: Fields, members: list[Member]) -> Submission:
    """One row → a Submission, through the submission form's parsing (co-signers by name)."""
    where = f"submission {row.get('uid', '')!r}"
    fields = {key: value for key, value in row.items() if key != "uid"}
    try:
        submission = parse_submission_fields(fields, PARSE_TODAY, members)
    except ValueError as error:
        raise ValueError(f"{where}: {error}") from error
    return replace(submission, uid=_fixed_uid(row, where))


def build_submissions(members: list[Member]) -> list[Submission]:
    return [submission_from_row(row, members) for row in SUBMISSIONS]


def check_calendar(
    items: list[CalendarItem],
    activities: list[Activity],
    submissions: list[Submission],
    networks: list[NetworkMembership],
) -> None:
    """Refuse calendar data that does not give the report's month list (raise ValueError)."""
    uids = [a.uid for a in activities] + [s.uid for s in submissions]
    doubled = sorted({uid for uid in uids if uids.count(uid) > 1})
    if doubled:
        raise ValueError(f"uid used twice: {', '.join(doubled)}")
    typed_twice = {a.title for a in activities} & {s.title for s in submissions}
    if typed_twice:
        raise ValueError(f"typed as activity and as submission: {sorted(typed_twice)}")
    months = month_groups(items, REPORT_YEAR)
    if [g.month for g in months] != list(range(1, 13)):
        raise ValueError(f"{REPORT_YEAR}: twelve months expected, got {len(months)}")
    for group in months:
        lines = [item.title for item in group.items if item.in_report]
        if group.month == 3 and group.items:
            raise ValueError(f"Mars {REPORT_YEAR} is empty in the report, not {len(group.items)}")
        if group.month != 3 and not lines:
            raise ValueError(f"{group.heading} {REPORT_YEAR} has no line for the report")
        if len(lines) != REPORT_LINES_2024[group.month - 1]:
            raise ValueError(
                f"{group.heading} {REPORT_YEAR}: {len(lines)} report lines, the annual report "
                f"has {REPORT_LINES_2024[group.month - 1]}: {lines}"
            )
    april = [item.title for item in months[3].items]
    if april.count(ANNUAL_MEETING_TITLE) != 1:
        raise ValueError(f"April {REPORT_YEAR}: the annual meeting once expected, got {april}")
    for submission in submissions:
        if not submission.in_calendar:
            continue
        day = submission.when.day
        found = [
            item
            for item in in_month(items, day.year, day.month)
            if item.source is Source.SUBMISSION and item.source_id == submission.id
        ]
        if len(found) != 1:
            raise ValueError(f"{submission.title}: {len(found)} times in {day:%Y-%m}, not once")
    if not any(not s.in_calendar for s in submissions):
        raise ValueError("no draft submission: the drafts list would be empty")
    (eu,) = [n for n in networks if n.name == EU_PLATFORM]
    assert eu.id is not None
    taken_part = participations(eu.id, activities, REPORT_YEAR)
    if [a.day.month in AUTUMN for a in taken_part] != [True]:
        raise ValueError(
            f"{EU_PLATFORM}: once in the autumn of {REPORT_YEAR}, the annual report says; "
            f"the calendar has {[a.when.iso() for a in taken_part]}"
        )


def build_report_texts() -> list[ReportText]:
    """2024's text for every written section, checked as the CLI checks one; the build stops if
    a written section has none. 2025 and 2026 get none: the demo shows them carried over."""
    missing = set(WRITTEN_KEYS) - set(REPORT_TEXTS_2024)
    if missing:
        raise SystemExit(f"Verksamhetstext saknas för {REPORT_TEXTS_YEAR}: {sorted(missing)}")
    return [
        written_text(REPORT_TEXTS_YEAR, key, text, heading)
        for key, (heading, text) in REPORT_TEXTS_2024.items()
    ]


# The report's April, in its order: the statistics report handed over (25 April in the demo)
# stands before the annual meeting (18 April). The start of each line the report has.
APRIL_2024_ORDER = ("Halvdag", "Sakråd", "Statistikrapporten", ANNUAL_MEETING_TITLE)
HANDOVER_UID = "demo-2024-04-statistikrapporten-overlamnad"


def order_april_2024(calendar: CalendarRepository) -> None:
    """Put April 2024 in the report's order, as the coordinator would with alt+↑ in the year
    list: the handover just before the annual meeting, everything else in date order (the
    constituting board meeting stays after the annual meeting it follows). Checked against
    the report's April (raise ValueError)."""
    items = calendar.items()
    april = in_month(items, REPORT_YEAR, 4)
    handover = next(i for i in april if i.uid == HANDOVER_UID)
    order = [i for i in april if i is not handover]
    meeting = next(i for i in order if i.source is Source.MEETING)
    order.insert(order.index(meeting), handover)
    placements = [Placement(item.key, item.when.iso(), n) for n, item in enumerate(order)]
    calendar.order.save_month(REPORT_YEAR, 4, placements, present={i.key for i in items})
    lines = [i.title for i in month_groups(calendar.items(), REPORT_YEAR)[3].items if i.in_report]
    if len(lines) != len(APRIL_2024_ORDER) or not all(
        line.startswith(start) for line, start in zip(lines, APRIL_2024_ORDER, strict=False)
    ):
        raise ValueError(f"April {REPORT_YEAR} is not in the report's order: {lines}")


ASSOCIATION = {
    "name": "Plattformen Civila Sverige mot människohandel",
    "address": "Box 4711, 116 91 Stockholm",
    "bankgiro": "991-2346",
    "terms_days": "30",
}
"""The association's details for its invoices, read by the settings form's own fields. The
address is invented; the bankgiro number is the one Bankgirot's own example files use
(991-2346), so no real account is printed on a demo invoice. No invoices are made: the
coordinator's first run on the demo starts from none."""


def build_association_settings() -> Settings:
    return parse_association_fields(ASSOCIATION, Settings())


def build_database(target: Path) -> list[Member]:
    """Write the demo database to ``target``; return the members as stored (with ids).

    The database is created and filled in a fresh temporary folder (where its lock file and
    any backups also stay), checked as stored, then its bytes are copied to ``target`` in one
    atomic step: a table that does not add up leaves ``target`` as it was.
    """
    members = build_members()
    with tempfile.TemporaryDirectory(prefix="secretariat-demo-") as folder:
        path = Path(folder) / "demo.json"
        with open_database(path) as db:
            repo = MemberRepository(db)
            stored = [repo.add(member) for member in members]
            ids = {m.name: m.id for m in stored if m.id is not None}
            fees = FeeRepository(db)
            for schedule in build_schedules():
                fees.save_schedule(schedule)
            for override in build_overrides(ids):
                fees.save_override(override)
            payments = PaymentRepository(db)
            payments.add_many(build_payments(ids))
            check_fees(repo.all(), fees.schedules(), fees.overrides(), payments.all())
            board = BoardRepository(db)
            meeting_ids = {
                m.held_on.isoformat(): m.id
                for m in (board.meetings.add(meeting) for meeting in build_meetings())
                if m.id is not None
            }
            board.seats.add_many(build_seats(meeting_ids, ids))
            roll_meeting = meeting_ids[ATTENDANCE_MEETING]
            for mark in build_attendance(ids):
                board.attendance.set(roll_meeting, mark)
            check_board(
                repo.all(),
                board.meetings.all(),
                board.seats.all(),
                board.attendance.for_meeting(roll_meeting),
            )
            calendar = CalendarRepository(db)
            network_ids = {
                n.name: n.id
                for n in calendar.networks.add_many(build_networks())
                if n.id is not None
            }
            calendar.activities.add_many(build_activities(network_ids))
            calendar.submissions.add_many(build_submissions(repo.all()))
            check_calendar(
                calendar.items(),
                calendar.activities.all(),
                calendar.submissions.all(),
                calendar.networks.all(),
            )
            texts = ReportTextRepository(db)
            for text in build_report_texts():
                texts.save(text)
            order_april_2024(calendar)
            SettingsRepository(db).save(build_association_settings())
        data = path.read_bytes()
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(target, data)
    # A shipped project file, not a user's database: readable like the rest of the checkout.
    os.chmod(target, 0o644)
    return stored


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else DEMO_PATH
    stored = build_database(target)
    payments = sum(len(table.strip().splitlines()) for table in PAYMENTS.values())
    meetings = len(ANNUAL_MEETINGS.strip().splitlines())
    seats = len(BOARD_SEATS.strip().splitlines())
    activities = (
        len(ACTIVITIES_2024)
        + len(ACTIVITIES_LATER)
        + len(BOARD_MEETINGS.strip().splitlines())
        + len(MEMBER_COFFEES.strip().splitlines())
    )
    print(
        f"{len(stored)} medlemmar, avgifter för {len(FEE_SCHEDULES)} år, "
        f"{payments} betalningar, {meetings} årsmöten, {seats} styrelseposter, "
        f"{activities} aktiviteter, {len(SUBMISSIONS)} inlagor, {len(NETWORKS)} nätverk och "
        f"{len(REPORT_TEXTS_2024)} verksamhetstexter "
        f"skrivna till {target}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
