#!/usr/bin/env python
import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as error:
        # A fresh clone has no production secrets: say what to do, without a traceback.
        sys.exit(
            f"{error}\n\nIn development, run commands through make, which sets DJANGO_DEBUG=true:\n"
            '  make manage CMD="createsuperuser"   (any command: make manage CMD="help")\n'
            "or export DJANGO_DEBUG=true first. In production, set the variables listed in .env.example."
        )


if __name__ == "__main__":
    main()
