"""Keep Material's header search UI while switching off Material's own indexer.

Material's search UI only renders when its `search` plugin is enabled, and its bundle always
fetches search/search_index.json before it starts the worker. Its indexer, though, copies
every page's full text into that file (slow to build and heavy to download), while doum's
worker reads doum's own index (search/doum.json). So doum swaps the plugin's index for this
stub: Material still writes a search_index.json, but one that only carries the config.
"""

from __future__ import annotations

import json
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError


class ConfigOnlyIndex:
    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config
        self.entries: list[Any] = []  # what mkdocs-static-i18n gathers per language: nothing

    def add_entry_from_context(self, page: Any) -> None:
        pass  # doum's index collects pages itself (SearchDocuments.add_page)

    def generate_search_index(self, prev: Any) -> str:
        config = {key: self.config[key] for key in ("lang", "separator", "pipeline", "fields")}
        return json.dumps({"config": config, "docs": []}, separators=(",", ":"), default=str)


def replace_indexer(config: MkDocsConfig) -> None:
    """Run after Material's search plugin has configured itself (its on_config)."""
    plugin = config.plugins.get("material/search")
    if plugin is None or not plugin.config.enabled:
        raise PluginError(
            f"{config.config_file_path}: doum needs Material's search plugin for the header "
            "search box — list `- search` before `- doum` under `plugins:`."
        )
    plugin.search_index = ConfigOnlyIndex(plugin.config)
