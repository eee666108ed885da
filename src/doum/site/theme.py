"""doum's Material overrides travel with the plugin, so a site needs only `plugins: [doum]`."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

THEME_DIR = Path(__file__).parent.parent / "theme"


def add_theme_dir(config: MkDocsConfig) -> None:
    """Put doum's templates between the site's own custom_dir and Material's."""
    dirs = config.theme.dirs
    position = 1 if config.theme.custom_dir else 0
    if str(THEME_DIR) not in dirs:
        dirs.insert(position, str(THEME_DIR))
