"""The record form every register uses: a modal built from the domain's field declarations.

A subclass lists its fields (``domain.fields.Field``: label, kind, hint) and turns the typed
values into its result with the domain's parser. Each field's widget comes from its kind
(``field_widgets``): a choice is a select, yes/no a checkbox, the rest an input checked
live by the kind's reader. ⏎ moves to the next field from each of them (in a form of one
field it saves). Each field's error stands next to it, in Swedish, and a failed save puts the
cursor in the first bad field with its text selected; ``ctrl+s`` saves, escape cancels and
asks first if anything was changed. The form calls ``save`` itself and closes only when it
succeeded, so a failed save (disk full, file gone) leaves every typed value on screen to try
again. The stored result comes back through ``dismiss`` (None when cancelled). A save that
needs a yes first (a file to replace) raises ``AskFirst`` from ``build``; no keeps the form
open.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from functools import partial
from typing import Any, Generic, TypeVar

from rich.markup import escape
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.fields import Choice, Field, Flag, Listed
from secretariat_tui.domain.text import MULTILINE_FIELDS, text_problem
from secretariat_tui.store.errors import StoreError
from secretariat_tui.ui.commands import Command, bindings
from secretariat_tui.ui.screens.confirm import ConfirmScreen
from secretariat_tui.ui.widgets.field_widgets import (
    ChoiceSelect,
    FieldSubmitted,
    checkbox_value,
    flag_checkbox,
)
from secretariat_tui.ui.widgets.key_footer import KeyFooter

ResultT = TypeVar("ResultT")


class AskFirst(Exception):
    """Raised by ``build`` when saving needs a yes first (replacing a file that exists).

    The form asks ``question``; on yes it builds again with the question in
    ``answered_yes``, on no it stays open with everything typed.
    """

    def __init__(self, question: str, *, yes: str = "Ja", no: str = "Nej") -> None:
        super().__init__(question)
        self.question, self.yes, self.no = question, yes, no


class DomainRule(Validator):
    """Adapts a domain check (text -> message or None) to Textual's validation."""

    def __init__(self, check: Callable[[str], str | None]) -> None:
        super().__init__()
        self._check = check

    def validate(self, value: str) -> ValidationResult:
        message = self._check(value)
        return self.failure(message) if message else self.success()


class RecordForm(ModalScreen[ResultT | None], Generic[ResultT]):
    BINDINGS = bindings(
        Command("ctrl+s", "save", "Spara", "Spara och stäng", id="save"),
        Command("escape", "cancel", "Avbryt", "Stäng utan att spara", id="cancel"),
        Command(
            "",
            "next_field",
            "Nästa fält",
            "Gå till nästa fält",
            id="next-field",
            footer=False,
            everywhere="enter",
        ),
    )
    SAVE_LABEL = "Spara"
    """The save button's word; the footer's ctrl+s says the same (one word per form)."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        if "SAVE_LABEL" in cls.__dict__ and "BINDINGS" not in cls.__dict__:
            label = cls.SAVE_LABEL
            save = Command("ctrl+s", "save", label, f"{label} och stäng", id="save")
            cls.BINDINGS = bindings(save)
        super().__init_subclass__(**kwargs)  # Textual merges the bindings here

    def __init__(
        self,
        title: str,
        initial: Mapping[str, str] | None = None,
        intro: str = "",
        *,
        save: Callable[[ResultT], ResultT] | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__()
        self.today = today or date.today()
        """What a day typed without a year (``15/1``) or ``idag`` means in this form."""
        self._save = save
        self._title = title
        self._intro = intro
        self._initial = dict(initial or {})
        self._saved_values: dict[str, str] = {}
        self.answered_yes: frozenset[str] = frozenset()
        """The questions (``AskFirst``) answered yes, for the one save being made."""

    # --- what a subclass provides -------------------------------------------------------------
    def form_fields(self) -> Sequence[Field]:
        raise NotImplementedError

    def options_for(self, field: Field) -> tuple[tuple[str, str], ...]:
        """A listed field's (label, value) pairs: the records it may name, the formats …"""
        raise NotImplementedError(f"{type(self).__name__} lists no options for {field.name}")

    def live_check(self, field: Field) -> Callable[[str], str | None]:
        """The field's own check as it is typed; a form overrides it where the rule needs
        more than the text (co-signers are checked against the members)."""
        return lambda text: field.check(text, self.today)

    def build(self, values: dict[str, str]) -> ResultT:
        """Turn the typed values into the result, or raise FieldErrors."""
        raise NotImplementedError

    # --- layout -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog record-form"):
            yield Static(self._title, classes="title", markup=False)
            if self._intro:
                yield Static(self._intro, classes="intro", markup=False)
            with VerticalScroll(classes="fields"):
                for field in self.form_fields():
                    with Vertical(classes="field"):
                        with Horizontal(classes="field-row", id=f"row-{field.name}"):
                            yield Label(field.label, classes="field-label")
                            yield self._field_widget(field)
                        yield Static(
                            "", classes="field-error", id=f"error-{field.name}", markup=False
                        )
            with Horizontal(classes="buttons"):
                yield Button(
                    f"{self.SAVE_LABEL} (ctrl+s)", id="save", variant="primary", compact=True
                )
                yield Button("Avbryt (esc)", id="cancel", compact=True)
        yield KeyFooter()

    def _field_widget(self, field: Field) -> Widget:
        value, widget_id = self._initial.get(field.name, ""), f"field-{field.name}"
        if isinstance(field.kind, Flag):
            return flag_checkbox(field, value, self.today, id=widget_id)
        if isinstance(field.kind, Listed):
            none = ((field.kind.none, ""),) if field.kind.none else ()
            return ChoiceSelect((*none, *self.options_for(field)), value, id=widget_id)
        if isinstance(field.kind, Choice):
            return ChoiceSelect(field.kind.options(), value, id=widget_id)
        multiline = field.name in MULTILINE_FIELDS
        rules = [DomainRule(partial(text_problem, multiline=multiline))]
        return Input(
            value,
            placeholder=field.hint,
            id=widget_id,
            compact=True,
            validators=[*rules, DomainRule(self.live_check(field))],
            validate_on=["blur", "changed", "submitted"],
            valid_empty=False,
        )

    @property
    def built(self) -> bool:
        """False when the form was closed (esc typed as it opened) and its fields taken
        down before it mounted: there is nothing then to read, check or focus."""
        return all(self.query(f"#field-{field.name}") for field in self.form_fields())

    def on_mount(self) -> None:
        if not self.built:
            return
        self._saved_values = self.values()
        first = next(iter(self.query(".field-row > *").exclude(".field-label")), None)
        if first is not None:
            first.focus()

    # --- values and errors --------------------------------------------------------------------
    def values(self) -> dict[str, str]:
        result = {}
        for field in self.form_fields():
            widget = self.query_one(f"#field-{field.name}")
            if isinstance(widget, Select):
                result[field.name] = "" if widget.value is Select.NULL else str(widget.value)
            elif isinstance(widget, Checkbox):
                result[field.name] = checkbox_value(widget)
            elif isinstance(widget, Input):
                result[field.name] = widget.value
        return result

    def safe_values(self) -> dict[str, str]:
        """The values, or FieldErrors for any holding a control character (every form, before
        its own rules: no register stores one, whatever its parser checks)."""
        values = self.values()
        unsafe = {
            name: problem
            for name, value in values.items()
            if (problem := text_problem(value, multiline=name in MULTILINE_FIELDS))
        }
        if unsafe:
            raise FieldErrors(unsafe)
        return values

    @property
    def is_dirty(self) -> bool:
        return self.values() != self._saved_values

    def show_error(self, name: str, message: str | None) -> None:
        error = self.query_one(f"#error-{name}", Static)
        error.update(message or "")
        error.set_class(bool(message), "-shown")
        self.query_one(f"#row-{name}").set_class(bool(message), "-invalid")

    def show_errors(self, errors: Mapping[str, str]) -> None:
        names = {field.name for field in self.form_fields()}
        for name in names:
            self.show_error(name, errors.get(name))
        unplaced = {k: v for k, v in errors.items() if k not in names}
        if unplaced:
            self.notify(escape(" ".join(unplaced.values())), severity="error")

    @on(Input.Blurred)
    def _validate_on_leave(self, event: Input.Blurred) -> None:
        self._show_validation(event.input, event.validation_result)

    @on(Input.Changed)
    def _revalidate_shown_error(self, event: Input.Changed) -> None:
        """While an error is shown, re-check as the user types so it goes away when fixed."""
        name = (event.input.id or "").removeprefix("field-")
        if self.query(f"#error-{name}.-shown"):
            self._show_validation(event.input, event.validation_result)

    def _show_validation(self, widget: Input, result: ValidationResult | None) -> None:
        name = (widget.id or "").removeprefix("field-")
        if result is not None and self.query(f"#error-{name}"):
            self.show_error(name, None if result.is_valid else result.failure_descriptions[0])

    @on(Input.Submitted)
    @on(FieldSubmitted)
    def _next_field(self, event: Input.Submitted | FieldSubmitted) -> None:
        """⏎ moves on to the next field; in a form of one field it saves, since there is
        nothing else to fill (moving to the button would lose what is typed next)."""
        event.stop()
        if len(self.form_fields()) == 1:
            self.action_save()
        else:
            self.focus_next()

    # --- actions ------------------------------------------------------------------------------
    def action_next_field(self) -> None:
        """⏎ in a field moves on *before* the field reads what comes after it: the app routes
        each key to the widget focused at that moment, so "15/1⏎Möte" typed fast (or sent by
        a terminal in one burst) filled the date with "15/1Möte" while ⏎ waited in the
        field's queue. A form of one field saves instead, and that must wait for the text
        typed before ⏎: its field's own ⏎ does it (``_next_field``). Buttons and an open
        dropdown list keep their own ⏎."""
        focused = self.focused
        is_field = isinstance(focused, Input | ChoiceSelect | Checkbox) and (
            focused.id or ""
        ).startswith("field-")
        if not is_field or len(self.form_fields()) == 1:
            raise SkipAction()
        self.focus_next()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        try:
            result = self.build(self.safe_values())
        except AskFirst as ask:
            self._ask_then_save(ask)
            return
        except FieldErrors as err:
            self.show_errors(err.errors)
            first_bad = next((f.name for f in self.form_fields() if f.name in err.errors), None)
            if first_bad:
                self._focus_to_correct(self.query_one(f"#field-{first_bad}"))
            self.notify("Rätta de markerade fälten.", severity="warning", timeout=3)
            return
        self.show_errors({})
        if self._save is not None:
            try:
                result = self._save(result)
            except (StoreError, OSError) as err:
                message = str(err) if isinstance(err, StoreError) else f"Kunde inte spara: {err}"
                self.notify(escape(message), severity="error", timeout=10)
                return
        self.dismiss(result)

    @staticmethod
    def _focus_to_correct(widget: Widget) -> None:
        """Focus a bad field with its text selected, so that what is typed replaces it (the
        field may have had the focus already, when focusing selects nothing)."""
        widget.focus()
        if isinstance(widget, Input):
            widget.select_all()

    def _ask_then_save(self, ask: AskFirst) -> None:
        earlier = self.answered_yes  # a second question keeps the yes to the first

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            self.answered_yes = earlier | {ask.question}
            try:
                self.action_save()
            finally:
                self.answered_yes = frozenset()

        self.app.push_screen(ConfirmScreen(ask.question, yes=ask.yes, no=ask.no), answered)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if not self.is_dirty:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen("Kasta ändringarna i formuläret?", yes="Kasta", no="Fortsätt redigera"),
            answered,
        )

    def field(self, name: str) -> Any:
        return self.query_one(f"#field-{name}")
