"""`secretariat members extract|erase|retention`: answering an access or an erasure request
(GDPR Art. 15 and 17) the same day, and seeing what is kept longer than it needs to be.

The rules are the domain's, the renderings ``exports.personal_data``'s and the file work
``store.erasure``'s; these commands only ask, call and report.
"""

from __future__ import annotations

from datetime import date

import click

from secretariat_tui.commands.calendar_common import confirmed
from secretariat_tui.commands.common import CliContext, format_option
from secretariat_tui.commands.members import members
from secretariat_tui.commands.output import output_option, output_target, write_output
from secretariat_tui.domain.retention import retention_due
from secretariat_tui.exports.personal_data import (
    extract_json,
    extract_text,
    retention_json,
    retention_text,
)
from secretariat_tui.store.erasure import erase_member, plan_member_erasure
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.store.payments import PaymentRepository
from secretariat_tui.store.personal_data import load_extract
from secretariat_tui.store.settings import SettingsRepository


@members.command("extract")
@click.argument("member_id", metavar="ID", type=int)
@format_option("text", "json", default="text")
@output_option("registerutdraget")
@click.pass_obj
def extract_member(obj: CliContext, member_id: int, fmt: str, output: str, force: bool) -> None:
    """Registerutdrag (GDPR art. 15): allt registret innehåller om en medlem och dess
    kontaktpersoner: medlemmen och formhistoriken, betalningar, avtalade avgifter,
    styrelseuppdrag, ombud vid årsmöten, medundertecknade inlagor och allt som nämner dem."""
    target = output_target(obj, output, force=force)
    with obj.reading() as db:
        extract = load_extract(db, member_id)
    today = date.today()
    text = extract_json(extract, today) if fmt == "json" else extract_text(extract, today)
    write_output(target, text.encode("utf-8"), output, f"registerutdraget för medlem {member_id}")


@members.command("erase")
@click.argument("member_id", metavar="ID", type=int)
@click.option("--yes", is_flag=True, help="Radera utan att fråga.")
@click.pass_obj
def erase_member_command(obj: CliContext, member_id: int, yes: bool) -> None:
    """Radera en persons personuppgifter (GDPR art. 17), säkerhetskopiorna också.

    En enskild medlems namn, och för alla medlemmar kontaktperson, e-post, telefon, adress,
    orsak till utträdet, styrelseposter personen haft, ombud och anteckningar; det som
    nämner personen i andra poster blir [raderad]. Medlemmen finns kvar (raderad), liksom
    betalningarna som anonym bokföring. Visar först vad som försvinner och vilka
    säkerhetskopior som skrivs om eller tas bort, och frågar [j/N] (utan terminal: --yes).
    """
    with obj.database(create=False) as db:
        plan = plan_member_erasure(db, member_id, date.today())
        if plan.nothing_to_do:
            erased = plan.erasure.before.erased_on if plan.erasure.before else None
            when = f" sedan {erased.isoformat()}" if erased else ""
            click.echo(
                f"Personuppgifterna för medlem {member_id} är raderade{when}; "
                f"ingen av {plan.checked} säkerhetskopior innehåller dem. Inget att göra."
            )
            return
        for line in (*plan.register_lines(), *plan.backup_lines()):
            click.echo(line)
        if plan.erasure.changes_anything:
            question = f"Radera personuppgifterna för medlem {member_id}? Det går inte att ångra."
        else:
            question = "Skriva om och ta bort säkerhetskopiorna enligt ovan?"
        if not confirmed(question, yes):
            return
        done = erase_member(db, plan)
    click.echo(f"Raderade personuppgifterna för medlem {member_id}. {done.summary()}")
    if done.failed:
        raise click.ClickException(" ".join(done.failed))


@members.command("retention")
@click.option(
    "--years",
    type=click.IntRange(1, 20),
    help="År efter medlemskapets slut (annars inställningen retention-years, från början 2).",
)
@format_option("table", "json", default="table")
@click.pass_obj
def retention(obj: CliContext, years: int | None, fmt: str) -> None:
    """Avslutade medlemmar vars personuppgifter bör raderas nu, och betalningar äldre än
    bokföringslagens sju år. Raderar ingenting själv (det gör members erase)."""
    with obj.reading() as db:
        chosen = years or SettingsRepository(db).get().retention_years
        found = MemberRepository(db).all()
        due = retention_due(found, PaymentRepository(db).all(), years=chosen, today=date.today())
    names = {m.id: m.name for m in found if m.id is not None}
    click.echo(retention_json(due) if fmt == "json" else retention_text(due, names))
