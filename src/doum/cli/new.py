"""`doum new CATEGORY "질문"`: a new FAQ page with front matter and a screenshot-guide skeleton."""

from __future__ import annotations

import argparse
import datetime
import json
import re
from pathlib import Path

import yaml

from doum.content import frontmatter, schema
from doum.cli.project import Project, ProjectError, open_project
from doum.content.problems import shown

CATEGORY_RE = re.compile(r"^[\w-]+$")

BODY = """\
여기에 한 문장으로 답을 먼저 적어요. (예: 더보기 → 설정 → 테마에서 바꿀 수 있어요.)

필요하면 어떤 상황에서 이 방법을 쓰는지 한두 문장으로 덧붙여요.

## 따라 하기

1. 처음 누를 곳을 적어요(①).

    <!-- 스크린샷은 이렇게 넣어요. 그림은 docs/assets/screens/에 두고, 크기는 적지 않아요.
    ![화면에 무엇이 보이는지 한국어로 설명하는 대체 텍스트. 누를 곳에 1번 표시가 있어요](../assets/screens/이름.png)
    /// caption
    ① 그림 아래에 보일 설명을 적어요.
    ///
    -->

2. 다음 단계를 적어요(②).

3. 마지막 단계와 그 결과를 적어요(③).

해결되지 않았나요? [문의하기](../contact.md)에서 상황을 알려 주세요.
"""


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "new", help="create a FAQ page from the guide template",
        description="Create docs/CATEGORY/<slug>.md with front matter and a step-by-step skeleton.",
    )
    parser.add_argument("category", help="category folder under docs/, e.g. account")
    parser.add_argument("title", help="the question as customers ask it, e.g. \"비밀번호를 잊어버렸어요\"")
    parser.add_argument("--slug", help="file name without .md (default: from the title)")
    parser.add_argument("--docs", help="docs folder or mkdocs.yml (default: ./mkdocs.yml)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        project = open_project(args.docs)
    except ProjectError as error:
        print(f"doum new: {error}")
        return 2
    if not CATEGORY_RE.match(args.category):
        print(f"doum new: {args.category!r} is not a folder name; use letters, digits and '-' "
              "(e.g. account)")
        return 2
    slug = slugify(args.slug.removesuffix(".md")) if args.slug else slugify(args.title)
    if not slug:
        print("doum new: the title gives no file name; choose one with --slug, e.g. --slug reset-password")
        return 2
    folder = project.docs_dir / args.category
    path = folder / f"{slug}.md"
    if path.exists():
        print(f"doum new: {shown(path)} already exists; nothing was changed. "
              "Choose another file name with --slug.")
        return 1
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(page_text(project, args.category, args.title.strip(), folder), encoding="utf-8")
    print(f"created {shown(path)}")
    return 0


def slugify(title: str) -> str:
    """Keep Hangul, letters and digits; spaces become '-'; punctuation goes."""
    kept = "".join(
        "-" if char.isspace() or char in "-_" else char
        for char in title.lower()
        if char.isalnum() or char.isspace() or char in "-_"
    )
    return re.sub(r"-{2,}", "-", kept).strip("-")


def page_text(project: Project, category: str, title: str, folder: Path) -> str:
    settings = project.options.categories.get(category)
    service = settings.service if settings and settings.service else ""
    front = schema.skeleton(_yaml_text(title), _yaml_text(service) if service else "",
                            next_order(folder), datetime.date.today())
    lines = ["---", *front, "---"]
    return "\n".join(lines) + "\n\n" + BODY


def next_order(folder: Path) -> int:
    """One after the highest `order` in the category (or after the last page without one)."""
    pages = [p for p in folder.glob("*.md") if p.name != "index.md"]
    orders = []
    for page in pages:
        value = frontmatter.parse(page.read_text(encoding="utf-8-sig")).fields.get("order")
        if value and isinstance(value.value, int) and not isinstance(value.value, bool):
            orders.append(value.value)
    return max(orders, default=0) + 1 if orders else len(pages) + 1


def _yaml_text(text: str) -> str:
    """The text as a YAML value, quoted only when YAML would read it as something else."""
    try:
        if yaml.safe_load(f"value: {text}") == {"value": text}:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)
