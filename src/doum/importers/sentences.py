"""The one-sentence summary of an answer, and whether an answer is a sentence at all."""

from __future__ import annotations

import re

SUMMARY_LIMIT = 160  # characters; search results and meta descriptions show about this much
# A sentence ends at . ? ! (or their full-width forms) followed by a space or the end — so
# "1.5배" and "v2.0" do not end one.
_END_RE = re.compile(r"(?<=[.?!。？！])(?=\s|$)")
_HAS_END_RE = re.compile(r"[.?!。？！]|[요다죠까]$")


_TAG_LIKE_RE = re.compile(r"<\s*/?\s*[a-zA-Z!?][^<>]*>?")


def inline_text(text: str) -> str:
    """Text for a front-matter value (title, summary, keyword): one line, and nothing that reads
    as an HTML tag — an old page's text "&lt;script&gt;" must not become a tag on the new site."""
    return " ".join(_TAG_LIKE_RE.sub(" ", text).split())


def first_sentence(text: str) -> str:
    text = inline_text(text)
    match = _END_RE.search(text)
    sentence = text[: match.start()] if match else text
    if len(sentence) > SUMMARY_LIMIT:
        cut = sentence.rfind(" ", 0, SUMMARY_LIMIT - 1)
        sentence = sentence[: cut if cut > SUMMARY_LIMIT // 2 else SUMMARY_LIMIT - 1] + "…"
    return sentence


def shorter_than_a_sentence(text: str) -> bool:
    """"네", "설정 메뉴", "위 참고" — answers a customer cannot act on."""
    text = " ".join(text.split())
    letters = len(text.replace(" ", ""))
    return letters < 10 or (letters < 20 and not _HAS_END_RE.search(text))
