"""What lives inside a region's schema when it is provisioned."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Page, Site

from cms.pages.models import HomePage

# Group name -> (Django permissions "app_label.codename", Wagtail page permissions)
_PAGE_EDIT = ["add_page", "change_page"]
_PAGE_PUBLISH = [*_PAGE_EDIT, "publish_page", "lock_page", "unlock_page"]
_MEDIA = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
GROUPS = {
    "Regional admins": (
        [
            "wagtailadmin.access_admin",
            *_MEDIA,
            "wagtailimages.delete_image",
            "wagtaildocs.delete_document",
            "auth.add_user",
            "auth.change_user",
            "auth.delete_user",
            "auth.add_group",
            "auth.change_group",
            "auth.delete_group",
            "wagtailredirects.add_redirect",
            "wagtailredirects.change_redirect",
            "wagtailredirects.delete_redirect",
        ],
        [*_PAGE_PUBLISH, "bulk_delete_page"],
    ),
    "Moderators": (["wagtailadmin.access_admin", *_MEDIA], _PAGE_PUBLISH),
    "Editors": (["wagtailadmin.access_admin", *_MEDIA], _PAGE_EDIT),
}


def _permission(name: str) -> Permission:
    app_label, codename = name.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def region_site_ensure(*, region, domain: str, **kwargs) -> list[tuple[str, bool]]:
    """Receiver of ``region_ready``: home page, Wagtail site and groups.

    Runs in the region's schema. Returns ``(line, changed)`` pairs.
    """
    lines = []
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(depth=2).first()
    if home is None:
        # The template carries Wagtail's "Welcome" page and a default site;
        # the region's own home page takes their place.
        Site.objects.all().delete()
        for page in root.get_children():
            page.delete()
        home = root.add_child(
            instance=HomePage(title=region.name, slug="home", live=True)
        )
        home.save_revision().publish()
        lines.append(("home page created", True))
    else:
        lines.append(("home page already there", False))

    site = Site.objects.filter(hostname=domain).first()
    if site is None:
        Site.objects.create(
            hostname=domain,
            port=80,
            root_page=home,
            site_name=region.name,
            is_default_site=not Site.objects.filter(is_default_site=True).exists(),
        )
        lines.append((f"Wagtail site for '{domain}' created", True))
    else:
        lines.append((f"Wagtail site for '{domain}' already there", False))

    for name, (permissions, page_permissions) in GROUPS.items():
        group, created = Group.objects.get_or_create(name=name)
        group.permissions.add(*[_permission(p) for p in permissions])
        for codename in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=home,
                permission=_permission(f"wagtailcore.{codename}"),
            )
        lines.append((f"group '{name}' {'created' if created else 'up to date'}", created))
    return lines
