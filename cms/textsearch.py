"""German spelling shared by every full-text search of the platform.

The cross-region club search (``search/``) and the materials library
(``cms.materials``) both pass the indexed text and the visitor's query through
``fold``, so a word matches however a club, an editor or a visitor wrote it:
German umlauts written as two letters become umlauts ("Duesseldorf" ->
"Düsseldorf", "UEBUNG" -> "ÜBUNG"), except where the two letters are part of a
diphthong ("Frauen", "neue", "Feuer" stay as they are) or follow a q ("Quelle").
PostgreSQL's ``unaccent`` then folds umlauts and ß away before stemming, so
"Straße" and "Strasse" meet too.
"""

import re
import unicodedata

# Control characters, and the two private-use characters that mark highlights in
# snippets (search.selectors), never come from the text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ue000\ue001]")
# ae/oe/ue after a consonant or at the start of a word: a written-out umlaut.
_TWO_LETTER_UMLAUT = re.compile(r"(?<![aeiouäöüyqAEIOUÄÖÜYQ])([aouAOU])e")
_UMLAUTS = {"a": "ä", "o": "ö", "u": "ü", "A": "Ä", "O": "Ö", "U": "Ü"}
_WRITTEN_OUT = {
    "ä": "ae",
    "ö": "oe",
    "ü": "ue",
    "Ä": "Ae",
    "Ö": "Oe",
    "Ü": "Ue",
    "ß": "ss",
}


def clean(text: str) -> str:
    """Text without control characters (a NUL byte never reaches a query)."""
    return _CONTROL.sub(" ", unicodedata.normalize("NFC", text or ""))


def fold(text: str) -> str:
    """The spelling the indexes and the queries share (see the module docstring)."""
    return _TWO_LETTER_UMLAUT.sub(lambda m: _UMLAUTS[m.group(1)], clean(text))


def umlauts_written_out(text: str) -> str:
    """ "Düsseldorf" -> "Duesseldorf", "Straße" -> "Strasse": German in ASCII
    letters where German has a rule for it."""
    for umlaut, letters in _WRITTEN_OUT.items():
        text = text.replace(umlaut, letters)
    return text


def german_slug(text: str) -> str:
    """``"Kröllwitz Süd"`` -> ``"kroellwitz-sued"``: lower-case ASCII words joined
    by hyphens, umlauts and ß written out the German way, other accents dropped;
    empty when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", umlauts_written_out(text))
    ascii_text = ascii_text.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
