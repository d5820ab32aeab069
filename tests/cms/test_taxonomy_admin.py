"""Platform administrators manage the vocabularies in the portal's admin."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django_tenants.utils import schema_context

from cms.pages.models import ClubIndexPage, ClubPortraitPage, HomePage
from cms.taxonomy.models import District, TargetGroup
from cms.taxonomy.services import term_create

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/taxonomy/targetgroup/"


@pytest.fixture
def admin_client(make_user, portal_client):
    portal_client.force_login(make_user("public", "platform-admin", superuser=True))
    return portal_client


def _portrait_in_halle(**m2m) -> int:
    with schema_context("halle"):
        home = HomePage.objects.get(depth=2, locale__language_code="de")
        index = ClubIndexPage.objects.child_of(home).first() or home.add_child(
            instance=ClubIndexPage(title="Vereine", slug="vereine")
        )
        page = index.add_child(
            instance=ClubPortraitPage(title="Elterncafé Silberhöhe", summary="Eltern.")
        )
        for name, terms in m2m.items():
            getattr(page, name).set(terms)
        page.save()
        return page.pk


def test_the_vocabulary_lists_open_for_platform_administrators(admin_client):
    for url in [
        "/admin/taxonomy/fieldofactivity/",
        CHANGELIST,
        "/admin/taxonomy/clublanguage/",
        "/admin/taxonomy/organisationkind/",
        "/admin/taxonomy/migrationreference/",
        "/admin/taxonomy/district/?region__id__exact=1",
    ]:
        assert admin_client.get(url).status_code == 200, url
    form = admin_client.get("/admin/taxonomy/targetgroup/add/").content.decode()
    assert 'name="name_ar"' in form and 'name="description_uk"' in form


def test_merge_action_asks_for_the_target_then_merges(admin_client):
    source = term_create(vocabulary=TargetGroup, slug="mums", name="Mütter")
    parents = TargetGroup.objects.get(slug="parents")
    page_id = _portrait_in_halle(target_groups=[source])

    confirm = admin_client.post(
        CHANGELIST, {"action": "merge_terms", ACTION_CHECKBOX_NAME: [source.pk]}
    )
    assert confirm.status_code == 200
    assert "Mütter" in confirm.content.decode()
    assert TargetGroup.objects.filter(pk=source.pk).exists()

    done = admin_client.post(
        CHANGELIST,
        {
            "action": "merge_terms",
            ACTION_CHECKBOX_NAME: [source.pk],
            "target": parents.pk,
            "apply": "1",
        },
    )
    assert done.status_code == 302
    assert not TargetGroup.objects.filter(pk=source.pk).exists()
    with schema_context("halle"):
        page = ClubPortraitPage.objects.get(pk=page_id)
        assert [t.slug for t in page.target_groups.all()] == ["parents"]


def test_admin_refuses_to_delete_a_used_term_and_says_where(admin_client):
    seniors = TargetGroup.objects.get(slug="seniors")
    _portrait_in_halle(target_groups=[seniors])
    url = f"{CHANGELIST}{seniors.pk}/delete/"

    page = admin_client.get(url).content.decode()
    assert "halle: 1 × pages.ClubPortraitPage_target_groups" in page
    admin_client.post(url, {"post": "yes"})
    assert TargetGroup.objects.filter(pk=seniors.pk).exists()


def test_admin_deletes_an_unused_term(admin_client):
    term = term_create(vocabulary=TargetGroup, slug="pupils", name="Schüler")
    response = admin_client.post(f"{CHANGELIST}{term.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not TargetGroup.objects.filter(pk=term.pk).exists()


def test_merging_several_terms_is_all_or_none(admin_client, regions):
    dortmund = term_create(
        vocabulary=District,
        slug="dortmund-testviertel",
        name="Testviertel",
        region=regions["dortmund"],
        sort_order=0,
    )
    halle = term_create(
        vocabulary=District,
        slug="halle-testviertel",
        name="Testviertel",
        region=regions["halle"],
        sort_order=1,
    )
    target = District.objects.get(slug="dortmund-hoerde")

    response = admin_client.post(
        "/admin/taxonomy/district/",
        {
            "action": "merge_terms",
            ACTION_CHECKBOX_NAME: [dortmund.pk, halle.pk],
            "target": target.pk,
            "apply": "1",
        },
        follow=True,
    )

    assert "different regions" in response.content.decode()
    # The Dortmund district was merged first; the refusal undid that too.
    assert District.objects.filter(pk__in=[dortmund.pk, halle.pk]).count() == 2
