"""Results as a page or the API shows them: names, links, facet lists."""

from search.selectors import SearchResult, facet_names
from tenants.context import in_public
from tenants.selectors import region_list, region_primary_domain


def region_hosts(request, regions) -> dict[int, str]:
    """Region id -> ``scheme://host[:port]`` in the form the request came in."""
    port = request.get_port()
    suffix = "" if port in ("80", "443") else f":{port}"
    return {
        region.pk: f"{request.scheme}://{region_primary_domain(region=region)}{suffix}"
        for region in regions
    }


def result_present(*, result: SearchResult, request, language: str, slugs) -> dict:
    """Hits with region, district, activities and absolute URL; facet lists."""
    from search.models import facet_split

    with in_public():
        regions = list(region_list())
    names = facet_names(language=language, regions=regions)
    hosts = region_hosts(request, regions)
    hits = []
    for hit in result.hits:
        terms: dict[str, list[str]] = {}
        for key in hit.facet_keys:
            facet, pk = facet_split(key)
            if facet in names and pk in names[facet]:
                terms.setdefault(facet, []).append(names[facet][pk][1])
        region_slug, region_name = names["region"].get(hit.region_id, ("", ""))
        hits.append(
            {
                "region": region_slug,
                "region_name": region_name,
                "slug": hit.slug,
                "title": hit.title,
                "url": hosts.get(hit.region_id, "") + hit.path,
                "snippet": hit.snippet,
                "score": hit.score,
                "language": hit.language,
                "district": (terms.get("district") or [""])[0],
                "fields_of_activity": terms.get("activity", []),
            }
        )
    facets = {}
    for facet, counts in result.facets.items():
        selected = set(slugs.get(facet, []))
        values = []
        for pk, (slug, name) in names.get(facet, {}).items():
            count = counts.get(pk, 0)
            if count or slug in selected:
                values.append(
                    {
                        "slug": slug,
                        "name": name,
                        "count": count,
                        "selected": slug in selected,
                    }
                )
        values.sort(key=lambda v: (not v["selected"], -v["count"], v["name"]))
        facets[facet] = values
    return {"hits": hits, "facets": facets}
