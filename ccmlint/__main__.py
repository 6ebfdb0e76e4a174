"""``python -m ccmlint``: the same as the ``ccmlint`` command."""

import sys

from ccmlint.command import run

sys.exit(run())
