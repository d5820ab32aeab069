"""``/partner/``: the partner finder, on every region host and the portal.

Opened from a portrait (``?club=<region>:<slug>``) or filled in by a club
without an account (the profile fields of ``params.partner_params_read``). A
GET form: nothing is stored, so it needs no token, honeypot or rate limit.
"""

from django.shortcuts import render
from django.utils import translation

from search.partners.params import partner_params_read
from search.partners.presenters import suggestions_present
from search.partners.selectors import partner_suggestions
from search.selectors import facet_names
from tenants.context import in_public
from tenants.selectors import region_list

CHOICES = ("activity", "target_group", "language", "district", "migration")


def partner_page(request):
    """Suggestions for a club, the form describing a club, and the filters."""
    language = translation.get_language() or "de"
    asked = bool(request.GET)
    read = partner_params_read(request.GET) if asked else None
    results = []
    if read is not None and read.profile is not None and not read.problems:
        results = suggestions_present(
            suggestions=partner_suggestions(
                profile=read.profile,
                region_ids=read.filters.get("region"),
                district_ids=read.filters.get("district"),
                activity_ids=read.filters.get("activity"),
                migration_ids=read.filters.get("migration"),
            ),
            request=request,
            language=language,
        )
    with in_public():
        regions = list(region_list())
    names = facet_names(language=language, regions=regions)
    chosen = {key: request.GET.getlist(key) for key in request.GET}
    options = {
        facet: [
            {
                "slug": slug,
                "name": name,
                "selected": slug in chosen.get(facet, [])
                or slug in chosen.get(f"only_{facet}", []),
            }
            for _pk, (slug, name) in sorted(names[facet].items(), key=lambda i: i[1][1])
        ]
        for facet in (*CHOICES, "region")
    }
    return render(
        request,
        "partners/finder.html",
        {
            "club": request.GET.get("club", "")[:300].replace("\x00", ""),
            "offers": request.GET.get("offers", "")[:1000].replace("\x00", ""),
            "seeks": request.GET.get("seeks", "")[:1000].replace("\x00", ""),
            "options": options,
            "problems": read.problems if read else [],
            "results": results,
            "asked": asked and read is not None and not read.problems,
        },
        status=400 if read is not None and read.problems else 200,
    )
