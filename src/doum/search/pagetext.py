"""Split a rendered page into its intro and its h2/h3 sections, as plain text."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

SECTION_TAGS = {"h2", "h3"}
SKIPPED_TAGS = {"script", "style", "svg", "template"}
# Words end at these tags even when the HTML has no space between them.
BLOCK_TAGS = {
    "p", "li", "div", "br", "td", "th", "tr", "summary", "details", "figcaption", "h1", "h2",
    "h3", "h4", "h5", "h6", "pre", "blockquote", "dt", "dd", "section", "table",
}


@dataclass
class Section:
    anchor: str  # "" for the intro before the first h2/h3
    heading: str = ""
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())


class _SectionParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections = [Section(anchor="")]
        self.heading: list[str] | None = None  # collecting a heading's text
        self.skip_depth = 0  # inside script/style or a heading's permalink

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in SKIPPED_TAGS or (tag == "a" and "headerlink" in (attributes.get("class") or "")):
            self.skip_depth += 1
        elif tag in SECTION_TAGS and attributes.get("id"):
            self.sections.append(Section(anchor=attributes["id"] or ""))
            self.heading = []
        if tag in BLOCK_TAGS:
            self._add(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.skip_depth and (tag in SKIPPED_TAGS or tag == "a"):
            self.skip_depth -= 1
        elif tag in SECTION_TAGS and self.heading is not None:
            self.sections[-1].heading = " ".join("".join(self.heading).split())
            self.heading = None
        if tag in BLOCK_TAGS:
            self._add(" ")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self._add(data)

    def _add(self, text: str) -> None:
        if self.heading is not None:
            self.heading.append(text)
        else:
            self.sections[-1].parts.append(text)


def sections(html: str) -> list[Section]:
    """The intro (anchor "") followed by one Section per h2/h3 that has an id."""
    parser = _SectionParser()
    parser.feed(html)
    parser.close()
    return parser.sections
