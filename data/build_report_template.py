"""Build the Word template the annual report is written on when the user names none.

Run it with ``.venv/bin/python data/build_report_template.py``; it writes
``secretariat_tui/exports/templates/verksamhetsberattelse.docx``, byte for byte the same on
every run (fixed dates in the document and in the zip), so a change shows in review.

It starts from python-docx's own default template and makes it sober, the way a Swedish
association's report looks rather than Word 2010's sample: black headings in one sans font
(Arial; LibreOffice shows it as the metrically identical Liberation Sans), A4 with 2.5 cm
margins, Swedish (sv-SE) as the language of every style so Word spell-checks in Swedish, a
page number in the footer, no author. Only the styles the report uses (and those they build
on) are kept, so Word's style gallery shows the report's styles and not 160 table designs;
the sample thumbnail and the customXml and stylesWithEffects parts go too.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles import BabelFish
from lxml import etree

TARGET = (
    Path(__file__).resolve().parents[1]
    / "secretariat_tui"
    / "exports"
    / "templates"
    / "verksamhetsberattelse.docx"
)
FONT = "Arial"
LANGUAGE = "sv-SE"
STAMP = (2024, 1, 1, 0, 0, 0)
KEEP = {
    "Normal",
    "Title",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "List Bullet",
    "List Number",
    "Table Grid",
    "Header",
    "Footer",
}
"""The styles the report writes with; the styles they are based on or linked to stay too."""
SIZES = {"Title": 20, "Heading 1": 14, "Heading 2": 12, "Heading 3": 11}
"""Points: a title, then two heading levels a reader tells apart without colour."""
SPACING = {"Title": (0, 12), "Heading 1": (18, 6), "Heading 2": (12, 4), "Heading 3": (10, 2)}
"""Points before and after: more air above a heading than below, so it sits with its text."""
DROPPED_PARTS = ("docProps/thumbnail.jpeg", "customXml/", "word/stylesWithEffects.xml")


def _prune_styles(document: DocxDocument) -> None:
    """Keep ``KEEP``, the defaults Word needs, and every style those are based on or link."""
    styles = document.styles.element
    by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    internal = {BabelFish.ui2internal(name) for name in KEEP}
    wanted = {
        style_id
        for style_id, style in by_id.items()
        if style.name_val in internal or style.get(qn("w:default")) == "1"
    }
    pending = list(wanted)
    while pending:
        style = by_id[pending.pop()]
        for tag in ("w:basedOn", "w:link", "w:next"):
            found = style.find(qn(tag))
            target = None if found is None else found.get(qn("w:val"))
            if target in by_id and target not in wanted:
                wanted.add(target)
                pending.append(target)
    for style_id, style in by_id.items():
        if style_id not in wanted:
            styles.remove(style)


def _plain_fonts(document: DocxDocument) -> None:
    """One sans font, black, Swedish: no theme fonts or colours left for a style to pick up."""
    root = document.styles.element
    for fonts in root.iter(qn("w:rFonts")):
        for attribute in list(fonts.attrib):
            del fonts.attrib[attribute]
        for side in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(side), FONT)
    for colour in list(root.iter(qn("w:color"))):
        colour.getparent().remove(colour)
    for border in list(root.iter(qn("w:pBdr"))):  # the Title's blue rule
        border.getparent().remove(border)
    for language in root.iter(qn("w:lang")):
        language.set(qn("w:val"), LANGUAGE)
    document.settings.element.find(qn("w:themeFontLang")).set(qn("w:val"), LANGUAGE)


def _restyle(document: DocxDocument) -> None:
    for name, size in SIZES.items():
        style = document.styles[name]
        style.font.size, style.font.bold = Pt(size), True
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.italic = False
        before, after = SPACING[name]
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.keep_with_next = True
    normal = document.styles["Normal"]
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)


def _page(document: DocxDocument) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.header_distance = section.footer_distance = Cm(1.25)
    footer = section.footer.paragraphs[0]
    footer.style = document.styles["Footer"]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = footer.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), ("end", None)):
        if kind is None:
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = text
            run._r.append(code)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def _no_author(document: DocxDocument) -> None:
    properties = document.core_properties
    properties.author = properties.last_modified_by = properties.comments = ""
    properties.title = properties.subject = properties.keywords = properties.category = ""
    properties.language = LANGUAGE
    properties.revision = 1
    properties.created = properties.modified = datetime(*STAMP)


def _rezip(data: bytes) -> bytes:
    """The same bytes on every run: fixed dates, the sample parts left out with their links."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename.startswith(DROPPED_PARTS):
                continue
            content = source.read(info.filename)
            if info.filename.endswith(".rels") or info.filename == "[Content_Types].xml":
                content = _unlink(content)
            target.writestr(zipfile.ZipInfo(info.filename, STAMP), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _unlink(xml: bytes) -> bytes:
    """A relationship or content-type entry that names a dropped part is dropped with it."""
    root = etree.fromstring(xml)
    for element in list(root):
        named = element.get("Target") or element.get("PartName") or ""
        if any(part.removeprefix("word/") in named for part in DROPPED_PARTS):
            root.remove(element)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def build() -> bytes:
    document = Document()
    _prune_styles(document)
    _plain_fonts(document)
    _restyle(document)
    _page(document)
    _no_author(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return _rezip(buffer.getvalue())


def main() -> None:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(build())
    print(f"Wrote {TARGET}")


if __name__ == "__main__":
    main()
