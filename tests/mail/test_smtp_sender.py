"""Fee e-mails sent to a real SMTP server on 127.0.0.1: what arrives is what was previewed."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from secretariat_tui.domain.mail import DEFAULT_TEMPLATES, MailFacts, MailKind
from secretariat_tui.domain.settings import SmtpSecurity as Security
from secretariat_tui.exports.mail_messages import Attachment, Outgoing, Sender, outgoing
from secretariat_tui.mail import smtp_sender
from secretariat_tui.mail.smtp_sender import SmtpServer, send_all
from tests.mail.smtp_server import (
    AUTH_WITHOUT_TLS,
    PASSWORD,
    REFUSED,
    USER,
    SmtpTestServer,
    free_port,
)

pytestmark = pytest.mark.filterwarnings(AUTH_WITHOUT_TLS)

WORD = b"PK\x03\x04 en Word-fil \xff\x00 med bytes"
SENDER = Sender("Plattformen mot människohandel", "kansli@plattformen.se")


def facts(member_id: int, name: str, email: str, amount: str = "1500") -> MailFacts:
    return MailFacts(
        member_id=member_id,
        name=name,
        email=email,
        amount=Decimal(amount),
        year=2025,
        association=SENDER.name,
        contact_person="Åsa Öström",
        ocr="2025000700",
        due=date(2025, 3, 31),
        payment_details="bankgiro 123-4567",
        invoice=7,
    )


def messages(*people: MailFacts) -> list[Outgoing]:
    built, problems = outgoing(
        DEFAULT_TEMPLATES[MailKind.INVOICE],
        people,
        SENDER,
        datetime(2025, 3, 1, 9, 30, tzinfo=UTC),
        lambda f: [Attachment(f"faktura-{f.invoice}.docx", WORD)],
    )
    assert problems == []
    return built


def server_of(smtp: SmtpTestServer, user: str = USER) -> SmtpServer:
    return SmtpServer(smtp.host, smtp.port, Security.NONE, user)


def test_what_arrives_has_swedish_headers_body_and_the_attachment(
    smtp_server: SmtpTestServer,
) -> None:
    sent: list[int] = []
    outcome = send_all(
        server_of(smtp_server),
        PASSWORD,
        messages(
            facts(7, "Föreningen Ängsö", "ängsö@example.se".replace("ä", "a").replace("ö", "o"))
        ),
        lambda one: sent.append(one.member_id),
    )
    assert outcome.failure == "" and len(outcome.sent) == 1
    assert sent == [7]
    [arrived] = smtp_server.arrived
    message = arrived.message
    assert arrived.envelope_to == ["angso@example.se"]
    assert message["Subject"] == "Faktura: medlemsavgift 2025 till Plattformen mot människohandel"
    assert message["To"].addresses[0].display_name == "Föreningen Ängsö"
    assert message["From"].addresses[0].display_name == "Plattformen mot människohandel"
    body = message.get_body(("plain",)).get_content()
    assert "Hej Åsa Öström!" in body
    assert "Att betala: 1 500 kr." in body
    assert "OCR-nummer 2025000700, senast 2025-03-31" in body
    assert "bankgiro 123-4567" in body
    [attachment] = message.iter_attachments()
    assert attachment.get_filename() == "faktura-7.docx"
    assert attachment.get_content() == WORD


def test_a_refused_recipient_fails_alone_and_the_rest_are_sent(
    smtp_server: SmtpTestServer,
) -> None:
    sent: list[int] = []
    outcome = send_all(
        server_of(smtp_server),
        PASSWORD,
        messages(
            facts(1, "Först", "a@example.se"),
            facts(2, "Fel", REFUSED),
            facts(3, "Sist", "c@example.se"),
        ),
        lambda one: sent.append(one.member_id),
    )
    assert sent == [1, 3]
    assert [a.envelope_to for a in smtp_server.arrived] == [["a@example.se"], ["c@example.se"]]
    [failed] = outcome.failed
    assert failed.outgoing.member_id == 2
    assert "mottagaren avvisades av servern (550 5.1.1 Mottagaren finns inte)" in failed.error
    assert outcome.lines()[0] == "Skickade 2 av 3 e-brev."


def test_a_refused_login_says_so_and_sends_nothing(smtp_server: SmtpTestServer) -> None:
    sent: list[int] = []
    outcome = send_all(
        server_of(smtp_server), "fel-losenord", messages(facts(1, "A", "a@example.se")), sent.append
    )
    assert sent == [] and smtp_server.arrived == []
    assert outcome.failure.startswith(
        f"E-postservern 127.0.0.1:{smtp_server.port} vägrade inloggningen för {USER} (535"
    )
    assert "kontrollera användare och lösenord" in outcome.failure
    assert [d.error for d in outcome.deliveries] == ["inte försökt."]


def test_an_unreachable_server_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(smtp_sender, "TIMEOUT", 2.0)
    port = free_port()  # nothing listens there
    outcome = send_all(
        SmtpServer("127.0.0.1", port, Security.NONE),
        "",
        messages(facts(1, "A", "a@example.se")),
        print,
    )
    assert outcome.failure == (
        f"E-postservern 127.0.0.1:{port} kan inte nås (anslutningen nekades); "
        "kontrollera adress och port."
    )
    assert outcome.sent == []


def test_ssl_to_a_plain_server_is_a_message_not_a_traceback(
    smtp_server: SmtpTestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(smtp_sender, "TIMEOUT", 5.0)
    server = SmtpServer(smtp_server.host, smtp_server.port, Security.SSL, USER)
    outcome = send_all(server, PASSWORD, messages(facts(1, "A", "a@example.se")), print)
    assert outcome.failure.startswith(f"E-postservern 127.0.0.1:{smtp_server.port} kan inte nås")
    assert smtp_server.arrived == []


def test_starttls_on_a_server_without_it_says_so(
    smtp_server: SmtpTestServer,
) -> None:
    server = SmtpServer(smtp_server.host, smtp_server.port, Security.STARTTLS, USER)
    outcome = send_all(server, PASSWORD, messages(facts(1, "A", "a@example.se")), print)
    assert outcome.failure.startswith(
        f"E-postservern 127.0.0.1:{smtp_server.port} erbjuder inte STARTTLS"
    )


def test_a_password_with_swedish_letters_is_a_message(smtp_server: SmtpTestServer) -> None:
    """smtplib sends the login as ASCII: say so rather than fail with a UnicodeEncodeError."""
    outcome = send_all(
        server_of(smtp_server), "hemligt-lösen", messages(facts(1, "A", "a@example.se")), print
    )
    assert "innehåller tecken utanför ASCII" in outcome.failure
    assert smtp_server.arrived == []
