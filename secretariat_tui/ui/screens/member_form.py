"""Add or edit a member. The rules and messages are the domain's (``member_fields``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from textual import on
from textual.widgets import Input, Select

from secretariat_tui.domain.fields import Field
from secretariat_tui.domain.member_fields import (
    MEMBER_FIELDS,
    NEW_MEMBER_FIELDS,
    apply_edit,
    create_member,
    parse_member_fields,
    raw_fields,
)
from secretariat_tui.domain.members import Member, MemberKind, MembershipForm
from secretariat_tui.ui.widgets.record_form import RecordForm


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
        today = today or date.today()
        defaults = {"kind": "organisation", "form": "full", "joined": today.isoformat()}
        start = initial or (raw_fields(member) if member else defaults)
        title = f"Redigera medlem: {member.name}" if member else "Ny medlem"
        intro = (
            "Byter du medlemsform sparas bytet med datum; den gamla formen finns kvar i historiken."
            if member
            else ""
        )
        super().__init__(title, start, intro, save=save, today=today)

    def form_fields(self) -> Sequence[Field]:
        return MEMBER_FIELDS if self.member else NEW_MEMBER_FIELDS

    def build(self, values: dict[str, str]) -> Member:
        draft = parse_member_fields(values, self.today)
        return apply_edit(self.member, draft, self.today) if self.member else create_member(draft)

    def on_mount(self) -> None:
        """Before RecordForm's own (Textual runs a subclass's handler first), so the values
        it keeps as "unchanged" are those of the fitted form."""
        if self.built:
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
