#!/usr/bin/env python
"""Django's command-line utility for the INSIST platform."""

import os
import sys
from pathlib import Path

# platform/ holds the Django project but is no package (it would shadow the
# standard library's `platform`): it goes on the import path instead.
sys.path.insert(1, str(Path(__file__).resolve().parent / "platform"))


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insist.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
