"""Cooperation partners across regions: scoring, reasons and suggestions.

``partner_score(a, b)`` (``search.partners.scoring``) is the one score function;
other apps (speed-dating plans) call it with two ``Profile`` objects.
See docs/partners.md.
"""
