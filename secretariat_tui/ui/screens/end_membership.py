"""End a membership: the date and the reason. The member stays in the register."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from secretariat_tui.domain.dates import parse_date
from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.fields import Field
from secretariat_tui.domain.member_fields import check_date
from secretariat_tui.domain.members import Member
from secretariat_tui.ui.widgets.record_form import FieldSpec, RecordForm


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
        super().__init__(
            f"Avsluta medlemskapet för {member.name}?",
            {"ended": (today or date.today()).isoformat(), "end_reason": ""},
            "Medlemmen finns kvar i registret med sin historik; "
            "årets och tidigare års siffror påverkas inte bakåt.",
            save=save,
        )

    def form_fields(self) -> Sequence[Field]:
        return (
            FieldSpec("ended", "Sista dag som medlem", check_date, placeholder="ÅÅÅÅ-MM-DD"),
            FieldSpec("end_reason", "Anledning", placeholder="t.ex. egen begäran"),
        )

    def build(self, values: dict[str, str]) -> Member:
        try:
            day = parse_date(values["ended"])
        except ValueError as err:
            raise FieldErrors({"ended": str(err)}) from None
        return self.member.end(day, values["end_reason"])
