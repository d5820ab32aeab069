"""Queries of the cross-region index (PostgreSQL backend).

How a query stays fast at 100,000 portraits (docs/search.md has the figures):

1. The visitor's words become one ``tsquery`` (``search.text.query_parse``), with
   compound parts as alternatives, in German and, for another visitor language,
   OR-ed with the same query in that language's configuration.
2. At most ``COUNT_CAP`` + 1 matches are read (their facet ids only; one hash
   aggregation gives the count and every facet). Fewer: count and facet counts
   are exact. More: they are estimated from the sample buckets every row
   carries (about ``SAMPLE_ROWS`` rows of the table, found through the same GIN
   index) and marked as estimates.
3. Ranking (``ts_rank``) reads at most ``RANK_CAP`` + ``RANK_CAP // 4``
   candidates: matches in title, summary or term names first (``head_vector``),
   then matches anywhere. With fewer matches than ``RANK_CAP`` every match is
   ranked.
4. ``ts_headline`` runs for the shown page only (20 rows).
5. Only when nothing matches: each word is corrected to the nearest indexed word
   by trigram similarity and the query runs once more; still nothing: the word
   that narrows least is dropped (``_relaxed``).

All statements run in one cursor and one transaction with sequential scans
off: the planner otherwise scans the table for a common word.
"""

import logging
import re
import time
from contextvars import ContextVar
from dataclasses import dataclass, field
from html import escape
from itertools import combinations
from uuid import UUID

from django.conf import settings
from django.db import connection, transaction
from django.utils.safestring import SafeString, mark_safe

from cms.textsearch import fold, umlauts_written_out
from search.documents import (
    CONFIGS,
    FACET_VOCABULARIES,
    LANGUAGE_CODES,
    config_for,
)
from search.models import FACET_BASE, FACET_CODES, SAMPLE_BUCKETS, facet_key
from search.text import (
    ParsedQuery,
    Term,
    query_parse,
    s_variant,
    synonyms,
    word_key,
)
from tenants.context import in_public

logger = logging.getLogger(__name__)

COUNT_CAP = 500
RANK_CAP = 200
# rows (not matches) a sample for estimates reads, whatever the table's size
SAMPLE_ROWS = 1000
_cursor_var: ContextVar = ContextVar("search_cursor", default=None)
# ids of the matches the last stats pass read (the sample's, for common words)
_sample_ids: ContextVar = ContextVar("search_sample_ids", default=None)
# more estimated matches than this: a very common word (see _ranked)
COMMON = 5 * 500
TYPO_SIMILARITY = 0.4
# the most clubs a region's directory lists (without words: all, by name)
DIRECTORY_LIMIT = 5000
FACETS = ("region", *FACET_VOCABULARIES)
HIGHLIGHT_START, HIGHLIGHT_STOP = "\ue000", "\ue001"
# A-D weights of ts_rank (D, C, B, A): title far above compound parts.
RANK_WEIGHTS = "{0.05, 0.2, 0.5, 1.0}"


@dataclass
class SearchQuery:
    """What a visitor asked for; term ids already resolved from slugs."""

    text: str = ""
    filters: dict[str, list[int]] = field(default_factory=dict)
    language: str = "de"
    page: int = 1
    page_size: int = 20
    # how many pages a list without words may reach (the club directory lists
    # every club of its region)
    list_limit: int = RANK_CAP
    # False: only the ranked ids (the directory shows its own cards)
    with_hits: bool = True
    # When nothing matches every word, answer with the clubs that match all but
    # the least narrowing ones (and name those words). The directory's name
    # filter is a filter: it stays strict.
    relax: bool = True


@dataclass
class Hit:
    region_id: int
    page_id: int
    language: str
    translation_key: UUID
    title: str
    slug: str
    path: str
    snippet: SafeString
    score: float
    facet_keys: list[int]


@dataclass
class SearchResult:
    count: int
    count_exact: bool
    hits: list[Hit]
    # facet -> {term id: count}
    facets: dict[str, dict[int, int]]
    page: int
    num_pages: int
    corrected: str = ""
    # nothing matched every word: these clubs match all but the least narrowing
    # one (or two) of them, the words in ``dropped``
    relaxed: bool = False
    dropped: list[str] = field(default_factory=list)
    # every ranked candidate's translation key, best first
    ranked_keys: list[UUID] = field(default_factory=list)


def _any_sql(texts: list[str], config: str, variant) -> tuple[str, list]:
    """One word (or words, all required) or any of its alternatives."""
    sql = " || ".join(f"plainto_tsquery('{config}', %s)" for _ in texts)
    return f"({sql})", [variant(t) for t in texts]


# How far apart two parts of a compound may stand, in either order ("Hilfe bei
# den Hausaufgaben" for "Hausaufgabenhilfe"); never anywhere in the text: then
# "Deutschkurs" would find every club with the language Deutsch and some Kurs.
PART_DISTANCE = 3


def _parts_sql(parts: list[tuple[str, list]]) -> tuple[str, list]:
    """The parts of a compound close together (two parts: in either order)."""
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        (a, pa), (b, pb) = parts
        sql, params = [], []
        for first, second, p in ((a, b, pa + pb), (b, a, pb + pa)):
            for distance in range(1, PART_DISTANCE + 1):
                sql.append(f"tsquery_phrase({first}, {second}, {distance})")
                params += p
        return "(" + " || ".join(sql) + ")", params
    sql, params = parts[0]
    for part_sql, part_params in parts[1:]:
        sql, params = f"tsquery_phrase({sql}, {part_sql})", params + part_params
    return sql, params


def _any_sql(texts: list[str], config: str, variant) -> tuple[str, list]:
    """One word (or words, all required) or any of its alternatives."""
    sql = " || ".join(f"plainto_tsquery('{config}', %s)" for _ in texts)
    return f"({sql})", [variant(t) for t in texts]


def _term_sql(term: Term, config: str, variant) -> tuple[str, list]:
    if term.phrase:
        sql, params = f"phraseto_tsquery('{config}', %s)", [variant(term.text)]
    else:
        sql, params = _any_sql([term.text, *term.alternatives], config, variant)
        if term.parts:
            alts = term.part_alternatives or [[] for _ in term.parts]
            parts_sql, parts_params = _parts_sql(
                [
                    _any_sql([part, *more], config, variant)
                    for part, more in zip(term.parts, alts, strict=True)
                ]
            )
            sql, params = f"({sql} || {parts_sql})", params + parts_params
    if term.negated:
        sql = f"(!! {sql})"
    return sql, params


def _query_sql(parsed: ParsedQuery, config: str, variant=fold) -> tuple[str, list]:
    """The tsquery of ``parsed`` in one configuration, as SQL and parameters."""
    groups, params = [], []
    for group in parsed.groups:
        parts = []
        for term in group:
            sql, p = _term_sql(term, config, variant)
            parts.append(sql)
            params.extend(p)
        groups.append("(" + " || ".join(parts) + ")")
    return "(" + " && ".join(groups) + ")", params


def query_compile(*, parsed: ParsedQuery, language: str) -> tuple[str, str]:
    """``(tsquery, highlight tsquery)`` as text; ``("", "")`` for no words.

    The highlight query also holds the words as typed and with umlauts written
    out, because ``ts_headline`` reads the stored text, which is not folded.
    """
    if parsed.empty:
        return "", ""
    configs = [CONFIGS["de"]]
    if language != "de":
        configs.append(config_for(language))
    match, highlight, params, hl_params = [], [], [], []
    for config in configs:
        sql, p = _query_sql(parsed, config)
        match.append(sql)
        params += p
    own = config_for(language)
    for variant in (fold, str, umlauts_written_out):
        sql, p = _query_sql(parsed, own, variant)
        highlight.append(sql)
        hl_params += p
    cursor = _cursor()
    cursor.execute(
        f"SELECT ({' || '.join(match)})::text, ({' || '.join(highlight)})::text",
        params + hl_params,
    )
    tsquery, hl = cursor.fetchone()
    return tsquery or "", hl or ""


def _conditions(query: SearchQuery, *, tsquery: str, region: bool) -> tuple[str, list]:
    """WHERE clause: text, facets, languages (and the region if asked).

    Language and region are plain columns checked on the rows the text and the
    facets found: as GIN keys they match a third to all of the table, and
    intersecting such bitmaps costs more than the check.
    """
    where, params = [], []
    if tsquery:
        where.append("d.vector @@ %s::tsquery")
        params.append(tsquery)
    for facet, ids in query.filters.items():
        if not ids or facet == "region":
            continue
        where.append("d.facet_keys && %s::int[]")
        params.append([facet_key(facet, pk) for pk in ids])
    languages = ["de"] if query.language == "de" else ["de", query.language]
    where.append("d.language = ANY(%s)")
    params.append(languages)
    if region and query.filters.get("region"):
        where.append("d.region_id = ANY(%s)")
        params.append(list(query.filters["region"]))
    return " AND ".join(where), params


# One pass over the matches (at most COUNT_CAP + 1, or a sample): key 0 counts
# the matches themselves, every other key a facet value. ``in_region`` marks the
# matches inside the region filter: region counts ignore it (a preselected region
# is one click from all regions), every other facet counts within it.
_STATS = """
SELECT k, {count} AS all_matches, {count} FILTER (WHERE in_region) AS in_region,
  (array_agg(m.id) FILTER (WHERE k = 0 AND in_region))[1:{ids}] AS ids
FROM (
  SELECT d.id, d.translation_key, d.facet_keys, {region} AS in_region
  FROM search_searchdocument d WHERE {where} {limit}
) m CROSS JOIN LATERAL unnest(array_prepend(0, m.facet_keys)) k
WHERE k < {facet_hi}
GROUP BY k
"""


def _stats(query: SearchQuery, tsquery: str, *, sample: int = 0) -> tuple[int, dict]:
    """Matches read, then the count (key -1) and the facet counts (key -> count)."""
    regions = query.filters.get("region") or []
    params: list = []
    region_sql = "TRUE"
    if regions:
        region_sql = "d.region_id = ANY(%s)"
        params.append(list(regions))
    where, where_params = _conditions(query, tsquery=tsquery, region=False)
    params += where_params
    if sample:
        # The sample's rows come from the facet index; the words are tested on
        # those rows only (``IS TRUE`` keeps the planner from building the
        # bitmap of every match of a common word, the costliest step).
        where = where.replace(
            "d.vector @@ %s::tsquery", "(d.vector @@ %s::tsquery) IS TRUE"
        )
        where += " AND d.facet_keys && %s::int[]"
        params.append([facet_key("sample", b) for b in range(sample)])
        limit = ""
    else:
        limit = f"LIMIT {COUNT_CAP + 1}"
    # A page in two languages matches twice: count pages, not rows.
    count = "count(*)" if query.language == "de" else "count(DISTINCT translation_key)"
    sql = _STATS.format(
        count=count,
        where=where,
        limit=limit,
        region=region_sql,
        facet_hi=FACET_CODES["content_language"] * FACET_BASE,
        ids=RANK_CAP,
    )
    cursor = _cursor()
    cursor.execute(sql, params)
    rows = cursor.fetchall()
    region_code = FACET_CODES["region"]
    read = 0
    counts: dict[int, int] = {}
    for key, everywhere, in_region, ids in rows:
        if key == 0:
            read = everywhere
            counts[-1] = in_region
            _sample_ids.set(ids or [])
        elif key // FACET_BASE == region_code:
            counts[key] = everywhere
        elif in_region:
            counts[key] = in_region
    return read, counts


def _ranked(
    query: SearchQuery, tsquery: str, *, bounded: bool, common: bool = False
) -> list[tuple]:
    """(id, score) of every candidate, best first, one per translation.

    ``bounded``: more matches than ``RANK_CAP``; rank matches in title, summary
    and term names first (``head_vector``), then matches anywhere.
    ``common``: a word a large share of all portraits contain. Even a LIMIT-ed
    GIN lookup in the summaries builds the bitmap of every match (8 to 18 ms at
    100,000 portraits), so the candidates are the title matches (few titles
    hold such a word) and, to fill up, the sample's matches already read.
    """
    where, params = _conditions(query, tsquery=tsquery, region=True)
    prefer = query.language
    one_language = query.language == "de"
    if not tsquery:
        # No words: alphabetical, one row per page (the visitor's language first).
        limit = max(RANK_CAP, query.list_limit)
        if one_language:
            sql = f"""SELECT d.id, 0.0 FROM search_searchdocument d WHERE {where}
            ORDER BY d.title_sort, d.id LIMIT {limit}"""
        else:
            sql = f"""
            SELECT id, 0.0 FROM (
              SELECT DISTINCT ON (d.translation_key) d.id, d.title_sort
              FROM (SELECT * FROM search_searchdocument d WHERE {where}
                    ORDER BY d.title_sort, d.id LIMIT {limit * 2}) d
              ORDER BY d.translation_key, (d.language = %s) DESC
            ) x ORDER BY title_sort, id LIMIT {limit}"""
            params.append(prefer)
        cursor = _cursor()
        cursor.execute(sql, params)
        return cursor.fetchall()
    if common:
        title_where = where.replace("d.vector @@", "d.title_vector @@")
        cursor = _cursor()
        cursor.execute(
            f"SELECT d.id FROM search_searchdocument d WHERE {title_where} "
            f"LIMIT {RANK_CAP}",
            params,
        )
        ids = [row[0] for row in cursor.fetchall()]
        seen = set(ids)
        fill = [pk for pk in (_sample_ids.get() or []) if pk not in seen]
        ids += fill[: RANK_CAP + RANK_CAP // 4 - len(ids)]
        source = "search_searchdocument d WHERE d.id = ANY(%s)"
        source = f"(SELECT d.* FROM {source}) d"
        params = [ids]
    elif bounded:
        # Title, summary and term names first; matches elsewhere only to fill up
        # (each tier is one GIN bitmap: run the second only when needed).
        head_where = where.replace("d.vector @@", "d.head_vector @@")
        cursor = _cursor()
        cursor.execute(
            f"SELECT d.id FROM search_searchdocument d WHERE {head_where} "
            f"LIMIT {RANK_CAP}",
            params,
        )
        ids = [row[0] for row in cursor.fetchall()]
        if len(ids) < RANK_CAP:
            cursor.execute(
                f"SELECT d.id FROM search_searchdocument d WHERE {where} "
                f"AND NOT (d.id = ANY(%s)) LIMIT {RANK_CAP // 4}",
                [*params, ids],
            )
            ids += [row[0] for row in cursor.fetchall()]
        source = "search_searchdocument d WHERE d.id = ANY(%s)"
        source = f"(SELECT d.* FROM {source}) d"
        params = [ids]
    else:
        source = f"search_searchdocument d WHERE {where}"
        source = f"(SELECT d.* FROM {source}) d"
    score = f"ts_rank('{RANK_WEIGHTS}', d.vector, %s::tsquery, 1)"
    if one_language:
        sql = f"""SELECT d.id, {score} AS score FROM {source}
        ORDER BY score DESC, d.title_sort, d.id LIMIT {RANK_CAP}"""
        params = [tsquery, *params]
    else:
        sql = f"""
        SELECT id, score FROM (
          SELECT DISTINCT ON (d.translation_key) d.id, d.title_sort,
            {score} AS score
          FROM {source}
          ORDER BY d.translation_key, (d.language = %s) DESC
        ) x ORDER BY score DESC, title_sort, id LIMIT {RANK_CAP}"""
        params = [tsquery, *params, prefer]
    cursor = _cursor()
    cursor.execute(sql, params)
    return cursor.fetchall()


_SHOW = """
SELECT d.id, d.region_id, d.page_id, d.language, d.translation_key, d.title,
  d.slug, coalesce(t.path, d.path), d.facet_keys, {headline}
FROM search_searchdocument d
LEFT JOIN LATERAL (
  SELECT path FROM search_searchdocument t
  WHERE t.translation_key = d.translation_key AND t.region_id = d.region_id
    AND t.language = %s LIMIT 1
) t ON TRUE
WHERE d.id = ANY(%s)
"""
_HEADLINE = (
    "ts_headline(d.config::regconfig, left(d.summary || ' ' || d.body, 1200), "
    "%s::tsquery, 'MaxFragments=2, MaxWords=24, MinWords=10, "
    f'FragmentDelimiter=" … ", StartSel={HIGHLIGHT_START}, '
    f"StopSel={HIGHLIGHT_STOP}')"
)


def snippet_html(text: str) -> SafeString:
    """Escape the text, then turn the highlight markers into <mark>."""
    safe = escape(text, quote=True)
    safe = safe.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>")
    return mark_safe(safe)  # noqa: S308 - escaped above, markers only


def _hits(ids_scores: list[tuple], highlight: str, language: str) -> list[Hit]:
    if not ids_scores:
        return []
    scores = dict(ids_scores)
    if highlight:
        sql = _SHOW.format(headline=_HEADLINE)
        params = [highlight, language, list(scores)]
    else:
        sql = _SHOW.format(headline="left(d.summary, 300)")
        params = [language, list(scores)]
    cursor = _cursor()
    cursor.execute(sql, params)
    rows = {row[0]: row for row in cursor.fetchall()}
    hits = []
    for pk, score in ids_scores:
        row = rows.get(pk)
        if row is None:
            continue
        hits.append(
            Hit(
                region_id=row[1],
                page_id=row[2],
                language=row[3],
                translation_key=row[4],
                title=row[5],
                slug=row[6],
                path=row[7],
                facet_keys=row[8],
                snippet=snippet_html(row[9] or ""),
                score=round(float(score), 4),
            )
        )
    return hits


def _facets(counts: dict[int, int], scale: float) -> dict[str, dict[int, int]]:
    facets: dict[str, dict[int, int]] = {name: {} for name in FACETS}
    codes = {FACET_CODES[name]: name for name in FACETS}
    for key, count in counts.items():
        if key < 0:
            continue
        name = codes.get(key // FACET_BASE)
        if name:
            facets[name][key % FACET_BASE] = round(count * scale)
    return facets


def _correct(parsed: ParsedQuery) -> tuple[ParsedQuery, bool]:
    """Each word replaced by the nearest indexed word (trigrams), if any is near."""
    changed = False
    cursor = _cursor()
    for term in parsed.words():
        word = fold(term.text).lower()
        cursor.execute(
            "SELECT word, similarity(word, %s) FROM search_searchword "
            "WHERE word %% %s ORDER BY 2 DESC, word LIMIT 1",
            [word, word],
        )
        row = cursor.fetchone()
        if row and row[1] >= TYPO_SIMILARITY and row[0] != word:
            term.text, term.parts, changed = row[0], [], True
            term.alternatives = [*s_variant(row[0]), *synonyms(row[0])]
            term.part_alternatives = []
    return parsed, changed


def search(query: SearchQuery) -> SearchResult:
    """One page of results with count and facets; see the module docstring.

    With ``ELASTICSEARCH_URL`` set the query goes to Elasticsearch; when that
    fails the PostgreSQL index (always kept) answers instead.
    """
    if settings.ELASTICSEARCH_URL:
        from search import elastic

        try:
            return elastic.search(query)
        except Exception as error:  # noqa: BLE001 - any failure: answer from PG
            logger.warning("Elasticsearch unavailable, searching PostgreSQL: %s", error)
    with in_public(), transaction.atomic(), connection.cursor() as cursor:
        # The planner seq-scans a common word (it expects to stop early, then
        # tests tsvectors row by row: 30 ms instead of 2 ms at 10,000 rows);
        # the GIN bitmap is always the better plan for these statements.
        cursor.execute("SET LOCAL enable_seqscan = off")
        token = _cursor_var.set(cursor)
        try:
            return _search(query)
        finally:
            _cursor_var.reset(token)
            cursor.execute("SET LOCAL enable_seqscan TO DEFAULT")


def _cursor():
    """The one cursor of the running search: django-tenants sets the search path
    once per cursor, so one cursor saves a round trip per statement."""
    cursor = _cursor_var.get()
    if cursor is None:
        raise RuntimeError("search helpers run inside search() only")
    return cursor


_table_rows: dict[str, float] = {}
TABLE_ROWS_SECONDS = 300


def _sample_buckets() -> int:
    """How many of the 100 sample buckets hold about ``SAMPLE_ROWS`` rows."""
    # Not "at < now - 300" with a default of 0: time.monotonic() counts from the
    # machine's boot, so in a process started within five minutes of booting
    # the table was never counted and the search failed with a KeyError.
    read_at = _table_rows.get("at")
    if read_at is None or time.monotonic() - read_at > TABLE_ROWS_SECONDS:
        cursor = _cursor()
        cursor.execute(
            "SELECT reltuples FROM pg_class "
            "WHERE oid = 'search_searchdocument'::regclass"
        )
        rows = cursor.fetchone()[0]
        if rows <= 0:  # never analysed (a new table): count it once
            cursor.execute("SELECT count(*) FROM search_searchdocument")
            rows = cursor.fetchone()[0]
        _table_rows.update(rows=max(rows, 1), at=time.monotonic())
    share = SAMPLE_ROWS / _table_rows["rows"]
    return max(1, min(SAMPLE_BUCKETS, round(SAMPLE_BUCKETS * share)))


def _search(query: SearchQuery) -> SearchResult:
    parsed = query_parse(query.text)
    tsquery, highlight = query_compile(parsed=parsed, language=query.language)
    result = _run(query, tsquery, highlight)
    if result.count == 0 and tsquery:
        corrected, changed = _correct(parsed)
        if changed:
            tsquery, highlight = query_compile(
                parsed=corrected, language=query.language
            )
            retry = _run(query, tsquery, highlight)
            if retry.count:
                retry.corrected = " ".join(
                    ("-" if t.negated else "") + t.text
                    for g in corrected.groups
                    for t in g
                )
                return retry
    if result.count == 0 and tsquery and query.relax:
        return _relaxed(query, parsed) or result
    return result


# Words of a query beyond which no partial matches are looked for.
RELAX_MAX_GROUPS = 6


def _relaxed(query: SearchQuery, parsed: ParsedQuery) -> SearchResult | None:
    """Nothing matches every word of "Kulturverein Ukraine Potsdam": drop the
    word that narrows least (the one most clubs match: Kultur), then the next,
    and answer with the first that matches; with four words or more, then two
    words. A word marked with ``-`` stays excluded."""
    required = [g for g in parsed.groups if not all(t.negated for t in g)]
    excluded = [g for g in parsed.groups if all(t.negated for t in g)]
    n = len(required)
    if n < 2 or n > RELAX_MAX_GROUPS:
        return None
    buckets = _sample_buckets()
    matches = []
    for group in required:
        tsquery, _hl = query_compile(
            parsed=ParsedQuery(groups=[group], text=parsed.text),
            language=query.language,
        )
        matches.append(_stats(query, tsquery, sample=buckets)[1].get(-1, 0))
    places = _place_words()
    place = [any(word_key(t.text) in places for t in g) for g in required]
    drops = [(i,) for i in range(n)]
    if n >= 4:
        drops += list(combinations(range(n), 2))
    # fewest words dropped first, a city or district last (the searcher wants a
    # club there), then the words most clubs match
    drops.sort(
        key=lambda d: (
            len(d),
            sum(place[i] for i in d),
            -sum(matches[i] for i in d),
        )
    )
    for drop in drops:
        kept = [g for i, g in enumerate(required) if i not in drop]
        tsquery, highlight = query_compile(
            parsed=ParsedQuery(groups=[*kept, *excluded], text=parsed.text),
            language=query.language,
        )
        if not tsquery:
            continue
        result = _run(query, tsquery, highlight)
        if result.count:
            result.relaxed = True
            result.dropped = [
                " / ".join(term.text for term in required[i]) for i in drop
            ]
            return result
    return None


def _place_words() -> set[str]:
    """The names of regions and districts, whole and word by word, as keys."""
    from cms.taxonomy.models import District
    from tenants.models import Region

    names = [*Region.objects.values_list("name", flat=True)]
    names += District.objects.values_list("name_de", flat=True)
    words = set()
    for name in names:
        words.add(word_key(name))
        words.update(word_key(w) for w in re.findall(r"\w+", name) if len(w) >= 4)
    return words


def _run(query: SearchQuery, tsquery: str, highlight: str) -> SearchResult:
    # First a sample (about SAMPLE_ROWS rows): cheap whatever the words. Only
    # when it suggests few matches are all of them read, for exact figures.
    buckets = _sample_buckets()
    scale = SAMPLE_BUCKETS / buckets
    sampled, counts = _stats(query, tsquery, sample=buckets)
    # A small table is sampled whole: the sample is the exact answer.
    exact = buckets == SAMPLE_BUCKETS
    if not exact and sampled * scale <= 2 * COUNT_CAP:
        read, exact_counts = _stats(query, tsquery)
        if read <= COUNT_CAP:
            exact, counts, scale = True, exact_counts, 1.0
    count = round(counts.get(-1, 0) * scale)
    ranked = _ranked(
        query,
        tsquery,
        bounded=not exact or count > RANK_CAP,
        common=not exact and count > COMMON,
    )
    if not exact and count < len(ranked):
        count = len(ranked)  # an estimate never claims fewer than were found
    size = query.page_size
    num_pages = max(1, -(-len(ranked) // size))
    start = (query.page - 1) * size
    hits = []
    keys: list[UUID] = []
    if query.with_hits:
        hits = _hits(ranked[start : start + size], highlight, query.language)
    elif ranked:
        cursor = _cursor()
        cursor.execute(
            "SELECT id, translation_key FROM search_searchdocument WHERE id = ANY(%s)",
            [[pk for pk, _score in ranked]],
        )
        by_id = dict(cursor.fetchall())
        keys = [by_id[pk] for pk, _score in ranked if pk in by_id]
    return SearchResult(
        ranked_keys=keys,
        count=count,
        count_exact=exact,
        hits=hits,
        facets=_facets(counts, scale),
        page=query.page,
        num_pages=num_pages,
    )


def directory_search(*, region, language: str, filters: dict[str, str]) -> list[UUID]:
    """The club directory's hook (``INSIST_DIRECTORY_SEARCH``): translation keys
    of the region's portraits matching the directory's filters, best first.

    ``filters`` are the directory's GET keys (``q``, ``feld``, ``zielgruppe``,
    ``sprache``, ``form``, ``migration``, ``stadtteil``) with one slug each.
    """
    from search.facets import DIRECTORY_KEYS, term_ids_from_slugs

    slugs = {DIRECTORY_KEYS[k]: [v] for k, v in filters.items() if k in DIRECTORY_KEYS}
    ids, _unknown = term_ids_from_slugs(slugs)
    ids["region"] = [region.pk]
    result = search(
        SearchQuery(
            text=filters.get("q", ""),
            filters=ids,
            language=language if language in LANGUAGE_CODES else "de",
            list_limit=DIRECTORY_LIMIT,
            with_hits=False,
            relax=False,
        )
    )
    return result.ranked_keys


def facet_names(*, language: str, regions) -> dict[str, dict[int, tuple[str, str]]]:
    """facet -> {id: (slug, name)} in ``language`` (German where untranslated);
    ``regions`` are the region rows already read."""
    names: dict[str, dict[int, tuple[str, str]]] = {
        "region": {r.pk: (r.slug, r.name) for r in regions}
    }
    own = f"name_{language}" if language in LANGUAGE_CODES and language != "de" else ""
    with in_public():
        for facet, model in FACET_VOCABULARIES.items():
            fields = ["pk", "slug", "name_de", *([own] if own else [])]
            names[facet] = {
                row[0]: (row[1], (row[3] if own else "") or row[2])
                for row in model.objects.values_list(*fields)
            }
    return names
