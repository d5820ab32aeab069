"""Text handling shared by indexing and querying: folding, compounds, parsing.

Both sides of a match go through the same functions, so a spelling folded here
matches however a club or a visitor wrote it:

* ``clean`` and ``fold`` (from ``cms.textsearch``, shared with the materials
  library): control characters out, umlauts written as two letters folded back
  ("Duesseldorf" -> "Düsseldorf"). The text search configurations then fold
  umlauts and ß away (``unaccent``) before stemming, so "Straße" and "Strasse"
  meet too.
* ``decompound``: the parts of a German compound ("Jugendfußball" -> jugend,
  fußball, ball), from ``search.lexicon``.
* ``query_parse``: the visitor's query as terms, phrases, ``OR`` and ``-word``
  (the ``websearch_to_tsquery`` syntax), bounded in size, never raising.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from cms.textsearch import clean, fold
from search.lexicon import WORDS

# Longest query we read; the rest of a 10 kB paste is ignored, not refused.
MAX_QUERY_CHARS = 300
MAX_TERMS = 12
MAX_WORD_CHARS = 60
_WORD = re.compile(r"\w+", re.UNICODE)


def _key(word: str) -> str:
    """A word compared without case, umlauts or ß."""
    word = fold(word).lower().replace("ß", "ss")
    return "".join(
        c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)
    )


_LEXICON = frozenset(_key(w) for w in WORDS)
_LINKS = ("", "s", "es", "n", "en", "e", "er")
_MIN_PART = 3


@lru_cache(maxsize=20_000)
def _split(key: str, whole: bool = True) -> tuple[str, ...] | None:
    """``key`` as a sequence of lexicon words (longest head first), or None.

    ``whole=False`` looks for a split even when ``key`` itself is a known word
    ("Elterncafé" -> eltern, cafe).
    """
    if whole and key in _LEXICON:
        return (key,)
    for cut in range(_MIN_PART, len(key) - _MIN_PART + 1):
        head = key[cut:]
        if head not in _LEXICON:
            continue
        body = key[:cut]
        for link in _LINKS:
            if link and not body.endswith(link):
                continue
            stem = body[: len(body) - len(link)] if link else body
            if len(stem) < _MIN_PART:
                continue
            parts = _split(stem)
            if parts:
                return (*parts, head)
    return None


def decompound(word: str) -> list[str]:
    """The parts of a compound (with nested heads), or [] for a simple word.

    "Jugendfußball" -> ["jugend", "fussball", "ball"]; "Verein" -> [].
    """
    key = _key(word)
    if len(key) < 2 * _MIN_PART:
        return []
    parts = _split(key, whole=False)
    if not parts or len(parts) < 2:
        return []
    found = list(parts)
    # The head of a head: "fussball" is also "ball" (searched for "Ball").
    for part in parts:
        sub = _split_strict(part)
        found.extend(p for p in sub if p not in found)
    return found


def _split_strict(key: str) -> tuple[str, ...]:
    for cut in range(_MIN_PART, len(key) - _MIN_PART + 1):
        head, body = key[cut:], key[:cut]
        if head in _LEXICON and body in _LEXICON:
            return (body, head)
    return ()


def compound_parts_text(text: str) -> str:
    """The compound parts of every word in ``text``, space separated."""
    parts: list[str] = []
    seen: set[str] = set()
    for word in _WORD.findall(text):
        if len(word) < 2 * _MIN_PART or word in seen:
            continue
        seen.add(word)
        parts.extend(decompound(word))
    return " ".join(parts)


def index_words(text: str) -> set[str]:
    """The words worth correcting typos towards (folded, lower case, 4+ letters)."""
    return {
        _key(w)
        for w in _WORD.findall(text)
        if 4 <= len(w) <= MAX_WORD_CHARS and not w.isdigit()
    }


@dataclass
class Term:
    """A word or a quoted phrase of a query; ``negated`` for ``-word``."""

    text: str
    phrase: bool = False
    negated: bool = False
    parts: list[str] = field(default_factory=list)


@dataclass
class ParsedQuery:
    """Groups of terms: a document matches every group; a group is an OR."""

    groups: list[list[Term]]
    text: str

    @property
    def empty(self) -> bool:
        return not self.groups

    def words(self) -> list[Term]:
        return [t for g in self.groups for t in g if not t.phrase and not t.negated]


_TOKEN = re.compile(r'"([^"]*)"?|(-?)([^\s"]+)')


def query_parse(raw: str) -> ParsedQuery:
    """Read a visitor's query: words, "phrases", OR, -word. Never raises.

    Punctuation-only input or a query of operators gives an empty query; anything
    past ``MAX_QUERY_CHARS`` or ``MAX_TERMS`` is ignored.
    """
    text = clean(raw).strip()[:MAX_QUERY_CHARS]
    groups: list[list[Term]] = []
    pending_or = False
    count = 0
    for match in _TOKEN.finditer(text):
        if count >= MAX_TERMS:
            break
        phrase, minus, word = match.groups()
        if phrase is not None:
            words = _WORD.findall(phrase)
            if not words:
                continue
            term = Term(" ".join(w[:MAX_WORD_CHARS] for w in words[:8]), phrase=True)
        else:
            if word == "OR":
                pending_or = bool(groups)
                continue
            words = _WORD.findall(word)
            if not words:
                continue
            # "Jugend-Fußball" or "e.V." stay one term, searched as their words.
            joined = " ".join(w[:MAX_WORD_CHARS] for w in words[:8])
            term = Term(joined, phrase=len(words) > 1, negated=bool(minus))
            if not term.phrase:
                term.parts = decompound(joined)
        count += 1
        if pending_or and not term.negated and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        pending_or = False
    # A query of negations only would list everything but a word: read it as words.
    if groups and all(t.negated for g in groups for t in g):
        for g in groups:
            for t in g:
                t.negated = False
    return ParsedQuery(groups=groups, text=text)
