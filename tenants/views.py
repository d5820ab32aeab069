from django.shortcuts import render

from tenants.selectors import region_list, region_primary_domain


def portal_home(request):
    """The portal's start page: the programme and links to its regions."""
    port = request.get_port()
    suffix = "" if port in ("80", "443") else f":{port}"
    regions = [
        {
            "name": region.name,
            "url": f"{request.scheme}://{region_primary_domain(region=region)}{suffix}/",
        }
        for region in region_list()
    ]
    return render(request, "tenants/portal_home.html", {"regions": regions})
