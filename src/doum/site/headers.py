"""Recommended response headers for the built site, derived from the config at build time.

doum's pages carry no inline script or style (see assets/doum/shared/bootstrap.js and
material_a11y.static_lightbox), so they run under a Content-Security-Policy of `'self'` plus
exactly the outside origins the config names. The build writes them as `_headers` (the format
Netlify and Cloudflare Pages read); README "Security headers" shows the same for nginx and
S3/CloudFront.

Features that reach other origins feed `sources()`: `contact.endpoint` today; an insights
receiver (`connect`), sites that embed the launcher (`frame_ancestors`, `cors`) later:

    headers.sources(options, extra_connect=[insights_endpoint], cors=embed_origins)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from doum.config_types import origin

HEADERS_FILE = "_headers"

# Files whose names change with their content (Material's bundle.<hash>.min.js and the like):
# cached for a year. Everything else keeps a stable public name and must be revalidated.
HASHED_NAME = re.compile(r"\.[0-9a-f]{8,}\.(?:min\.)?(?:js|css|json|map)$")
LONG_CACHE = "public, max-age=31536000, immutable"
SHORT_CACHE = "public, max-age=0, must-revalidate"
# Stable names doum and its plugins serve: the search worker and index manifest, doum's modules
# and styles, glightbox. A deploy must reach browsers at once, so they are revalidated. (The
# index's entry and pieces under /search/doum/ are content-hashed: cached for a year.)
SHORT_CACHE_PATHS = ("/assets/doum/*", "/search/doum.json", "/search/search_index.json",
                     "/assets/javascripts/glightbox.min.js",
                     "/assets/stylesheets/glightbox.min.css",
                     "/status.json")  # same-day notices: edited on the host, read at once
# What an embedding site reads cross-origin (embed/panel.js: site data, styles, search code, index,
# the owner's status file).
CORS_PATHS = ("/assets/doum/*", "/search/*", "/status.json")
# Cloudflare Pages reads at most 100 rules; past this many hashed files, whole folders are used.
MAX_EXACT_RULES = 60


@dataclass
class Sources:
    """Outside origins the pages may use, besides their own."""

    connect: list[str] = field(default_factory=list)  # fetch/sendBeacon targets (receivers)
    frame_ancestors: list[str] = field(default_factory=list)  # sites that may frame the pages
    cors: list[str] = field(default_factory=list)  # sites whose scripts may read the assets


def _origins(urls: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for url in urls:
        value = origin(url or "") if "://" in (url or "") else ""
        if value and value not in seen:
            seen.append(value)
    return seen


def _option(options: Any, *path: str) -> Any:
    """options.a.b without failing when a feature (and its config) is not there yet."""
    value = options
    for name in path:
        if value is None:
            return None
        value = value.get(name) if isinstance(value, dict) else getattr(value, name, None)
    return value


def sources(
    options: Any,
    extra_connect: Iterable[str] = (),
    frame_ancestors: Iterable[str] = (),
    cors: Iterable[str] = (),
) -> Sources:
    """The origins the configured features need: each allowed exactly, nothing else."""
    connect = [_option(options, "contact", "endpoint"), _option(options, "insights", "endpoint"),
               *extra_connect]
    embed = list(_option(options, "embed", "origins") or [])
    return Sources(
        connect=_origins(u for u in connect if isinstance(u, str)),
        frame_ancestors=_origins([*frame_ancestors]),
        cors=_origins([*embed, *cors]),
    )


def content_security_policy(found: Sources) -> str:
    """The CSP for every page: own files only, plus the configured origins."""
    directives = [
        ("default-src", ["'self'"]),
        ("script-src", ["'self'"]),
        ("style-src", ["'self'"]),
        ("img-src", ["'self'", "data:"]),
        ("font-src", ["'self'"]),
        ("connect-src", ["'self'", *found.connect]),
        ("worker-src", ["'self'"]),
        ("manifest-src", ["'self'"]),
        ("object-src", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'"]),
        ("frame-ancestors", found.frame_ancestors or ["'none'"]),
    ]
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives)


def site_headers(found: Sources) -> dict[str, str]:
    """Headers every response gets."""
    headers = {
        "Content-Security-Policy": content_security_policy(found),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    if not found.frame_ancestors:
        headers["X-Frame-Options"] = "DENY"  # frame-ancestors for browsers without CSP 2
    return headers


def hashed_files(site_dir: Path) -> list[str]:
    """Site paths (/assets/…) of content-hashed files, as few rules as cover them exactly."""
    files = sorted(
        "/" + path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*") if path.is_file() and HASHED_NAME.search(path.name)
    )
    if len(files) <= MAX_EXACT_RULES:
        return files
    # Many pieces (a chunked index): a folder whose files are all hashed is one rule.
    folders: dict[str, list[str]] = {}
    for file in files:
        folders.setdefault(str(PurePosixPath(file).parent), []).append(file)
    rules: list[str] = []
    for folder, names in folders.items():
        local = site_dir / folder.lstrip("/")
        every = all(HASHED_NAME.search(p.name) for p in local.iterdir() if p.is_file())
        rules.extend([folder.rstrip("/") + "/*"] if every and folder != "/" else names)
    return rules


def _per_language(paths: tuple[str, ...], roots: Iterable[str]) -> list[str]:
    """The paths, and each further language's copy of its search paths (/en/search/…)."""
    more = [f"/{root}{path[1:]}" for root in roots if root for path in paths if path.startswith("/search/")]
    return [*paths, *more]


def render(found: Sources, site_dir: Path | None = None, language_roots: Iterable[str] = ()) -> str:
    """The `_headers` file: security headers on every path, caching by kind of name.

    Netlify and Cloudflare Pages combine the headers of every rule a path matches, so
    Cache-Control appears only on rules that do not overlap; pages (HTML) keep the hosts'
    default, which is revalidate-every-time (max-age=0, must-revalidate). `language_roots` are
    the further languages' folders ("en/"), each with its own search index.
    """
    short_paths = _per_language(SHORT_CACHE_PATHS, language_roots)
    cors_paths = _per_language(CORS_PATHS, language_roots)
    lines = ["# Generated by doum at build time from mkdocs.yml; see README \"Security headers\".",
             "/*"]
    lines += [f"  {name}: {value}" for name, value in site_headers(found).items()]
    if found.cors:
        # Sites that embed the launcher (embed.origins) read its panel, styles, site data
        # (/assets/doum/*) and the search index (/search/*) from here. One origin is named
        # exactly; a static host cannot vary the header, so several origins get `*`.
        allow = found.cors[0] if len(found.cors) == 1 else "*"
        for path in cors_paths:
            lines += ["", path, f"  Access-Control-Allow-Origin: {allow}"]
            if path in short_paths:  # one rule per path: Cache-Control must not overlap
                lines.append(f"  Cache-Control: {SHORT_CACHE}")
        short = [p for p in short_paths if p not in cors_paths]
    else:
        short = short_paths
    for path in short:
        lines += ["", path, f"  Cache-Control: {SHORT_CACHE}"]
    for path in hashed_files(site_dir) if site_dir else []:
        lines += ["", path, f"  Cache-Control: {LONG_CACHE}"]
    return "\n".join(lines) + "\n"


def write(site_dir: str, options: Any, language_roots: Iterable[str] = (), **extra: Iterable[str]) -> Path:
    """Write `_headers` into the built site (hosts that do not read it ignore the file)."""
    target = Path(site_dir) / HEADERS_FILE
    text = render(sources(options, **extra), Path(site_dir), language_roots)
    target.write_text(text, encoding="utf-8")
    return target


def parse(text: str) -> dict[str, dict[str, str]]:
    """`_headers` text → {path: {header: value}} (what Netlify/Cloudflare read; for tests)."""
    rules: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
            continue
        if current is None or ":" not in line:
            raise ValueError(f"not a header line: {line!r}")
        name, value = line.strip().split(":", 1)
        current[name.strip()] = value.strip()
    return rules
