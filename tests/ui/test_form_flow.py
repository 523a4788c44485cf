"""Forms that flow (issue 14): ⏎ moves on from every kind of field, a dropdown opens with
space or alt+↓ and a letter picks in it, a required choice never opens blank, a failed save
selects the bad field's text, and a form of one field saves on ⏎. By keys at 80×24."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Input
from textual.widgets._select import SelectOverlay
from textual.widgets.input import Selection

from secretariat_tui.domain.submissions import SubmissionKind, SubmissionStatus
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.board_forms import AsOfForm, SeatForm
from secretariat_tui.ui.screens.calendar_forms import ActivityForm, SubmissionForm
from secretariat_tui.ui.screens.export import ExportForm
from secretariat_tui.ui.screens.member_form import MemberForm
from secretariat_tui.ui.widgets.field_widgets import CHOOSE, ChoiceSelect
from secretariat_tui.ui.widgets.record_form import RecordForm
from tests.ui.board_helpers import open_board
from tests.ui.helpers import error_text, replace_text, stored, type_text
from tests.ui.test_monkey import key_event
from tests.ui.test_submissions_screen import open_submissions, stored_submissions

SIZE = (80, 24)


async def new_submission(pilot: Pilot[Any]) -> SubmissionForm:
    """6, n: the new submission's form, the kind (a dropdown) focused as its first field."""
    await open_submissions(pilot)
    await pilot.press("n")
    form = pilot.app.screen
    assert isinstance(form, SubmissionForm)
    assert pilot.app.focused is form.field("kind")
    return form


def offered(select: ChoiceSelect) -> list[str]:
    """The labels the dropdown's list offers, top to bottom."""
    overlay = select.query_one(SelectOverlay)
    return [str(overlay.get_option_at_index(i).prompt) for i in range(overlay.option_count)]


# --- a dropdown: enter moves on, space or alt+down opens, a letter picks ----------------------


async def test_enter_on_a_dropdown_moves_to_the_next_field_without_opening_it(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        form = await new_submission(pilot)
        await pilot.press("enter")

        assert app.focused is form.field("title")
        assert not form.field("kind").expanded
        assert form.field("kind").value == SubmissionKind.DEBATE_ARTICLE.value


@pytest.mark.parametrize("key", ["space", "alt+down"])
async def test_space_or_alt_down_opens_a_dropdown_and_enter_chooses_the_highlighted_option(
    app: SecretariatApp, key: str
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        form = await new_submission(pilot)
        await pilot.press(key)
        assert isinstance(app.focused, SelectOverlay), f"{key} did not open the list"

        await pilot.press("down", "enter")

        assert form.field("kind").value == SubmissionKind.CONSULTATION.value
        assert not form.field("kind").expanded
        assert app.focused is form.field("kind"), "choosing stays on the field"
        await pilot.press("enter")
        assert app.focused is form.field("title")


async def test_a_letter_picks_the_first_option_starting_with_it_and_again_the_next(
    app: SecretariatApp,
) -> None:
    """Remissvar and Rapport start with r, in that order; a letter nothing starts with and a
    key the app knows elsewhere (q) leave the choice and the form as they were."""
    async with app.run_test(size=SIZE) as pilot:
        form = await new_submission(pilot)
        kind = form.field("kind")
        picked = []
        for letter in "rrrtqz":
            await pilot.press(letter)
            picked.append(kind.value)

        assert picked == ["remissvar", "rapport", "remissvar", "TIP-rapportering"] + 2 * [
            "TIP-rapportering"
        ]
        assert app.screen is form
        assert app.focused is kind and not kind.expanded


async def test_a_new_submission_is_filled_top_to_bottom_with_letters_and_enter(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        form = await new_submission(pilot)
        await pilot.press("r", "enter")
        await type_text(pilot, "Remissvar om flödet")
        await pilot.press("enter")
        await type_text(pilot, "2026-05-12")
        await pilot.press("enter")
        assert app.focused is form.field("status")
        await pilot.press("p", "enter")
        assert app.focused is not form.field("status")
        await pilot.press("ctrl+s")

        assert not isinstance(app.screen, SubmissionForm)
        [new] = [s for s in stored_submissions(app) if s.title == "Remissvar om flödet"]
        assert (new.kind, new.status, new.when.iso()) == (
            SubmissionKind.CONSULTATION,
            SubmissionStatus.PUBLISHED,
            "2026-05-12",
        )


async def burst(pilot: Pilot[Any], text: str) -> None:
    """Keys as a terminal delivers a fast typist's (or a pasted) burst: all queued at once,
    no waiting between them; ``\r`` is ⏎."""
    for character in text:
        pilot.app.post_message(key_event("enter" if character == "\r" else character))
    await pilot.pause()
    await pilot.pause()


async def test_text_typed_right_after_enter_lands_in_the_next_field(app: SecretariatApp) -> None:
    """ "15/1⏎Möte" in one burst filled the date with "15/1Möte": ⏎ waited in the date's
    queue behind the letters that were already on their way to it."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n")
        form = app.screen
        assert isinstance(form, ActivityForm)
        await burst(pilot, "15/1\rPlattformsmöte\r\r13:00\r16\r")
        values = form.values()
        assert (values["when"], values["title"]) == ("15/1", "Plattformsmöte")
        assert (values["starts_at"], values["ends_at"]) == ("13:00", "16")


async def test_a_burst_ending_in_enter_saves_a_one_field_dialog_with_all_its_text(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        board = await open_board(pilot)
        await pilot.press("d")
        await burst(pilot, "2024-06-01\r")
        assert app.screen is board
        assert board.as_of == date(2024, 6, 1)


# --- no blank choice -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("keys", "form_type", "optional"),
    [
        (("n",), MemberForm, {}),
        (("4", "n"), ActivityForm, {"network_id": "(inget)"}),
        (("6", "n"), SubmissionForm, {}),
        (("3", "n"), SeatForm, {"organisation_id": "(ingen)"}),
        (("4", "u", "k"), ExportForm, {"category": "Alla kategorier"}),
        (("4", "u", "v"), ExportForm, {}),
    ],
    ids=["member", "activity", "submission", "seat", "export-calendar", "export-report"],
)
async def test_every_dropdown_opens_on_an_option_and_offers_no_blank_choose_line(
    app: SecretariatApp,
    keys: tuple[str, ...],
    form_type: type[RecordForm[object]],
    optional: dict[str, str],
) -> None:
    """A required choice opens on a value (the form's, or the first option); an optional one
    on its own "none" option. "Välj…" is in no list."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        form = app.screen
        assert isinstance(form, form_type)
        selects = list(form.query(ChoiceSelect))
        assert selects, "the form has a dropdown"
        for select in selects:
            name = str(select.id).removeprefix("field-")
            assert not select.is_blank(), name
            assert CHOOSE not in offered(select), name
            if name in optional:
                assert (select.value, offered(select)[0]) == ("", optional[name]), name


# --- a failed save selects the bad field's text -----------------------------------------------


async def test_after_a_failed_save_typing_replaces_the_bad_date_instead_of_appending(
    app: SecretariatApp,
) -> None:
    """The named bug: the cursor stayed at the end of the field that already had the focus,
    so typing a correction made "31/22026-05-01"."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, MemberForm)
        await type_text(pilot, "Föreningen Flödet")
        await replace_text(pilot, "joined", "31/2")
        await pilot.press("ctrl+s")

        joined = form.field("joined")
        assert app.screen is form and "finns inte i kalendern" in error_text(app, "joined")
        assert app.focused is joined
        assert joined.selection == Selection(0, len("31/2"))
        await type_text(pilot, "2026-05-01")
        assert joined.value == "2026-05-01"
        await pilot.press("ctrl+s")

        assert stored(app)["Föreningen Flödet"].joined == date(2026, 5, 1)


async def test_a_failed_save_moves_to_the_first_bad_field_with_its_text_selected(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, MemberForm)
        await type_text(pilot, "Föreningen Flödet")
        await replace_text(pilot, "email", "inte-en-adress")
        await replace_text(pilot, "joined", "31/2")
        await pilot.press("ctrl+s")

        email = form.field("email")
        assert isinstance(email, Input) and app.focused is email
        assert email.selection == Selection(0, len("inte-en-adress"))


# --- a form of one field saves on enter -------------------------------------------------------


async def test_enter_in_the_board_date_dialog_shows_the_board_on_that_date(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        board = await open_board(pilot)
        await pilot.press("d")
        assert isinstance(app.screen, AsOfForm)
        await type_text(pilot, "2024-06-01")  # the date is selected on entry: typing replaces
        await pilot.press("enter")

        assert app.screen is board
        assert board.as_of == date(2024, 6, 1)


async def test_a_bad_date_and_enter_keep_the_one_field_dialog_open_with_the_text_selected(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        board = await open_board(pilot)
        await pilot.press("d")
        form = app.screen
        assert isinstance(form, AsOfForm)
        await type_text(pilot, "31/2")
        await pilot.press("enter")

        as_of = form.field("as_of")
        assert app.screen is form and "finns inte i kalendern" in error_text(app, "as_of")
        assert app.focused is as_of and as_of.selection == Selection(0, len("31/2"))
        await type_text(pilot, "2025-01-15")
        await pilot.press("enter")

        assert app.screen is board
        assert board.as_of == date(2025, 1, 15)


def every_form_class(cls: type = RecordForm) -> list[type[RecordForm[Any]]]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *every_form_class(sub)]
    return found


def test_the_footer_and_the_button_say_the_same_word_in_every_form() -> None:
    """The export dialog's footer said "^s Spara" while its button said "Exportera"."""
    import secretariat_tui.ui.app  # noqa: F401  (every screen, and so every form, imported)

    forms = every_form_class()
    assert len(forms) > 15
    for form in forms:
        save = next(
            b
            for cls in form.__mro__
            for b in cls.__dict__.get("BINDINGS", [])
            if isinstance(b, Binding) and b.key == "ctrl+s"
        )
        assert save.description == form.SAVE_LABEL, form.__name__


async def test_a_letter_typed_right_after_enter_in_the_filter_goes_to_the_list(
    app: SecretariatApp,
) -> None:
    """ "fyr⏎e" in one burst: the filter keeps "fyr" and ``e`` edits the member it found."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await burst(pilot, "fyr\re")
        await pilot.pause()
        assert isinstance(app.screen, MemberForm)
        assert app.screen.member is not None
        assert app.screen.member.name == "Föreningen Fyrljuset Karlskrona"
        await pilot.press("escape")
        assert app.screen.query_one("#filter", Input).value == "fyr"
