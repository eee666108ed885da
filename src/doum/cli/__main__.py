"""`python -m doum.cli` runs the `doum` command."""

import sys

from doum.cli import main

sys.exit(main())
