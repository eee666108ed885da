"""Compiled templates shared by every build in one process.

A multilingual site builds each further language in the same process (mkdocs-static-i18n), and
`mkdocs serve` rebuilds on every save; each build gets a fresh Jinja environment from MkDocs,
which would parse and compile the same ~50 templates again (~0.3 s a build). Jinja's bytecode
cache hook keeps the compiled code instead, keyed as Jinja keys it (the template's name and
file) and by the environment settings the compiler reads, and checked against a checksum of its
source, so an edited template compiles anew.
"""

from __future__ import annotations

from collections.abc import Hashable
from types import CodeType

from jinja2 import Environment
from jinja2.bccache import BytecodeCache, Bucket


class ProcessTemplateCache(BytecodeCache):
    """Code objects kept in memory for the life of the process (no files, nothing marshalled)."""

    def __init__(self) -> None:
        self._code: dict[tuple[str, Hashable], tuple[str, CodeType]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        kept = self._code.get((bucket.key, compiler_settings(bucket.environment)))
        if kept is not None and kept[0] == bucket.checksum:
            bucket.code = kept[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            key = (bucket.key, compiler_settings(bucket.environment))
            self._code[key] = (bucket.checksum, bucket.code)


def compiler_settings(env: Environment) -> Hashable:
    """What of an environment the compiled code depends on: its syntax, whitespace handling,
    extensions and code generation (filters, tests and globals are looked up when it runs)."""
    return (
        env.block_start_string, env.block_end_string, env.variable_start_string,
        env.variable_end_string, env.comment_start_string, env.comment_end_string,
        env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks,
        env.newline_sequence, env.keep_trailing_newline, env.optimized, env.is_async,
        env.finalize, tuple(sorted(env.extensions)),
    )


_SHARED = ProcessTemplateCache()


def share_compiled_templates(env: Environment) -> None:
    """Let this build's environment reuse (and add to) the templates compiled so far."""
    env.bytecode_cache = _SHARED
