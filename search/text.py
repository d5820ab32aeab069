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
from search.lexicon import GENERIC, NARROWER, SYNONYMS, WORDS

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


def word_key(word: str) -> str:
    """How the lexicon compares words: lower case, umlauts and ß folded away."""
    return _key(word)


_LEXICON = frozenset(_key(w) for w in WORDS)
_LINKS = ("", "s", "es", "n", "en", "e", "er")
# endings a compound's last part may carry ("Begegnungsabende": abend + e)
_ENDINGS = ("e", "n", "s", "en", "er", "es", "ern", "em")
_MIN_PART = 3
# A first part the lexicon does not know ("Gospelchor", "Erzählcafé") is taken
# when it is this long and the head this long; prefixes are not parts
# ("Interessen" is not inter + essen).
_MIN_UNKNOWN = 5
_MIN_HEAD_AFTER_UNKNOWN = 4
_S_LINKED = ("ungs", "heits", "keits", "schafts", "ions", "tats", "lings", "ings")
_PREFIXES = frozenset(
    "inter trans unter ueber uber hinter gegen wider zwischen ausser ander".split()
)


def _known(key: str) -> bool:
    """A lexicon word, also with an inflection ending ("abende", "kursen")."""
    if key in _LEXICON:
        return True
    return any(
        key.endswith(e)
        and len(key) - len(e) >= _MIN_PART
        and key[: -len(e)] in _LEXICON
        for e in _ENDINGS
    )


@lru_cache(maxsize=20_000)
def _split(
    key: str, whole: bool = True, lenient: bool = False
) -> tuple[str, ...] | None:
    """``key`` as a sequence of lexicon words (longest head first), or None.

    ``whole=False`` looks for a split even when ``key`` itself is a known word
    ("Elterncafé" -> eltern, cafe). ``lenient`` also takes a first part the
    lexicon does not know, when both parts are long enough ("Gospelchor").
    """
    if whole and key in _LEXICON:
        return (key,)
    for cut in range(_MIN_PART, len(key) - _MIN_PART + 1):
        head = key[cut:]
        if not _known(head):
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
    if not lenient:
        return None
    for cut in range(_MIN_UNKNOWN, len(key) - _MIN_HEAD_AFTER_UNKNOWN + 1):
        head, body = key[cut:], key[:cut]
        if not _known(head) or body in _PREFIXES:
            continue
        # the linking s of a word ending in -ung, -heit, -keit, -schaft, -ion ...
        stem = body[:-1] if body.endswith(_S_LINKED) else body
        if stem not in _PREFIXES:
            return (stem, head)
    return None


def compound_split(word: str) -> list[str]:
    """The parts of a compound in order, without nested heads ("Jugendfußball"
    -> jugend, fussball), or [] for a simple word."""
    key = _key(word)
    if len(key) < 2 * _MIN_PART:
        return []
    parts = _split(key, whole=False) or _split(key, whole=False, lenient=True)
    return list(parts) if parts and len(parts) >= 2 else []


def decompound(word: str) -> list[str]:
    """The parts of a compound (with nested heads), or [] for a simple word.

    "Jugendfußball" -> ["jugend", "fussball", "ball"]; "Verein" -> [].
    """
    key = _key(word)
    if len(key) < 2 * _MIN_PART:
        return []
    parts = _split(key, whole=False) or _split(key, whole=False, lenient=True)
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


def _synonym_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, tuple[str, ...]] = {}
    for group in SYNONYMS:
        members = tuple(w.strip() for w in group if w.strip())
        for word in members:
            others = tuple(w for w in members if w != word)
            index[_key(word)] = index.get(_key(word), ()) + others
    for word, narrower in NARROWER.items():
        index[_key(word)] = index.get(_key(word), ()) + tuple(narrower)
    return index


_SYNONYMS = _synonym_index()
_GENERIC = frozenset(_key(w) for w in GENERIC)


def _lookup(key: str, table):
    """``table``'s entry for ``key``, also with an inflection ending dropped
    ("türkischer" -> türkisch, "Flüchtlingen" -> flüchtling)."""
    if key in table:
        return table[key] if isinstance(table, dict) else key
    for ending in _ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= _MIN_PART:
            stem = key[: -len(ending)]
            if stem in table:
                return table[stem] if isinstance(table, dict) else stem
    return None


# Stop words of PostgreSQL's German list that hold an umlaut or ß: the
# configurations fold umlauts before the stemmer, which then no longer knows
# "für" as a stop word ("fur"), and "Fußball für Mädchen" would require "für".
UMLAUT_STOP_WORDS = frozenset(
    _key(w) for w in "daß für können könnte über während würde würden".split()
)
# Snowball's German stemmer drops a final s after these letters ("Kurs" -> kur)
# but keeps it before an ending ("Kurse" -> kurs): a word is also searched in
# the other form.
_S_ENDING = re.compile(r"[bdfghklmnrt]s$")
_SE_ENDING = re.compile(r"[bdfghklmnrt]se$")


def s_variant(word: str) -> list[str]:
    """ "Tanzkurs" -> ["Tanzkurse"], "Sprachkurse" -> ["Sprachkurs"], else []."""
    lower = word.lower()
    if len(word) >= 4 and _S_ENDING.search(lower):
        return [word + "e"]
    if len(word) >= 5 and _SE_ENDING.search(lower):
        return [word[:-1]]
    return []


def synonyms(word: str) -> list[str]:
    """Other words a searcher of ``word`` means too (``search.lexicon.SYNONYMS``)."""
    return list(_lookup(_key(word), _SYNONYMS) or ())


def is_generic(word: str) -> bool:
    """A word like "Verein" or "e.V." that only narrows a query of other words."""
    return _lookup(_key(word), _GENERIC) is not None


@dataclass
class Term:
    """A word or a quoted phrase of a query; ``negated`` for ``-word``.

    ``alternatives`` match instead of the word (synonyms; for "Eltern-Kind-Gruppe"
    the closed compound); ``parts`` match instead of a compound when they stand
    close together (a compound's parts are indexed in order, and "Hilfe für
    Geflüchtete" is a Flüchtlingshilfe), each part or one of its alternatives
    (``part_alternatives``); ``generic`` terms are left out of a query that has
    other words.
    """

    text: str
    phrase: bool = False
    negated: bool = False
    parts: list[str] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)
    part_alternatives: list[list[str]] = field(default_factory=list)
    generic: bool = False


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
            if len(words) == 1 and _key(words[0]) in UMLAUT_STOP_WORDS:
                continue
            term = _word_term([w[:MAX_WORD_CHARS] for w in words[:8]], bool(minus))
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
    # "türkischer Verein": the Verein only narrows; alone it is what is searched.
    if any(not t.generic for g in groups for t in g):
        groups = [g for g in groups if not all(t.generic and not t.negated for t in g)]
    return ParsedQuery(groups=groups, text=text)


def _word_term(words: list[str], negated: bool) -> Term:
    """A typed word: its synonyms, its compound parts and theirs.

    "Eltern-Kind-Gruppe" is searched as its words (in any order) or as the closed
    compound; "e.V." is one generic word.
    """
    joined = "".join(words)
    if len(words) > 1 and (is_generic(joined) or all(len(w) < 2 for w in words)):
        return Term(" ".join(words), negated=negated, generic=True)
    if len(words) > 1:
        return Term(
            " ".join(words),
            negated=negated,
            alternatives=[joined, *synonyms(" ".join(words))],
        )
    word = words[0]
    # a single letter ("e. V." typed with a space) narrows nothing either
    term = Term(word, negated=negated, generic=is_generic(word) or len(word) < 2)
    term.alternatives = [*s_variant(word), *synonyms(word)]
    parts = compound_split(word)
    # "Kulturverein" is a Kultur club, "arabischsprachige" Arabic: the generic
    # head is not required of the parts.
    kept = [p for p in parts if not is_generic(p)]
    if kept and len(kept) < len(parts):
        parts = kept
    if len(parts) >= 1 and parts != [_key(word)]:
        term.parts = parts
        term.part_alternatives = [[*s_variant(p), *synonyms(p)] for p in parts]
    return term
