"""Synthetic Korean knowledge bases built from the default KB's own vocabulary.

Pages recombine the default pages' keyword phrases, headings and sentences, so a search engine
sees realistic Korean terms, particles and page lengths. The same seed gives the same files.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# Ten folders, like a help center with ~10 categories; the first four match the default KB.
CATEGORIES = ("guide", "account", "settings", "paid", "friends", "chat", "profile", "gift",
              "pay", "security")
TITLE_PATTERNS = (
    "{a} 중에 {b} 문제가 생겼어요",
    "{a}: {b} 어떻게 하나요?",
    "{a} 할 때 {b} 확인 방법",
    "{a} 후 {b} 안내",
    "{a} — {b} 해결 방법은?",
)
SERVICES = ("카카오톡", "카카오페이", "선물하기", "이모티콘")


@dataclass
class Vocabulary:
    keywords: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    summaries: list[str] = field(default_factory=list)


@dataclass
class GeneratedPage:
    src_uri: str  # "account/q00042.md"
    title: str
    keywords: list[str]


@dataclass
class KnowledgeBase:
    docs_dir: Path
    pages: list[GeneratedPage]

    def sample_queries(self, count: int, seed: int) -> list[str]:
        """Terms customers would type, taken from random pages: a keyword or a title phrase."""
        rng = random.Random(seed)
        queries = []
        for _ in range(count):
            page = rng.choice(self.pages)
            queries.append(rng.choice(page.keywords[:2] + [page.title.split(" ")[0]]))
        return queries


def read_vocabulary(docs_dir: Path) -> Vocabulary:
    """Collect keyword phrases, h2 headings and plain sentences of every page under docs_dir."""
    vocab = Vocabulary()
    for path in sorted(docs_dir.rglob("*.md")):
        meta, body = _split_front_matter(path.read_text(encoding="utf-8"))
        vocab.keywords += [str(k) for k in meta.get("keywords") or []]
        if meta.get("summary"):
            vocab.summaries.append(str(meta["summary"]))
        for line in body.splitlines():
            if line.startswith("## "):
                vocab.headings.append(line[3:].strip())
            elif text := _plain_text(line):
                vocab.sentences += [s for s in re.split(r"(?<=[.?!])\s+", text) if len(s) > 8]
    for words in (vocab.keywords, vocab.headings, vocab.sentences, vocab.summaries):
        words[:] = sorted(set(words))
    if not (vocab.keywords and vocab.headings and vocab.sentences and vocab.summaries):
        raise ValueError(f"{docs_dir}: needs pages with keywords, summaries, ## headings and text")
    return vocab


def generate(out_dir: Path, pages: int, vocab: Vocabulary, seed: int = 1,
             plain: bool = False) -> KnowledgeBase:
    """Write `pages` FAQ pages (plus a home page) into out_dir/docs; returns what was written.

    plain: ordinary MkDocs pages instead, titled by a `# heading`, with no front matter at all.
    """
    rng = random.Random(seed)
    docs_dir = out_dir / "docs"
    for category in CATEGORIES:
        (docs_dir / category).mkdir(parents=True, exist_ok=True)
    (docs_dir / "index.md").write_text(
        "---\ntitle: 고객센터 도움말\n---\n\n궁금한 내용을 검색하거나 주제별로 찾아보세요.\n",
        encoding="utf-8",
    )
    written = []
    titles: set[str] = set()
    for number in range(pages):
        page = _page(rng, vocab, number)
        while page.title in titles:  # doum rejects two pages with the same question
            page = _page(rng, vocab, number)
        titles.add(page.title)
        text = _plain_markdown(rng, vocab, page) if plain else _markdown(rng, vocab, page, number)
        (docs_dir / page.src_uri).write_text(text, encoding="utf-8")
        written.append(page)
    return KnowledgeBase(docs_dir=docs_dir, pages=written)


def _page(rng: random.Random, vocab: Vocabulary, number: int) -> GeneratedPage:
    a, b = rng.sample(vocab.keywords, 2)
    keywords = [a, b, *rng.sample(vocab.keywords, rng.randint(2, 5))]
    category = CATEGORIES[number % len(CATEGORIES)]
    return GeneratedPage(
        src_uri=f"{category}/q{number:05d}.md",
        title=rng.choice(TITLE_PATTERNS).format(a=a, b=b),
        keywords=list(dict.fromkeys(keywords)),
    )


def _markdown(rng: random.Random, vocab: Vocabulary, page: GeneratedPage, number: int) -> str:
    summary = rng.choice(vocab.summaries)
    meta = {
        "title": page.title,
        "summary": summary,
        "keywords": page.keywords,
        "service": rng.choice(SERVICES),
        "order": number // len(CATEGORIES) + 1,
    }
    parts = ["---", yaml.safe_dump(meta, allow_unicode=True, sort_keys=False).strip(), "---", "",
             summary, "", " ".join(rng.sample(vocab.sentences, 2)), ""]
    for heading in rng.sample(vocab.headings, rng.randint(2, 4)):
        parts += [f"## {heading}", ""]
        if rng.random() < 0.5:
            steps = rng.sample(vocab.sentences, rng.randint(2, 4))
            parts += [f"{i}. {step}" for i, step in enumerate(steps, 1)]
        else:
            parts.append(" ".join(rng.sample(vocab.sentences, rng.randint(2, 5))))
        parts.append("")
    return "\n".join(parts)


def _plain_markdown(rng: random.Random, vocab: Vocabulary, page: GeneratedPage) -> str:
    parts = [f"# {page.title}", "", rng.choice(vocab.summaries), ""]
    for heading in rng.sample(vocab.headings, rng.randint(1, 3)):
        parts += [f"## {heading}", "", " ".join(rng.sample(vocab.sentences, rng.randint(2, 4))), ""]
    return "\n".join(parts)


def _split_front_matter(text: str) -> tuple[dict, str]:
    if not text.startswith("---"):
        return {}, text
    head, _, body = text[3:].partition("\n---")
    meta = yaml.safe_load(head)
    return (meta if isinstance(meta, dict) else {}), body


_MARKUP = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"\*\*|`"), ""),
    (re.compile(r"^\s*(\d+\.|[-*])\s+"), ""),  # list markers
]


def _plain_text(line: str) -> str:
    """A line of running text without Markdown syntax; "" for headings, blocks and markers."""
    stripped = line.strip()
    if not stripped or stripped[0] in "#!?=/|<:" or stripped.startswith(("---", "(", "{")):
        return ""
    for pattern, replacement in _MARKUP:
        stripped = pattern.sub(replacement, stripped)
    return stripped.strip()
