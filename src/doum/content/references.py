"""What a page's Markdown points at: images, links and their anchors, `related:` pages.

Read from the source (not the rendered HTML) so every finding keeps the line the author sees,
in time linear in the page's length: no pattern here scans past the next bracket it meets.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Callable, Collection, Mapping
from urllib.parse import unquote, urlsplit

from doum.content.markdown_source import Prose, without_code_spans
from doum.content.problems import ProblemLog

SiteFiles = Collection[str]  # docs-relative paths of every file of the site
Slugify = Callable[[str, str], str]  # Python-Markdown's toc slugify(text, separator)

# Bracket text stops at the next bracket, so `![[a![[a…` cannot make a match rescan the line.
_BRACKETS = r"(?:\\.|\[[^\[\]]*\]|[^\[\]\\])*"
_TARGET = r"(?:\(\s*(?P<src><[^<>]*>|[^\s()]+)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)" \
          r"|\[(?P<ref>[^\[\]]*)\])?"
MD_IMAGE_RE = re.compile(r"!\[(?P<alt>" + _BRACKETS + r")\]" + _TARGET)
MD_LINK_RE = re.compile(r"(?<![!\\])\[(?P<text>" + _BRACKETS + r")\]" + _TARGET)
HTML_IMG_RE = re.compile(r"<img\b(?P<attrs>[^>]*)>", re.IGNORECASE)
ATTR_RE = re.compile(r"""([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
REF_DEF_RE = re.compile(r"^\s{0,3}\[(?P<label>[^\[\]]+)\]:\s*(?P<url><[^<>]*>|\S+)")
HEADING_RE = re.compile(r"^ {0,3}(#{1,6})\s+(?P<text>.*?)\s*(?:\{(?P<attrs>[^{}]*)\})?\s*#*\s*$")
EXPLICIT_ID_RE = re.compile(r"""(?:\{[^{}]*#(?P<attr>[\w-]+)[^{}]*\}|\bid=["'](?P<html>[^"']+)["'])""")
ALT_FIX = ("describe in Korean what the screenshot shows: "
           "![설정 화면. 알림 항목에 1번 표시가 있어요](../assets/screens/이름.png)")


def html_attributes(attrs: str) -> dict[str, str]:
    return {m.group(1).lower(): next((g for g in m.groups()[1:] if g is not None), "")
            for m in ATTR_RE.finditer(attrs)}


def local_target(src_uri: str, url: str) -> str | None:
    """The docs-relative path a link of a page points to; None for external or empty links."""
    parts = urlsplit(url)
    if not parts.path or parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(
        posixpath.dirname(src_uri), path)
    normal = posixpath.normpath(joined)
    return normal if normal != "." else ""


def _relative_hint(src_uri: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(src_uri) or ".")


def check_images(path: str, src_uri: str, lines: Prose, site_files: SiteFiles,
                 problems: ProblemLog) -> None:
    """Images without alt text and images whose file is missing, at their source line."""
    references = _references(lines)
    for number, line in lines:
        line = without_code_spans(line)
        for match in MD_IMAGE_RE.finditer(line):
            src = _link_target(match, references)
            _check_image(path, src_uri, number, match.group("alt"), src, site_files, problems)
        for match in HTML_IMG_RE.finditer(line):
            attrs = html_attributes(match.group("attrs"))
            _check_image(path, src_uri, number, attrs.get("alt", ""), attrs.get("src", ""),
                         site_files, problems)


def check_links(path: str, src_uri: str, lines: Prose, site_files: SiteFiles,
                anchors: Callable[[str], set[str] | None], problems: ProblemLog) -> None:
    """Body links to docs files that do not exist, and to `#anchors` their page does not have.

    anchors(src_uri) gives a page's heading ids (None for a file that is not a page).
    """
    references = _references(lines)
    for number, line in lines:
        for match in MD_LINK_RE.finditer(without_code_spans(line)):
            url = _link_target(match, references)
            if not url or urlsplit(url).scheme or url.startswith("//"):
                continue
            target = local_target(src_uri, url) if urlsplit(url).path else src_uri
            fragment = unquote(urlsplit(url).fragment)
            if target is None:
                continue
            if target not in site_files and not _is_directory_link(target, site_files):
                close = difflib.get_close_matches(target, list(site_files), n=1, cutoff=0.6)
                fix = (f"did you mean `{_relative_hint(src_uri, close[0])}`? Paths are relative "
                       "to this page" if close
                       else "correct the path (relative to this page, e.g. ../account/이름.md)")
                problems.error(path, number, f"link target not found: {url} (looked for {target} "
                               "in the docs folder)", fix)
                continue
            ids = anchors(target) if fragment else None
            if fragment and ids is not None and fragment not in ids:
                close = difflib.get_close_matches(fragment, sorted(ids), n=1, cutoff=0.5)
                fix = (f"did you mean `#{close[0]}`?" if close
                       else "link to a heading the page has, or remove the `#…` part")
                problems.warning(path, number, f"{target} has no heading #{fragment}", fix)


def heading_ids(lines: Prose, slugify: Slugify, separator: str = "-") -> set[str]:
    """The anchors Python-Markdown's toc gives a page: explicit `{#id}`s and slugged headings."""
    ids: set[str] = set()
    for _, line in lines:
        for match in EXPLICIT_ID_RE.finditer(line):
            ids.add(match.group("attr") or match.group("html"))
        heading = HEADING_RE.match(line)
        if heading and not (heading.group("attrs") and "#" in heading.group("attrs")):
            slug = slugify(_plain_heading(heading.group("text")), separator)
            unique, count = slug, 0
            while unique in ids:  # toc numbers repeated headings: x, x_1, x_2
                count += 1
                unique = f"{slug}_{count}"
            ids.add(unique)
    return ids


def _plain_heading(text: str) -> str:
    text = re.sub(r"!\[[^\[\]]*\]\([^()]*\)", "", text)
    text = re.sub(r"\[([^\[\]]*)\]\([^()]*\)", r"\1", text)
    return re.sub(r"[`*_~]", "", text)


def _is_directory_link(target: str, site_files: SiteFiles) -> bool:
    return f"{target}/index.md" in site_files or (target == "" and "index.md" in site_files)


def _references(lines: Prose) -> Mapping[str, str]:
    return {m.group("label").lower(): m.group("url").strip("<>")
            for _, line in lines if (m := REF_DEF_RE.match(line))}


def _link_target(match: re.Match[str], references: Mapping[str, str]) -> str:
    if match.group("src") is not None:
        return match.group("src").strip("<>")
    # [text][] and [text] use their own text as the label
    label = match.group("ref") or match.groupdict().get("text") or match.groupdict().get("alt")
    return references.get((label or "").lower(), "")


def _check_image(path: str, src_uri: str, line: int, alt: str, src: str, site_files: SiteFiles,
                 problems: ProblemLog) -> None:
    shown = src or "(no source)"
    if not alt.strip():
        problems.error(path, line, f"image {shown} has no alt text", ALT_FIX)
    target = local_target(src_uri, src)
    if target is not None and target not in site_files:
        close = difflib.get_close_matches(target, list(site_files), n=1, cutoff=0.6)
        fix = (f"did you mean `{_relative_hint(src_uri, close[0])}`? Paths are relative to this "
               "page" if close
               else "put the file there, or correct the path (relative to this page, "
                    "e.g. ../assets/screens/이름.png)")
        problems.error(
            path, line, f"image file not found: {src} (looked for {target} in the docs folder)", fix)


def check_related(path: str, src_uri: str, related: list[str], lines: list[int],
                  pages: list[str], problems: ProblemLog) -> None:
    """`related` must list existing pages, written relative to docs/.

    lines: the source line of each entry of `related`.
    """
    known = set(pages)
    others = [page for page in pages if page != src_uri]
    for target, line in zip(related, lines):
        if target in known:
            continue
        close = difflib.get_close_matches(target, others, n=1, cutoff=0.4)
        fix = (f"did you mean `{close[0]}`? Paths are relative to docs/" if close
               else "write the path relative to docs/, e.g. account/reset-password.md")
        problems.error(path, line, f"related page not found: {target}", fix)


def normal_related(target: str) -> str:
    """`/account/x.md` and `./account/x.md` mean docs/account/x.md too."""
    return posixpath.normpath(target.lstrip("/"))
