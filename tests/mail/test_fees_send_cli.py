"""`secretariat fees send`: a preview of every message, sent after a yes to a real SMTP server
on 127.0.0.1, each send recorded so a second run skips it; or saved as .eml files."""

from __future__ import annotations

import io
import os
import stat
from dataclasses import replace
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from secretariat_tui.cli import cli
from secretariat_tui.commands import calendar_common
from secretariat_tui.domain.mail import MailKind
from secretariat_tui.domain.settings import SmtpSecurity
from secretariat_tui.store.database import open_database
from secretariat_tui.store.invoices import InvoiceRepository
from secretariat_tui.store.mail import SentMailRecord
from secretariat_tui.store.settings import SettingsRepository
from tests.cli.helpers import add_org, ok
from tests.cli.test_fees_cli import register
from tests.mail.smtp_server import AUTH_WITHOUT_TLS, USER, SmtpTestServer

pytestmark = pytest.mark.filterwarnings(AUTH_WITHOUT_TLS)

SEND = ("fees", "send", "--year", "2024", "--what", "reminder")


def run(db_path: Path, *args: str, answer: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db_path), *args], input=answer)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """As at a terminal: the question is asked (CliRunner's stdin is no tty)."""
    monkeypatch.setattr(calendar_common, "stdin_is_terminal", lambda: True)


def set_up(db_path: Path, server: SmtpTestServer | None) -> None:
    """register()'s members (2 owes with an address, 3 owes without) and one more that owes,
    and the association's mail settings pointing at the test server."""
    register(db_path)
    add_org(db_path, "Ängby förening", email="kassor@angby.se", contact="Örjan Åkesson")
    with open_database(db_path) as db:
        settings = SettingsRepository(db)
        current = replace(
            settings.get(),
            name="Plattformen mot människohandel",
            sender_email="kansli@plattformen.se",
            bankgiro="5050-1055",
        )
        if server is not None:
            current = replace(
                current,
                smtp_host=server.host,
                smtp_port=server.port,
                smtp_security=SmtpSecurity.NONE,
                smtp_user=USER,
            )
        settings.save(current)


def sent_records(db_path: Path) -> list[int]:
    with open_database(db_path, create=False, read_only=True) as db:
        return [s.member_id for s in SentMailRecord(db).for_year(MailKind.REMINDER, 2024)]


def test_dry_run_previews_every_message_and_lists_who_has_no_address(
    db_path: Path, smtp_server: SmtpTestServer
) -> None:
    set_up(db_path, smtp_server)

    out = ok(db_path, *SEND, "--dry-run")

    assert "Till: Delvis förening <karin@delvis.se>" in out
    assert "Till: Ängby förening <kassor@angby.se>" in out
    assert "Ämne: Påminnelse: medlemsavgift 2024 till Plattformen mot människohandel" in out
    assert "Hej Örjan Åkesson!" in out
    assert "Att betala: 500 kr." in out
    assert "Betala till bankgiro 5050-1055" in out
    assert "Saknar e-post: Östra nätverket; nås inte med e-post." in out
    assert "2 e-brev (påminnelser 2024) att skicka." in out
    assert smtp_server.arrived == [] and sent_records(db_path) == []


def test_sent_after_yes_recorded_and_a_second_run_skips_them(
    db_path: Path, smtp_server: SmtpTestServer, terminal: None
) -> None:
    set_up(db_path, smtp_server)

    result = run(db_path, *SEND, answer="j\n")
    assert result.exit_code == 0, (result.stdout, result.stderr)

    assert "Skickade 2 av 2 e-brev." in result.stdout
    got = {a.message["To"].addresses[0].display_name: a.message for a in smtp_server.arrived}
    assert set(got) == {"Delvis förening", "Ängby förening"}
    body = got["Ängby förening"].get_body(("plain",)).get_content()
    assert "Hej Örjan Åkesson!" in body and "Att betala: 1 500 kr." in body
    assert sorted(sent_records(db_path)) == [2, 7]

    again = ok(db_path, *SEND, "--yes")
    assert "Redan skickad (påminnelse " in again and "): Delvis förening; hoppas över" in again
    assert "Inga påminnelser att skicka." in again
    assert len(smtp_server.arrived) == 2

    ok(db_path, *SEND, "--yes", "--again", "--member", "2")
    assert len(smtp_server.arrived) == 3
    assert len(sent_records(db_path)) == 3


def test_a_no_sends_nothing(db_path: Path, smtp_server: SmtpTestServer, terminal: None) -> None:
    set_up(db_path, smtp_server)

    result = run(db_path, *SEND, answer="n\n")

    assert result.exit_code == 0
    assert result.stdout.endswith("[j/N]: n\nInget skickades.\n")
    assert smtp_server.arrived == [] and sent_records(db_path) == []


def test_a_script_without_yes_is_refused_and_sends_nothing(
    db_path: Path, smtp_server: SmtpTestServer
) -> None:
    set_up(db_path, smtp_server)

    result = run(db_path, *SEND)

    assert result.exit_code == 1
    assert "Inget skickades: ingen terminal att fråga i; ange --yes" in result.stderr
    assert smtp_server.arrived == []


def test_a_refused_login_is_one_line_and_nothing_is_recorded(
    db_path: Path, smtp_server: SmtpTestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_up(db_path, smtp_server)
    monkeypatch.setenv("SECRETARIAT_SMTP_PASSWORD", "fel")

    result = run(db_path, *SEND, "--yes")

    assert result.exit_code == 1
    assert "vägrade inloggningen för kansli (535" in result.stderr
    assert "Traceback" not in result.output
    assert sent_records(db_path) == []


def test_without_a_server_it_says_how_to_set_one(db_path: Path) -> None:
    set_up(db_path, None)

    result = run(db_path, *SEND, "--yes")

    assert result.exit_code == 2
    assert "Ingen e-postserver inställd: settings set smtp-host" in result.stderr


def test_eml_files_are_owner_only_and_read_back_by_the_email_parser(
    db_path: Path, tmp_path: Path, smtp_server: SmtpTestServer
) -> None:
    set_up(db_path, smtp_server)
    folder = tmp_path / "brev"
    folder.mkdir()

    out = ok(db_path, *SEND, "--eml", str(folder))

    files = sorted(folder.iterdir())
    assert [f.name for f in files] == [
        "påminnelse-2024-2-Delvis-förening.eml",
        "påminnelse-2024-7-Ängby-förening.eml",
    ]
    assert f"Sparade 2 .eml-filer i {folder}" in out
    for file in files:
        assert stat.S_IMODE(os.stat(file).st_mode) == 0o600
    parsed = message_from_bytes(files[1].read_bytes(), policy=policy.default)
    assert parsed["Subject"] == "Påminnelse: medlemsavgift 2024 till Plattformen mot människohandel"
    assert "Att betala: 1 500 kr." in parsed.get_body(("plain",)).get_content()
    assert smtp_server.arrived == [] and sent_records(db_path) == []

    refused = run(db_path, *SEND, "--eml", str(folder))
    assert refused.exit_code == 1 and "finns redan" in refused.stderr


def test_an_edited_template_is_used_and_an_unknown_placeholder_refused(
    db_path: Path, tmp_path: Path, smtp_server: SmtpTestServer
) -> None:
    set_up(db_path, smtp_server)
    body = tmp_path / "text.txt"
    body.write_text("Hej {namn}, betala {belopp} för {år}.\n", encoding="utf-8")

    bad = run(db_path, "fees", "mail-text", "--what", "reminder", "--subject", "Avgift {nman}")
    assert bad.exit_code == 2 and "Okänd platshållare {nman}" in bad.stderr

    shown = ok(
        db_path,
        "fees",
        "mail-text",
        "--what",
        "reminder",
        "--subject",
        "Årsavgift {år}",
        "--body-file",
        str(body),
    )
    assert shown.startswith("Mall för påminnelser (registrets egen):\nÄmne: Årsavgift {år}")

    out = ok(db_path, *SEND, "--dry-run", "--member", "7")
    assert "Ämne: Årsavgift 2024" in out and "Hej Ängby förening, betala 1 500 kr för 2024." in out

    reset = ok(db_path, "fees", "mail-text", "--what", "reminder", "--reset")
    assert "(programmets)" in reset


def test_invoice_mail_attaches_the_invoices_word_file_with_its_ocr(
    db_path: Path, tmp_path: Path, smtp_server: SmtpTestServer
) -> None:
    set_up(db_path, smtp_server)
    ok(db_path, "fees", "invoice", "--year", "2024", "-o", str(tmp_path / "fakturor"))
    with open_database(db_path, create=False, read_only=True) as db:
        invoices = {i.member_id: i for i in InvoiceRepository(db).for_year(2024)}
    angby = invoices[7]

    out = ok(db_path, "fees", "send", "--year", "2024", "--what", "invoice", "--yes")

    assert f"Bilaga: faktura-{angby.number:04d}.docx" in out
    assert "Skickade 2 av 2 e-brev." in out
    got = {a.message["To"].addresses[0].display_name: a.message for a in smtp_server.arrived}
    message = got["Ängby förening"]
    assert message["Subject"] == "Faktura: medlemsavgift 2024 till Plattformen mot människohandel"
    body = message.get_body(("plain",)).get_content()
    assert f"OCR-nummer {angby.ocr}, senast {angby.due.isoformat()}" in body
    [attachment] = message.iter_attachments()
    assert attachment.get_filename() == f"faktura-{angby.number:04d}.docx"
    data = attachment.get_content()
    written = (tmp_path / "fakturor" / f"faktura-{angby.number:04d}.docx").read_bytes()
    assert docx_text(data) == docx_text(written)
    assert angby.ocr in docx_text(data)

    again = ok(db_path, "fees", "send", "--year", "2024", "--what", "invoice", "--yes")
    assert "Inga fakturor att skicka." in again and len(smtp_server.arrived) == 2


def docx_text(data: bytes) -> str:
    """Every paragraph and table cell of a Word file (its zip bytes carry a timestamp)."""
    import docx

    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_erasing_a_member_who_got_a_reminder_leaves_no_address_behind(
    db_path: Path, smtp_server: SmtpTestServer
) -> None:
    """The record names the member, not the address: an erasure blanks it everywhere."""
    set_up(db_path, smtp_server)
    ok(db_path, *SEND, "--yes", "--member", "7")
    ok(db_path, "members", "end", "7", "--date", "2024-12-31")

    out = ok(db_path, "members", "erase", "7", "--yes")

    assert "kassor@angby.se" not in db_path.read_text(encoding="utf-8")
    assert "Tas bort" not in out, "no backup had to be removed for holding the address"
    assert sent_records(db_path) == [7]
