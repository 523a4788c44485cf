"""The association's details (name, organisation number, address, payment numbers, invoice
terms, the e-mail sender and SMTP server): the first step of a new register, and what an
invoice prints.

The fields and their rules are the domain's (``association_fields``), the same that
``settings set`` reads; the form only lays them out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from secretariat_tui.domain.association_fields import (
    ASSOCIATION_FIELDS,
    association_text,
    parse_association_fields,
)
from secretariat_tui.domain.fields import Field
from secretariat_tui.domain.settings import Settings
from secretariat_tui.ui.widgets.record_form import RecordForm


class AssociationForm(RecordForm[Settings]):
    """Returns the settings with the details as typed (stored by ``save``), or None."""

    def __init__(self, settings: Settings, *, save: Callable[[Settings], Settings]) -> None:
        self.settings = settings
        super().__init__(
            "Föreningens uppgifter",
            association_text(settings),
            "Föreningens namn och organisationsnummer; adress, bankgiro eller plusgiro och "
            "betalningsvillkor för fakturorna; avsändare och SMTP-server för e-post (lösenordet "
            "sparas aldrig här). Du ändrar dem när som helst med f på översikten.",
            save=save,
        )

    def form_fields(self) -> Sequence[Field]:
        return ASSOCIATION_FIELDS

    def build(self, values: dict[str, str]) -> Settings:
        return parse_association_fields(values, self.settings)
