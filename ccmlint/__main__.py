"""``python -m ccmlint``: the same as the ``ccmlint`` command."""

import sys

from ccmlint.cli import main

sys.exit(main())
