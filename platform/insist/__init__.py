"""The INSIST Django project: settings, URL configurations and entry points.

It lives in ``platform/`` without a package ``__init__`` there, because a package
named ``platform`` would shadow the standard library (docs/traps.md, trap 1).
"""
