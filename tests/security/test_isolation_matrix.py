"""The isolation matrix: every kind of object x the three regions x every role x
read and write, generated; each case a test. 0 leaks.

Every object carries a unique marker (a page title, a document's text, an
image's bytes, a registrant's name). A *leak* is a marker in a response to a role
that may not see the object, or a change made by a role that may not change it.
A case that is allowed must also work (the marker is there, the change is made),
so the matrix cannot pass by refusing everything.

The world (three regions' pages, media, registrations, users and logged-in
browsers) is built once per module inside a transaction that is rolled back at
the end; each case runs in a savepoint of it.

Roles, seen from the region that owns the object:
- anonymous: no session;
- editor, moderator, regional_admin: the owning region's groups;
- other_region_admin: the next region's regional admin, in its own browser
  (cookies for its own host), asking the owner's host and its own host;
- portal_admin: a superuser of the portal (public schema).
"""

import io
import itertools
import uuid

import pytest
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.test import Client, override_settings
from django_tenants.utils import schema_context
from PIL import Image as PILImage
from PIL.PngImagePlugin import PngInfo
from wagtail.models import Collection, CollectionViewRestriction, Page

from cms.pages.models import EventPage, EventRegistration
from cms.taxonomy.models import FieldOfActivity
from tests.cms import factories
from tests.security.conftest import _forget_media_root

REGIONS = ["dortmund", "potsdam", "halle"]
ROLES = [
    "anonymous",
    "editor",
    "moderator",
    "regional_admin",
    "other_region_admin",
    "portal_admin",
]
ACTIONS = ["read", "write"]
INSIDE = {"editor", "moderator", "regional_admin"}
GROUP_OF = {
    "editor": "Editors",
    "moderator": "Moderators",
    "regional_admin": "Regional admins",
}

PAGE_TYPES = {
    # type: (factory, parent section) ; "home" is the region's own home page.
    "home": (None, None),
    "standard": (factories.StandardPageFactory, "home"),
    "club_index": (factories.ClubIndexPageFactory, "home"),
    "club_portrait": (factories.ClubPortraitPageFactory, "clubs"),
    "story_index": (factories.StoryIndexPageFactory, "home"),
    "story": (factories.StoryPageFactory, "stories"),
    "event_index": (factories.EventIndexPageFactory, "home"),
    "event": (factories.EventPageFactory, "events"),
}
INDEX_SECTION = {
    "club_index": "clubs",
    "story_index": "stories",
    "event_index": "events",
}
PAGE_KINDS = [
    f"page:{page_type}:{state}"
    for page_type in PAGE_TYPES
    for state in ("live", "draft", "revision")
    # A region's home page is always live: it has no draft of its own.
    if (page_type, state) != ("home", "draft")
]
OTHER_KINDS = [
    "image",
    "rendition",
    "document",
    "restricted_document",
    "media_url",
    "registration",
    "api",
]
KINDS = PAGE_KINDS + OTHER_KINDS

# --- the policy: who may read and write what, in the owning region ----------
EVERYONE = set(ROLES)


def allowed(kind: str, action: str, role: str) -> bool:
    if kind.startswith("page:"):
        state = kind.rsplit(":", 1)[1]
        if action == "read":
            return role in (EVERYONE if state == "live" else INSIDE)
        # Locking is the write probe: lock_page is the moderation team's.
        return role in {"moderator", "regional_admin"}
    if kind == "image":
        # Reading = the image's admin page; writing = deleting it. In Wagtail the
        # "change" permission on a collection includes deleting.
        return role in INSIDE
    if kind == "document":
        # Read: a public document, through the serve view.
        return action == "read" or role in INSIDE
    if kind == "restricted_document":
        # Nobody reads it without the collection's password.
        return action == "write" and role in INSIDE
    if kind in ("rendition", "media_url"):
        return action == "read"  # public files; nobody writes to a URL
    if kind == "registration":
        return role in {"moderator", "regional_admin"}
    if kind == "api":
        return action == "read"  # shared vocabulary, never regional objects
    raise AssertionError(kind)


def host(slug: str) -> str:
    return f"{slug}.localhost"


def _next_region(slug: str) -> str:
    return REGIONS[(REGIONS.index(slug) + 1) % len(REGIONS)]


# --- the world -----------------------------------------------------------------


def _png(marker: str, color) -> bytes:
    info = PngInfo()
    info.add_text("marker", marker)
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), color).save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


def _marker(slug: str, kind: str) -> str:
    return f"M{uuid.uuid4().hex[:10]}-{slug}-{kind.replace(':', '-')}"


def _page(slug, page_type, state, sections, world):
    factory, parent = PAGE_TYPES[page_type]
    kind = f"page:{page_type}:{state}"
    marker = _marker(slug, kind)
    if state == "draft":
        page = factory(
            parent=sections[parent],
            title=marker,
            slug=f"entwurf-{page_type.replace('_', '-')}",
            live=False,
        )
        page.save_revision()
        world["markers"][slug][kind] = marker
        return page
    if page_type == "home":
        page = sections["home"]
    elif page_type in INDEX_SECTION:
        page = sections[INDEX_SECTION[page_type]]
    else:
        page = world["leaf"][slug].get(page_type)
        if page is None:
            extra = (
                {"registration": EventPage.Registration.FORM, "capacity": 10}
                if page_type == "event"
                else {}
            )
            page = factory(parent=sections[parent], **extra)
            world["leaf"][slug][page_type] = page
    if state == "live":
        page.title = marker
        page.save_revision().publish()
    else:  # revision: a newer, unpublished revision of a live page
        page.refresh_from_db()
        page.title = marker
        page.save_revision()
    world["markers"][slug][kind] = marker
    return page


def _build(slug, world):
    User = get_user_model()
    with schema_context(slug):
        sections = factories.region_sections()
        world["leaf"][slug] = {}
        pages = {}
        for page_type in PAGE_TYPES:
            for state in ("live", "revision", "draft"):
                if (page_type, state) == ("home", "draft"):
                    continue
                kind = f"page:{page_type}:{state}"
                pages[kind] = _page(slug, page_type, state, sections, world)
        objects = {kind: {"page_id": page.pk} for kind, page in pages.items()}
        for kind, page in pages.items():
            stored = Page.objects.get(pk=page.pk)
            objects[kind]["url"] = (
                stored.url
                if stored.live
                # Where the draft would be once published: nobody sees it there.
                else stored.get_parent().url + stored.slug + "/"
            )

        markers = world["markers"][slug]
        color = {"dortmund": (200, 0, 0), "potsdam": (0, 200, 0), "halle": (0, 0, 200)}
        markers["image"] = _marker(slug, "image")
        image_bytes = _png(markers["image"], color[slug])
        root = Collection.get_first_root_node()
        image = wagtail_factories.ImageFactory(
            title=markers["image"],
            collection=root,
            file=ContentFile(image_bytes, name=f"{slug}.png"),
        )
        rendition = image.get_rendition("fill-32x24")
        with rendition.file.open("rb") as handle:
            rendition_bytes = handle.read()
        objects["image"] = {"id": image.pk}
        objects["media_url"] = {"url": image.file.url, "needle": image_bytes}
        objects["rendition"] = {"url": rendition.url, "needle": rendition_bytes}
        markers["media_url"] = markers["image"]

        markers["document"] = _marker(slug, "document")
        document = wagtail_factories.DocumentFactory(
            title="Protokoll",
            collection=root,
            file=ContentFile(markers["document"].encode(), name=f"{slug}-doc.txt"),
        )
        objects["document"] = {"id": document.pk, "url": document.url}
        objects["document"]["media"] = document.file.url

        restricted = root.add_child(name=f"Intern {slug}")
        CollectionViewRestriction.objects.create(
            collection=restricted,
            restriction_type=CollectionViewRestriction.PASSWORD,
            password="geheim",
        )
        markers["restricted_document"] = _marker(slug, "restricted")
        secret = wagtail_factories.DocumentFactory(
            title="Intern",
            collection=restricted,
            file=ContentFile(
                markers["restricted_document"].encode(), name=f"{slug}-intern.txt"
            ),
        )
        objects["restricted_document"] = {"id": secret.pk, "url": secret.url}
        objects["restricted_document"]["media"] = secret.file.url

        markers["registration"] = _marker(slug, "registration")
        registration = EventRegistration.objects.create(
            event=world["leaf"][slug]["event"],
            name=markers["registration"],
            email=f"{markers['registration'].lower()}@example.org",
        )
        objects["registration"] = {"id": registration.pk}
        objects["api"] = {"url": "/api/taxonomy?lang=de"}

        clients = {}
        for role, group in GROUP_OF.items():
            user = User.objects.create_user(f"{role}-{slug}", password="pw-Matrix-2026")
            user.groups.add(Group.objects.get(name=group))
            client = Client(HTTP_HOST=host(slug))
            client.force_login(user)
            clients[role] = client
    world["objects"][slug] = objects
    world["clients"][slug] = clients


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("matrix-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)):
        _forget_media_root()
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            built = {
                "markers": {},
                "objects": {},
                "clients": {},
                "leaf": {},
                "answers": {},
            }
            for slug in REGIONS:
                built["markers"][slug] = {}
                _build(slug, built)
            with schema_context("public"):
                admin = get_user_model().objects.create_superuser(
                    "portal-matrix", "portal@example.org", "pw-Matrix-2026"
                )
                portal = Client(HTTP_HOST="localhost")
                portal.force_login(admin)
            built["portal"] = portal
            connection.set_schema_to_public()
            yield built
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            connection.set_schema_to_public()
            _forget_media_root()
            cache.clear()


# --- asking ----------------------------------------------------------------------


def _browsers(world, owner: str, role: str) -> list[Client]:
    """The role's browser(s), each pointed at the hosts it asks: the owner's host
    always, and its own host for roles that live elsewhere."""
    if role in INSIDE:
        return [world["clients"][owner][role]]
    if role == "anonymous":
        # The owner's host, and another region's host.
        return [
            Client(HTTP_HOST=host(owner)),
            Client(HTTP_HOST=host(_next_region(owner))),
        ]
    own = (
        world["clients"][_next_region(owner)]["regional_admin"]
        if role == "other_region_admin"
        else world["portal"]
    )
    at_owner = Client(HTTP_HOST=host(owner))
    # The same browser's cookies, sent to the owner's host (a copy: that host's
    # answer may delete them, which must not log the role out at home).
    for name, morsel in own.cookies.items():
        at_owner.cookies[name] = morsel.value
    return [at_owner, own]


def _body(response) -> bytes:
    if getattr(response, "streaming", False):
        # The test client closes the response once it is read (closing it here
        # would close the database connection inside the module's transaction).
        return b"".join(response.streaming_content)
    return response.content


def _read_paths(kind: str, obj: dict) -> list[str]:
    if kind.startswith("page:"):
        return [obj["url"], f"/admin/pages/{obj['page_id']}/view_draft/"]
    if kind == "image":
        return [f"/admin/images/{obj['id']}/"]
    if kind in ("document", "restricted_document"):
        return [obj["url"], obj["media"]]
    if kind in ("rendition", "media_url", "api"):
        return [obj["url"]]
    if kind == "registration":
        return [
            "/admin/snippets/pages/eventregistration/",
            f"/admin/snippets/pages/eventregistration/edit/{obj['id']}/",
        ]
    raise AssertionError(kind)


def _needles(world, owner, kind) -> list[bytes]:
    obj = world["objects"][owner][kind]
    if kind in ("rendition", "media_url"):
        return [obj["needle"]]
    if kind == "api":
        # The API must carry no region's non-public object.
        return [
            marker.encode()
            for slug in REGIONS
            for name, marker in world["markers"][slug].items()
            if not name.endswith(":live")
            and name not in ("media_url", "image", "document")
        ]
    return [world["markers"][owner][kind].encode()]


def _reads(world, owner, kind, role):
    """Each (browser host, path, status, body) the role gets.

    GETs change nothing and every write is rolled back after its case, so an
    answer is asked once per (owner, role, host, path) and shared by the cases
    that ask the same (a live page and its newer revision have one URL).
    """
    obj = world["objects"][owner][kind]
    answers = []
    for browser in _browsers(world, owner, role):
        browser_host = browser.defaults["HTTP_HOST"]
        for path in _read_paths(kind, obj):
            key = (owner, role, browser_host, path)
            if key not in world["answers"]:
                response = browser.get(path)
                body = _body(response)
                if response.status_code in (301, 302):
                    body = response["Location"].encode()
                world["answers"][key] = (browser_host, path, response.status_code, body)
            answers.append(world["answers"][key])
    return answers


# --- writing ----------------------------------------------------------------------


def _write_state(owner, kind, obj):
    """What a write would change, read straight from the owner's schema."""
    with schema_context(owner):
        if kind.startswith("page:"):
            return Page.objects.get(pk=obj["page_id"]).locked
        if kind == "image":
            from wagtail.images import get_image_model

            return get_image_model().objects.filter(pk=obj["id"]).exists()
        if kind in ("document", "restricted_document"):
            from wagtail.documents import get_document_model

            return get_document_model().objects.filter(pk=obj["id"]).exists()
        if kind == "registration":
            return EventRegistration.objects.filter(pk=obj["id"]).exists()
        if kind == "api":
            return FieldOfActivity.objects.count()
    return None


def _write(world, owner, kind, role) -> list[int]:
    obj = world["objects"][owner][kind]
    statuses = []
    for browser in _browsers(world, owner, role):
        if kind.startswith("page:"):
            response = browser.post(f"/admin/pages/{obj['page_id']}/lock/")
        elif kind == "image":
            response = browser.post(f"/admin/images/{obj['id']}/delete/")
        elif kind in ("document", "restricted_document"):
            response = browser.post(f"/admin/documents/delete/{obj['id']}/")
        elif kind == "registration":
            response = browser.post(
                f"/admin/snippets/pages/eventregistration/delete/{obj['id']}/"
            )
        elif kind == "api":
            response = browser.post(
                obj["url"], data="{}", content_type="application/json"
            )
        else:  # rendition, media_url: a file URL takes no writes
            path = obj["url"]
            response = browser.put(path, data=b"overwritten")
            before = obj["needle"]
            with schema_context(owner):
                from django.core.files.storage import default_storage

                name = path.removeprefix(f"/media/{owner}/")
                with default_storage.open(name, "rb") as handle:
                    assert handle.read() == before, "a file URL took a write"
        statuses.append(response.status_code)
    return statuses


# --- the cases ----------------------------------------------------------------------

CASES = list(itertools.product(KINDS, REGIONS, ROLES, ACTIONS))
PARAMS = [
    pytest.param(
        kind,
        owner,
        role,
        action,
        id=f"{kind}-{owner}-{role}-{action}",
    )
    for kind, owner, role, action in CASES
]


def test_the_matrix_is_large_enough():
    assert len(CASES) >= 500
    assert {kind.split(":")[1] for kind in PAGE_KINDS} == set(PAGE_TYPES)


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "owner", "role", "action"), PARAMS)
def test_isolation(world, kind, owner, role, action):
    may = allowed(kind, action, role)
    if action == "read":
        answers = _reads(world, owner, kind, role)
        needles = _needles(world, owner, kind)
        owner_host = host(owner)
        leaks = [
            (where, path, status)
            for where, path, status, body in answers
            if any(needle in body for needle in needles)
            and (not may or where != owner_host or kind == "api")
        ]
        assert leaks == [], f"LEAK: {role} reads {owner}'s {kind}"
        if may and kind != "api":
            seen = [
                path
                for where, path, status, body in answers
                if where == owner_host
                and status == 200
                and any(needle in body for needle in needles)
            ]
            assert seen, f"{role} should read {owner}'s {kind}: {answers!r:.400}"
        if kind == "api":
            assert all(status == 200 for _w, _p, status, _b in answers)
        return

    obj = world["objects"][owner][kind]
    before = _write_state(owner, kind, obj)
    statuses = _write(world, owner, kind, role)
    after = _write_state(owner, kind, obj)
    if kind in ("rendition", "media_url"):
        assert all(status in (404, 405) for status in statuses), statuses
        return
    if kind == "api":
        assert before == after
        assert all(status in (404, 405) for status in statuses), statuses
        return
    changed = before != after
    if may:
        assert changed, f"{role} should be able to write {owner}'s {kind}: {statuses}"
    else:
        assert not changed, f"LEAK: {role} wrote {owner}'s {kind}: {statuses}"
