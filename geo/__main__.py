"""Run the command line: ``python -m geo <verb>``."""
import sys

from geo.cli import main

sys.exit(main())
