"""The Word template reports, invoices and invoice mails are written on, read in one place for
the command line and the TUI: a file the user names (``--template``, ``settings set
report-template``) or, when they name none, the one shipped with the program (None here).

A name that is no ``.docx``, a file that cannot be read and one that is no Word document are
all a ``TemplateUnusable`` whose Swedish reason begins with the file; each front end says
where the name came from (a flag, the setting, "Word-mallen") and what was not done.
python-docx loads only when a template is checked.
"""

from __future__ import annotations

from pathlib import Path

from secretariat_tui.store.user_config import load_user_config, read_template_file

SETTING = "report-template"
"""The user's setting, as ``settings set`` names it."""


class TemplateUnusable(ValueError):
    """Why the template cannot be used, in Swedish, beginning with the file."""


def checked_template(path: Path) -> bytes:
    """The bytes of the Word template at ``path``, read and checked."""
    from secretariat_tui.exports.report_docx import TemplateError, check_template

    try:
        data = read_template_file(path)
        check_template(data)
    except TemplateError as err:
        raise TemplateUnusable(f"{path} {err}") from None
    except ValueError as err:  # read_template_file's reasons already begin with the file
        raise TemplateUnusable(str(err)) from None
    return data


def users_template() -> bytes | None:
    """The user's own template (the setting), checked; None: the shipped one."""
    chosen = load_user_config().report_template
    return None if chosen is None else checked_template(chosen)
