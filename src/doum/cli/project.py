"""What the `doum` commands know about a help center without building it: config and files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.structure.files import Files, get_files

from doum.config import DoumConfig
from doum.content.problems import shown

CONFIG_NAME = "mkdocs.yml"


class ProjectError(Exception):
    """The command cannot start: the message says what to give it instead."""


# MkDocs names a plugin option's path inside its message: "Plugin 'doum' option 'support':
# Sub-option 'chat_url': …". Read back, it lets `doum check` name the key like its other findings.
_OPTION_PATH_RE = re.compile(r"^Plugin '(?P<plugin>[^']+)' option '(?P<option>[^']+)': "
                             r"(?:Sub-option '(?P<sub>[^']+)': )?(?P<message>.*)$", re.S)


@dataclass
class ConfigProblem:
    key: str  # "plugins → doum → support → chat_url"
    message: str


class ConfigProblems(ProjectError):
    """mkdocs.yml has values the build would refuse (the same checks, the same messages)."""

    def __init__(self, path: Path, problems: list[ConfigProblem]) -> None:
        self.path, self.problems = path, problems
        super().__init__("; ".join(f"{path}: {p.key}: {p.message}" for p in problems))


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
    """The config as `mkdocs build` validates it, its errors collected instead of logged."""
    config = MkDocsConfig(config_file_path=str(path))
    try:
        with path.open("rb") as file:
            config.load_file(file)
    except (OSError, ConfigurationError) as error:
        raise ProjectError(f"{path}: {error}") from error
    errors, _ = config.validate()
    if errors:
        raise ConfigProblems(path, [_problem(key, str(error)) for key, error in errors])
    plugin = config.plugins.get("doum")
    return Project(config, plugin.config if plugin else _default_options())


def _problem(key: str, message: str) -> ConfigProblem:
    match = _OPTION_PATH_RE.match(message)
    if not match:
        return ConfigProblem(key, message)
    path = [key, match["plugin"], match["option"], *([match["sub"]] if match["sub"] else [])]
    return ConfigProblem(" → ".join(path), match["message"])


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

