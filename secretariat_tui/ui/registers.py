"""The registers of the top bar, in its order, each with the key that switches to it.

A constant module rather than an attribute of the App: the nav bar of every register screen
and the App's keys read the same tuple, and neither needs the other to find it.
"""

from __future__ import annotations

from dataclasses import dataclass

from secretariat_tui.ui.commands import Command


@dataclass(frozen=True)
class RegisterTab:
    mode: str
    key: str
    title: str
    about: str
    """What is in it, in the words a user searches the palette with ("plattform", "ics")."""

    def command(self) -> Command:
        """The key that switches to this register, from anywhere but a dialog."""
        return Command(
            self.key,
            f"switch_register('{self.mode}')",
            self.title,
            f"Gå till {self.title.lower()}: {self.about}",
            id=f"goto-{self.mode}",
            footer=False,
        )


REGISTERS = (
    RegisterTab("overview", "0", "Översikt", "det som behöver göras nu"),
    RegisterTab("members", "1", "Medlemmar", "organisationer, personer, kontakter, GDPR"),
    RegisterTab("fees", "2", "Avgifter", "årsavgifter, betalningar, taxor, påminnelser"),
    RegisterTab("board", "3", "Styrelse", "poster, årsmöten, röstlängd, valberedning"),
    RegisterTab("calendar", "4", "Kalender", "aktiviteter, plattformsmöten, ICS-filer"),
    RegisterTab("networks", "5", "Nätverk", "nätverk som plattformen är med i"),
    RegisterTab("submissions", "6", "Påverkan", "remissvar, debattartiklar, inlagor"),
    RegisterTab("report", "7", "Berättelse", "verksamhetsberättelsens texter, utkastet"),
)
