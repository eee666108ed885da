"""What the `doum` commands know about a help center without building it: config and files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.structure.files import Files, get_files

from doum.config import DoumConfig
from doum.content.problems import shown

CONFIG_NAME = "mkdocs.yml"


class ProjectError(Exception):
    """The command cannot start: the message says what to give it instead."""


@dataclass
class Project:
    config: MkDocsConfig
    options: DoumConfig

    @property
    def docs_dir(self) -> Path:
        return Path(self.config.docs_dir)

    def files(self) -> Files:
        return get_files(self.config)


def open_project(target: str | None) -> Project:
    """target: a mkdocs.yml, a folder holding one, a docs folder, or None for ./mkdocs.yml."""
    path = Path(target) if target else Path(CONFIG_NAME)
    if path.is_dir() and (path / CONFIG_NAME).is_file():
        return _from_config(path / CONFIG_NAME)
    if path.is_file():
        return _from_config(path)
    if path.is_dir():
        # A docs folder: use its project's mkdocs.yml when it is that project's docs_dir.
        parent_config = path.resolve().parent / CONFIG_NAME
        if parent_config.is_file():
            project = _from_config(parent_config)
            if project.docs_dir.resolve() == path.resolve():
                return project
        return _bare_docs(path)
    if target:
        raise ProjectError(f"{target}: no such file or folder")
    raise ProjectError(f"no {CONFIG_NAME} in this folder; give the docs folder, e.g. `doum check docs`")


def _from_config(path: Path) -> Project:
    try:
        config = load_config(str(path))
    except ConfigurationError as error:
        raise ProjectError(f"{path}: {error}") from error
    plugin = config.plugins.get("doum")
    return Project(config, plugin.config if plugin else _default_options())


def _bare_docs(docs_dir: Path) -> Project:
    config = MkDocsConfig()
    config.load_dict({"site_name": "doum", "docs_dir": str(docs_dir.resolve())})
    errors, _ = config.validate()
    if errors:
        raise ProjectError(f"{docs_dir}: {errors[0][1]}")
    return Project(config, _default_options())


def _default_options() -> DoumConfig:
    options = DoumConfig()
    options.load_dict({})
    options.validate()
    return options

