"""End a membership: the date and the reason. The member stays in the register."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from secretariat_tui.domain.fields import Field
from secretariat_tui.domain.member_fields import END_FIELDS, end_membership
from secretariat_tui.domain.members import Member
from secretariat_tui.ui.widgets.record_form import RecordForm


class EndMembershipForm(RecordForm[Member]):
    SAVE_LABEL = "Avsluta medlemskapet"

    def __init__(
        self,
        member: Member,
        *,
        today: date | None = None,
        save: Callable[[Member], Member] | None = None,
    ) -> None:
        self.member = member
        today = today or date.today()
        super().__init__(
            f"Avsluta medlemskapet för {member.name}?",
            {"ended": today.isoformat(), "end_reason": ""},
            "Medlemmen finns kvar i registret med sin historik; "
            "årets och tidigare års siffror påverkas inte bakåt.",
            save=save,
            today=today,
        )

    def form_fields(self) -> Sequence[Field]:
        return END_FIELDS

    def build(self, values: dict[str, str]) -> Member:
        return end_membership(self.member, values, self.today)
