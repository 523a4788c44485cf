"""The dialog that writes one of the report's texts for a year: a heading and the text itself.

Built on the house's ``RecordForm`` for what every form does alike (ctrl+s saves and closes
only when the save succeeded, escape asks before throwing changes away, an error under its
field, a failed write told and the text kept). What differs is the text: a multi-line
``TextArea`` the width of the dialog, where ⏎ is a new line (the form's ⏎-to-the-next-field
leaves it alone: it only acts on one-line fields), and whose control characters are checked
by the domain's ``written_text`` (a newline and a tab are allowed there, where the forms'
common check would refuse them as in a one-line field).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static, TextArea

from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.fields import Field, Text
from secretariat_tui.domain.report_outline import ReportSection
from secretariat_tui.domain.report_texts import (
    ReportText,
    clean_heading,
    clean_text,
    written_text,
)
from secretariat_tui.ui.widgets.key_footer import KeyFooter
from secretariat_tui.ui.widgets.record_form import RecordForm

HEADING = Field("heading", "Egen rubrik", Text())
TEXT = Field("text", "Text", Text())


def shown_heading(section: ReportSection, text: ReportText | None) -> str:
    """The heading the draft gives the section: the text's own for the year, else the
    outline's; the introduction has none."""
    own = text.heading if text is not None else ""
    return own or section.heading or "Inledning"


def about(section: ReportSection, text: ReportText | None, year: int) -> str:
    """The dialog's intro: what belongs there, where the text stands, what an empty save does."""
    if text is None:
        where = f"Ingen text än för {year}."
    elif text.carried_from is not None:
        where = f"Texten är från {text.carried_from}, ej uppdaterad; sparad blir den årets."
    else:
        where = f"Årets text ({year})."
    return (
        f"Här hör hemma: {section.hint}. {where} ⏎ ny rad, ett stycke per rad, "
        '"- " för en punkt. Tom text tar bort årets egen.'
    )


class ReportTextForm(RecordForm[ReportText]):
    """One written section's text for ``year``; ``save`` stores it (an empty text removes the
    year's own, and comes back with ``text == ""``)."""

    def __init__(
        self,
        section: ReportSection,
        year: int,
        current: ReportText | None,
        *,
        save: Callable[[ReportText], ReportText],
        text: str | None = None,
    ) -> None:
        """``text``: what to start from instead of ``current``'s (written in the user's own
        editor, and refused: it is kept here to be put right)."""
        initial = {
            "heading": current.heading if current is not None else "",
            "text": current.text if current is not None else "",
        }
        if text is not None:
            initial["text"] = text
        title = f"{shown_heading(section, current)} – {year}"
        super().__init__(title, initial, about(section, current, year), save=save)
        self.section, self.year, self.current = section, year, current

    def form_fields(self) -> Sequence[Field]:
        return (HEADING, TEXT)

    def compose(self) -> ComposeResult:
        """The heading as a form row; the text under its label, the dialog's whole width."""
        with Vertical(classes="dialog record-form report-text-form"):
            yield Static(self._title, classes="title", markup=False)
            yield Static(self._intro, classes="intro", markup=False)
            with Vertical(classes="field"):
                with Horizontal(classes="field-row", id="row-heading"):
                    yield Label(HEADING.label, classes="field-label")
                    yield self._field_widget(HEADING)
                yield Static("", classes="field-error", id="error-heading", markup=False)
            with Vertical(classes="field text-field", id="row-text"):
                yield TextArea(self._initial["text"], soft_wrap=True, compact=True, id="field-text")
                yield Static("", classes="field-error", id="error-text", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Spara (ctrl+s)", id="save", variant="primary", compact=True)
                yield Button("Avbryt (esc)", id="cancel", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        """The text has the cursor, at its end: writing on is what the dialog is opened for.
        (Textual runs ``RecordForm.on_mount`` too, after this one: it focuses the heading,
        so the text takes the focus once that is done.)"""
        if self.built:
            self.text_area.placeholder = self.section.hint
            heading = self.query_one("#field-heading", Input)
            heading.placeholder = self.section.heading or "(ingen rubrik)"
            self.call_after_refresh(self._write_on)

    def _write_on(self) -> None:
        if self.is_attached and self.built:
            self.text_area.focus()
            self.text_area.move_cursor(self.text_area.document.end)

    @property
    def text_area(self) -> TextArea:
        return self.query_one("#field-text", TextArea)

    def values(self) -> dict[str, str]:
        return {**super().values(), "text": self.text_area.text}

    def safe_values(self) -> dict[str, str]:
        """Checked in ``build`` by the domain, where the text may hold newlines and tabs."""
        return self.values()

    def build(self, values: dict[str, str]) -> ReportText:
        errors = {}
        for name, clean in (("heading", clean_heading), ("text", clean_text)):
            try:
                clean(values[name])
            except ValueError as err:
                errors[name] = str(err)
        if errors:
            raise FieldErrors(errors)
        return written_text(self.year, self.section.key, values["text"], values["heading"])

    @on(TextArea.Changed, "#field-text")
    def _text_changed(self) -> None:
        """An error shown under the text goes as soon as the text is fixed."""
        if self.query("#error-text.-shown"):
            try:
                clean_text(self.text_area.text)
            except ValueError as err:
                self.show_error("text", str(err))
            else:
                self.show_error("text", None)
