"""Synthetic Korean knowledge bases built from the default KB's own vocabulary.

Pages recombine the default pages' keyword phrases, headings and sentences, so a search engine
sees realistic Korean terms, particles and page lengths. The same seed gives the same files.

Two vocabulary modes:
- fixed: every page reuses the default KB's ~230 keyword phrases, so the distinct-term count
  stops growing after a few hundred pages;
- growing: each page also names product features, Korean compound nouns and Latin product
  names drawn from a Pitman–Yor process over morpheme and syllable inventories, so new terms
  keep arriving and the distinct-term count grows like Heaps' law (≈ K·n^β) as in a real
  help center.
"""

from __future__ import annotations

import random
import re
from collections import Counter
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
MODES = ("fixed", "growing")

# Growing mode: compound nouns are 2–3 morphemes of a help center's domain ("알림"+"동기화"),
# new Korean names are built from syllables, product names from Latin syllables.
MORPHEMES = (
    "결제", "알림", "보안", "동기화", "예약", "정산", "쿠폰", "포인트", "멤버십", "구독", "백업",
    "복원", "인증", "본인", "확인", "계정", "연동", "공유", "채팅", "그룹", "방장", "초대", "링크",
    "사진", "동영상", "파일", "전송", "용량", "기기", "로그인", "비밀", "번호", "주소", "배송",
    "주문", "취소", "환불", "영수증", "카드", "계좌", "송금", "충전", "잔액", "한도", "이체", "선물",
    "교환", "반품", "상품", "리뷰", "검색", "설정", "화면", "테마", "글꼴", "음성", "통화", "영상",
    "프로필", "친구", "차단", "신고", "숨김", "보관", "자동", "수동", "일정", "캘린더",
    "메모", "지갑", "자산", "대출", "적금", "보험", "택시", "지도", "위치", "날씨", "게임", "음악",
    "출석", "스티커", "요금제", "데이터", "청구서",
)
ONSETS, VOWELS = 19, 21  # Unicode Hangul syllable order: U+AC00 + (onset·21 + vowel)·28 + final
FINALS = (0, 0, 0, 1, 4, 8, 16, 17, 21)  # none (most often), ㄱ ㄴ ㄹ ㅁ ㅂ ㅇ: common in names
LATIN_SYLLABLES = ("ka", "lo", "mi", "zen", "tra", "vo", "nex", "ly", "qua", "ro", "sa", "ti",
                   "fi", "on", "pix", "ber", "dy", "mo", "xa", "lu", "vi", "cor", "ne", "al")
FEATURE_SUFFIXES = ("기능", "설정", "서비스", "모드", "센터", "플러스", "메뉴", "옵션")
GROWING_SENTENCES = (
    "{a}에서 {b}을 켜거나 끌 수 있어요.",
    "{a} 화면의 {b} 메뉴를 눌러 주세요.",
    "{a}를 업데이트하면 {b} 문제가 해결될 수 있어요.",
    "{a}와 {b}는 함께 사용할 수 없어요.",
    "{a} 이용 중 {b} 오류가 보이면 앱을 다시 시작해 주세요.",
)
# Pitman–Yor discount and strength: the number of distinct names after n draws grows ≈ n^0.7.
PY_DISCOUNT, PY_STRENGTH = 0.7, 20.0


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
    mode: str = "fixed"
    distinct_terms: int = 0  # distinct word forms (Hangul and Latin runs) over every page written

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


class NameSource:
    """New product names and compound nouns, drawn like words in a growing corpus.

    A Pitman–Yor (Chinese restaurant) process: a draw returns a name seen before in proportion
    to its use, or a new one with a probability that shrinks slowly — Heaps' law.
    """

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.names: list[str] = []
        self.uses: list[float] = []
        self.draws = 0
        self.seen: set[str] = set()

    def draw(self) -> str:
        known = len(self.names)
        new = (PY_STRENGTH + PY_DISCOUNT * known) / (PY_STRENGTH + self.draws)
        self.draws += 1
        if not known or self.rng.random() < new:
            name = self._new_name()
            self.names.append(name)
            self.uses.append(1 - PY_DISCOUNT)
            return name
        index = self.rng.choices(range(known), weights=self.uses)[0]
        self.uses[index] += 1
        return self.names[index]

    def _new_name(self) -> str:
        while True:
            kind = self.rng.random()
            if kind < 0.45:
                name = "".join(self.rng.sample(MORPHEMES, self.rng.randint(2, 3)))
            elif kind < 0.75:
                name = self._hangul_name() + self.rng.choice(FEATURE_SUFFIXES)
            else:
                name = "".join(self.rng.sample(LATIN_SYLLABLES, self.rng.randint(2, 3)))
                name = name.capitalize() + self.rng.choice(("", " Pay", " Sync", " Pro", " Link"))
            if name not in self.seen:
                self.seen.add(name)
                return name

    def _hangul_name(self) -> str:
        syllables = []
        for _ in range(self.rng.randint(2, 3)):
            onset, vowel = self.rng.randrange(ONSETS), self.rng.randrange(VOWELS)
            syllables.append(chr(0xAC00 + (onset * VOWELS + vowel) * 28 + self.rng.choice(FINALS)))
        return "".join(syllables)


def generate(out_dir: Path, pages: int, vocab: Vocabulary, seed: int = 1,
             plain: bool = False, mode: str = "fixed") -> KnowledgeBase:
    """Write `pages` FAQ pages (plus a home page) into out_dir/docs; returns what was written.

    plain: ordinary MkDocs pages instead, titled by a `# heading`, with no front matter at all.
    mode: "fixed" (the default KB's keywords only) or "growing" (new names on every page).
    """
    if mode not in MODES:
        raise ValueError(f"vocabulary mode {mode!r}: use one of {', '.join(MODES)}")
    rng = random.Random(seed)
    names = NameSource(random.Random(seed + 1)) if mode == "growing" else None
    words: Counter[str] = Counter()
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
        fresh = [names.draw() for _ in range(rng.randint(3, 6))] if names else []
        page = _page(rng, vocab, number, fresh)
        while page.title in titles:  # doum rejects two pages with the same question
            page = _page(rng, vocab, number, fresh)
        titles.add(page.title)
        text = _plain_markdown(rng, vocab, page) if plain else _markdown(rng, vocab, page, number)
        if fresh:
            text += _growing_section(rng, fresh)
        (docs_dir / page.src_uri).write_text(text, encoding="utf-8")
        words.update(word_forms(text))
        written.append(page)
    return KnowledgeBase(docs_dir=docs_dir, pages=written, mode=mode, distinct_terms=len(words))


def word_forms(text: str) -> list[str]:
    """Word forms as the report counts them: runs of Hangul syllables, or of Latin letters and
    digits that start with a letter (bare numbers such as `order: 417` are not vocabulary)."""
    return [word.lower() for word in re.findall(r"[가-힣]+|[A-Za-z][A-Za-z0-9]*", text)]


def _page(rng: random.Random, vocab: Vocabulary, number: int,
          fresh: list[str] = ()) -> GeneratedPage:
    if fresh:  # growing mode: the page is about its new names first
        a, b = fresh[0], rng.choice([*fresh[1:], *vocab.keywords])
    else:
        a, b = rng.sample(vocab.keywords, 2)
    keywords = [a, b, *fresh[1:3], *rng.sample(vocab.keywords, rng.randint(2, 5))]
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


def _growing_section(rng: random.Random, fresh: list[str]) -> str:
    """A section that uses the page's new names in running text, as a real answer would."""
    sentences = [rng.choice(GROWING_SENTENCES).format(a=a, b=b)
                 for a, b in (rng.sample(fresh, 2) for _ in range(rng.randint(2, 4)))]
    return "\n## 관련 기능\n\n" + " ".join(sentences) + "\n"


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
