"""Word templates of the association's own, made with python-docx for the tests.

Unlike the shipped template: Letter paper with 3 cm margins, a serif font, dark red
headings, a header and a footer, and some body text of the template's own that the report
must replace. ``without`` leaves styles out, as a document saved from Word holds only the
styles in use.
"""

from __future__ import annotations

import io

from docx import Document
from docx.shared import Cm, Pt, RGBColor

HEADER = "Föreningen Exempel – verksamhetsberättelse"
FOOTER = "Org.nr 802001-6011 · Exempelgatan 1, Stockholm"
BODY = "Mallens egen text, som utkastet ersätter."
FONT = "Liberation Serif"
MARGIN = Cm(3)


def own_template(*without: str) -> bytes:
    document = Document()
    section = document.sections[0]
    section.left_margin = section.right_margin = MARGIN
    section.header.paragraphs[0].text = HEADER
    section.footer.paragraphs[0].text = FOOTER
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(12)
    for name in ("Title", "Heading 1", "Heading 2"):
        style = document.styles[name]
        style.font.name, style.font.color.rgb = FONT, RGBColor(0x80, 0, 0)
    document.add_paragraph(BODY)
    for name in without:
        element = document.styles[name].element
        element.getparent().remove(element)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
