"""doum (도움): a static help-center generator for Korean-first customer support."""

__version__ = "0.1.0"
