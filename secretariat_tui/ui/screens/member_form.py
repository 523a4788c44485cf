"""Add or edit a member. The rules and messages are the domain's (``member_fields``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from textual import on
from textual.widgets import Input, Select

from secretariat_tui.domain.fields import Field
from secretariat_tui.domain.member_fields import (
    FIELD_CHECKS,
    FIELD_LABELS,
    apply_edit,
    create_member,
    parse_member_fields,
    raw_fields,
)
from secretariat_tui.domain.members import Member, MemberKind, MembershipForm
from secretariat_tui.ui.widgets.record_form import FieldSpec, RecordForm

KIND_OPTIONS = tuple((kind.label, kind.value) for kind in MemberKind)
FORM_OPTIONS = tuple((form.label, form.value) for form in MembershipForm)
PLACEHOLDERS = {
    "org_number": "NNNNNN-NNNN (valfritt)",
    "email": "namn@exempel.se",
    "joined": "ÅÅÅÅ-MM-DD",
    "form_from": "vid byte av form; tomt = idag",
}


class MemberForm(RecordForm[Member]):
    """Returns the new or edited Member (not yet stored), or None when cancelled."""

    def __init__(
        self,
        member: Member | None = None,
        *,
        initial: Mapping[str, str] | None = None,
        today: date | None = None,
        save: Callable[[Member], Member] | None = None,
    ) -> None:
        self.member = member
        self.today = today or date.today()
        defaults = {"kind": "organisation", "form": "full", "joined": self.today.isoformat()}
        start = initial or (raw_fields(member) if member else defaults)
        title = f"Redigera medlem: {member.name}" if member else "Ny medlem"
        intro = (
            "Byter du medlemsform sparas bytet med datum; den gamla formen finns kvar i historiken."
            if member
            else ""
        )
        super().__init__(title, start, intro, save=save)
        names = [*FIELD_LABELS] if member else [n for n in FIELD_LABELS if n != "form_from"]
        self._specs = [self._spec(name) for name in names]

    def _spec(self, name: str) -> Field:
        options = {"kind": KIND_OPTIONS, "form": FORM_OPTIONS}.get(name)
        return FieldSpec(
            name=name,
            label=FIELD_LABELS[name],
            check=None if options else FIELD_CHECKS[name],
            options=options,
            placeholder=PLACEHOLDERS.get(name, ""),
        )

    def form_fields(self) -> Sequence[Field]:
        return self._specs

    def build(self, values: dict[str, str]) -> Member:
        draft = parse_member_fields(values)
        return apply_edit(self.member, draft, self.today) if self.member else create_member(draft)

    def on_mount(self) -> None:
        super().on_mount()
        self._fit_to_kind()

    @on(Select.Changed, "#field-kind")
    def _kind_changed(self) -> None:
        self._fit_to_kind()

    def _fit_to_kind(self) -> None:
        """An individual gets a form open to individuals and no organisation number field."""
        kind_value = self.field("kind").value
        if kind_value is Select.NULL:
            return
        kind = MemberKind(kind_value)
        form_select: Select[str] = self.field("form")
        form_value = form_select.value
        if isinstance(form_value, str) and kind not in MembershipForm(form_value).allowed_kinds:
            form_select.value = next(f for f in MembershipForm if kind in f.allowed_kinds).value
        org_input: Input = self.field("org_number")
        org_input.disabled = kind is MemberKind.INDIVIDUAL
        if org_input.disabled:
            org_input.value = ""
