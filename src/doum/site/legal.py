"""The legal footer of every page: 개인정보처리방침 and, for online sellers, 사업자 정보.

Korean law asks a help center for two things a generic documentation site lacks: a link to
the privacy policy on every page (개인정보 보호법 art. 30) and, for online sellers, the
business facts of 전자상거래법 art. 13 (상호, 대표자, 사업자등록번호, 통신판매업 신고번호, 주소,
연락처) with the 공정거래위원회 lookup of the registration number. The owner writes them once:

    plugins:
      - doum:
          legal:
            privacy_url: privacy.md          # a page of the docs, or https://…
            business:
              name: 주식회사 도움
              representative: 홍길동
              registration_number: 220-81-62517
              mail_order_number: 2026-서울강남-01234
              address: 서울특별시 강남구 테헤란로 1
              phone: 02-123-4567
              email: help@example.com

`problems(options, docs_dir)` lists what is wrong (the build stops on it in on_config and
`doum check` reports it with the line); `footer(options, config)` is what
partials/copyright.html prints (every value as text).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from doum.config_types import check_url
from doum.site import strings

FTC_LOOKUP = "https://www.ftc.go.kr/bizCommPop.do?wrkr_no={digits}"
# The seller's facts the footer cannot do without; the others are shown when given.
REQUIRED_BUSINESS_KEYS = ("name", "representative", "registration_number", "address")
# In footer order; the labels are pages.legal.labels.<key> (상호, 대표자, …).
BUSINESS_KEYS = ("name", "representative", "registration_number", "mail_order_number", "address",
                 "phone", "email")
_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)
KEY_PREFIX = "plugins → doum → legal"


@dataclass(frozen=True)
class LegalProblem:
    key: str  # "business → registration_number", relative to plugins → doum → legal
    problem: str
    fix: str

    def __str__(self) -> str:
        return f"mkdocs.yml: {KEY_PREFIX} → {self.key}: {self.problem}. {self.fix}"


def registration_digits(value: str) -> str:
    """'220-81-62517' → '2208162517' (spaces and hyphens dropped); '' when not 10 digits."""
    digits = re.sub(r"[\s-]", "", value or "")
    return digits if re.fullmatch(r"\d{10}", digits) else ""


def valid_registration_number(value: str) -> bool:
    """The 사업자등록번호 check digit (국세청's weights 1,3,7,1,3,7,1,3,5)."""
    digits = registration_digits(value)
    if not digits:
        return False
    d = [int(ch) for ch in digits]
    total = sum(x * w for x, w in zip(d, _WEIGHTS)) + (d[8] * 5) // 10
    return (10 - total % 10) % 10 == d[9]


def formatted_registration(value: str) -> str:
    digits = registration_digits(value)
    return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}" if digits else value


def is_seller(business: Any) -> bool:
    return any(str(business.get(key) or "").strip() for key in BUSINESS_KEYS)


def problems(options: Any, docs_dir: str | Path) -> list[LegalProblem]:
    """Everything wrong with `legal:` (empty when it is fine or not used)."""
    legal = options.legal
    found: list[LegalProblem] = []
    privacy = (legal.privacy_url or "").strip()
    if privacy:
        found += _privacy_problems(privacy, Path(docs_dir))
    business = legal.business
    if is_seller(business):
        for key in REQUIRED_BUSINESS_KEYS:
            if not str(business.get(key) or "").strip():
                found.append(LegalProblem(
                    f"business → {key}",
                    f"{strings.load('ko').text(f'pages.legal.labels.{key}')} ({key}) is missing; an online seller must show it",
                    f"Add `{key}:` under legal → business (e.g. {_EXAMPLES[key]}), or remove "
                    f"the business block if you do not sell online.",
                ))
        number = str(business.get("registration_number") or "").strip()
        if number and not registration_digits(number):
            found.append(LegalProblem(
                "business → registration_number",
                f"{number!r} is not a 사업자등록번호 (10 digits)",
                "Write the 10 digits as on the certificate, e.g. 123-45-67891.",
            ))
        elif number and not valid_registration_number(number):
            found.append(LegalProblem(
                "business → registration_number",
                f"{number!r} fails the 사업자등록번호 check digit (a typo?)",
                "Copy the number from the 사업자등록증 again; the last digit is a checksum of "
                "the other nine.",
            ))
    return found


_EXAMPLES = {
    "name": "name: 주식회사 도움",
    "representative": "representative: 홍길동",
    "registration_number": "registration_number: 123-45-67891",
    "address": "address: 서울특별시 강남구 테헤란로 1",
}


def _privacy_problems(privacy: str, docs_dir: Path) -> list[LegalProblem]:
    if "://" in privacy or ":" in privacy.split("/", 1)[0]:
        try:
            check_url(privacy, ("https",))
        except ValidationError as error:
            return [LegalProblem("privacy_url", str(error), "Use an https:// address or a page "
                                 "of the docs such as privacy.md.")]
        return []
    path = privacy.split("#", 1)[0].lstrip("/")
    if not path.endswith(".md") or ".." in Path(path).parts or not (docs_dir / path).is_file():
        return [LegalProblem(
            "privacy_url", f"{privacy!r} is neither a page of the docs nor an https:// address",
            "Write a Markdown file's path relative to docs/ (privacy.md) or a full https:// URL.",
        )]
    return []


def check(options: Any, config: MkDocsConfig) -> None:
    """Stop the build on any problem, listing them all (`on_config`)."""
    found = problems(options, config.docs_dir)
    if found:
        raise PluginError("\n".join(str(problem) for problem in found))


def footer(options: Any, config: MkDocsConfig) -> dict[str, Any]:
    """What partials/copyright.html prints: {copyright, privacy_url, business: [(label, value)],
    lookup_url}. URLs of docs pages are root-relative (the template applies `| url`)."""
    legal = options.legal
    privacy = (legal.privacy_url or "").strip()
    if privacy and "://" not in privacy:
        path, _, anchor = privacy.lstrip("/").partition("#")
        privacy = File(path, config.docs_dir, config.site_dir, config.use_directory_urls).url
        privacy += f"#{anchor}" if anchor else ""
    business = legal.business
    rows: list[tuple[str, str]] = []
    lookup = ""
    if is_seller(business):
        labels = strings.of(config)
        for key in BUSINESS_KEYS:
            label = labels.text(f"pages.legal.labels.{key}")
            value = str(business.get(key) or "").strip()
            if key == "registration_number" and value:
                lookup = FTC_LOOKUP.format(digits=quote(registration_digits(value)))
                value = formatted_registration(value)
            if value:
                rows.append((label, value))
    # `copyright:` is text; entities an owner wrote (&copy;) still read as characters.
    copyright_text = html.unescape(str(config.copyright or "")).strip()
    return {"copyright": copyright_text, "privacy_url": privacy, "business": rows, "lookup_url": lookup}


def report(options: Any, config: MkDocsConfig, problems_log: Any) -> None:
    """`doum check`: every legal problem as an error at its line of mkdocs.yml."""
    config_file = config.config_file_path or "mkdocs.yml"
    try:
        lines = Path(config_file).read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    from doum.content.problems import shown

    for problem in problems(options, config.docs_dir):
        names = ["legal", *problem.key.split(" → ")]
        line = 1
        for name in names:  # the deepest key written in the file, searched after its parent
            found = next((n for n, text in enumerate(lines[line - 1:], start=line)
                          if text.strip().startswith(f"{name}:")), None)
            if found is None:
                break
            line = found
        problems_log.error(shown(config_file), line,
                           f"{KEY_PREFIX} → {problem.key}: {problem.problem}", problem.fix)
