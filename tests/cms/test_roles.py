"""Roles and the moderation workflow, in one region and across regions.

The role x action matrix drives Wagtail's own admin views with the test client,
logged in inside the region's schema.
"""

from types import SimpleNamespace

import pytest
from django.contrib import messages
from django.contrib.messages import get_messages
from django_tenants.utils import schema_context
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.pages.models import StandardPage
from cms.pages.services import WORKFLOW_NAME, region_site_ensure
from tenants.context import in_region
from tenants.selectors import region_get
from tests.cms.factories import StandardPageFactory, region_home
from tests.conftest import HostClient, shared_by_module

pytestmark = pytest.mark.django_db

ROLES = ["Editors", "Moderators", "Regional admins"]


def _logged_in(region_client, make_user, slug, username, groups):
    user = make_user(slug, username, groups=groups)
    client = region_client(slug)
    with schema_context(slug):
        client.force_login(user)
    return client, user


def _page_form(title, slug, **actions):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "kind": "other",
            "intro": "",
            "body": streamfield([]),
        }
    )
    data.update(actions)
    return data


def _add(client, parent_id, **actions):
    return client.post(
        f"/admin/pages/add/pages/standardpage/{parent_id}/",
        _page_form("Über das Projekt", "projekt", **actions),
    )


def _draft(title="Entwurf"):
    return StandardPageFactory(parent=region_home(), title=title, live=False)


# --- one region: role x action -------------------------------------------------

EXPECTED = {
    # action: {role: allowed}
    "create_draft": {"Editors": True, "Moderators": True, "Regional admins": True},
    "publish": {"Editors": False, "Moderators": True, "Regional admins": True},
    "manage_users": {"Editors": False, "Moderators": False, "Regional admins": True},
}


@pytest.mark.parametrize("role", ROLES)
def test_role_can_create_a_draft(role, regions, region_client, make_user):
    client, _ = _logged_in(region_client, make_user, "dortmund", "ute", [role])
    with schema_context("dortmund"):
        home_id = region_home().pk
    response = _add(client, home_id)
    assert response.status_code == 302
    with schema_context("dortmund"):
        page = StandardPage.objects.get(slug="projekt", alias_of__isnull=True)
        assert (not page.live) is EXPECTED["create_draft"][role]


@pytest.mark.parametrize("role", ROLES)
def test_only_moderators_and_admins_publish(role, regions, region_client, make_user):
    client, _ = _logged_in(region_client, make_user, "dortmund", "ute", [role])
    with schema_context("dortmund"):
        home_id = region_home().pk
    _add(client, home_id, **{"action-publish": "action-publish"})
    with schema_context("dortmund"):
        page = StandardPage.objects.get(slug="projekt", alias_of__isnull=True)
        assert page.live is EXPECTED["publish"][role]
        perms = page.permissions_for_user(
            page.owner.__class__.objects.get(username="ute")
        )
        assert perms.can_publish() is EXPECTED["publish"][role]


@pytest.mark.parametrize("role", ROLES)
def test_every_role_submits_for_moderation(role, regions, region_client, make_user):
    client, _ = _logged_in(region_client, make_user, "dortmund", "ute", [role])
    with schema_context("dortmund"):
        home_id = region_home().pk
    _add(client, home_id, **{"action-submit": "action-submit"})
    with schema_context("dortmund"):
        page = StandardPage.objects.get(slug="projekt", alias_of__isnull=True)
        state = WorkflowState.objects.get(object_id=str(page.pk))
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert state.workflow.name == WORKFLOW_NAME
        assert not page.live


@pytest.mark.parametrize("role", ROLES)
def test_only_regional_admins_manage_users(role, regions, region_client, make_user):
    client, _ = _logged_in(region_client, make_user, "dortmund", "ute", [role])
    response = client.get("/admin/users/")
    assert (response.status_code == 200) is EXPECTED["manage_users"][role]
    response = client.get("/admin/groups/")
    assert (response.status_code == 200) is EXPECTED["manage_users"][role]


def _submitted_by_editor(region_client, make_user):
    editor, _ = _logged_in(region_client, make_user, "dortmund", "eddi", ["Editors"])
    with schema_context("dortmund"):
        home_id = region_home().pk
    _add(editor, home_id, **{"action-submit": "action-submit"})
    with schema_context("dortmund"):
        page = StandardPage.objects.get(slug="projekt", alias_of__isnull=True)
        task_state = TaskState.objects.get(
            workflow_state__object_id=str(page.pk),
            status=TaskState.STATUS_IN_PROGRESS,
        )
    return page, task_state


def test_moderator_approves_and_the_page_goes_live(regions, region_client, make_user):
    page, task_state = _submitted_by_editor(region_client, make_user)
    moderator, _ = _logged_in(
        region_client, make_user, "dortmund", "mona", ["Moderators"]
    )
    response = moderator.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/",
        {"comment": "Passt."},
    )
    assert response.status_code in (200, 302)
    with schema_context("dortmund"):
        page.refresh_from_db()
        assert page.live
        assert (
            WorkflowState.objects.get(object_id=str(page.pk)).status
            == WorkflowState.STATUS_APPROVED
        )


def test_moderator_asks_for_changes(regions, region_client, make_user):
    page, task_state = _submitted_by_editor(region_client, make_user)
    moderator, _ = _logged_in(
        region_client, make_user, "dortmund", "mona", ["Moderators"]
    )
    moderator.post(
        f"/admin/pages/workflow/action/{page.pk}/reject/{task_state.pk}/",
        {"comment": "Bitte das Datum ergänzen."},
    )
    with schema_context("dortmund"):
        page.refresh_from_db()
        assert not page.live
        assert (
            WorkflowState.objects.get(object_id=str(page.pk)).status
            == WorkflowState.STATUS_NEEDS_CHANGES
        )


def test_editor_cannot_approve_its_own_submission(regions, region_client, make_user):
    page, task_state = _submitted_by_editor(region_client, make_user)
    approve = f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"
    editor = region_client("dortmund")
    with schema_context("dortmund"):
        editor.force_login(page.owner)

    response = editor.post(approve, {"comment": ""})

    # Wagtail answers a refused action with the dashboard and an error message.
    assert response.status_code == 302 and response["Location"] == "/admin/"
    refusals = [
        m for m in get_messages(response.wsgi_request) if m.level == messages.ERROR
    ]
    assert len(refusals) == 1
    with schema_context("dortmund"):
        page.refresh_from_db()
        task_state.refresh_from_db()
        assert not page.live
        assert task_state.status == TaskState.STATUS_IN_PROGRESS
    # The very same request from a moderator approves: the refusal was the role's.
    moderator, _ = _logged_in(
        region_client, make_user, "dortmund", "mona", ["Moderators"]
    )
    assert moderator.post(approve, {"comment": ""}).status_code in (200, 302)
    with schema_context("dortmund"):
        page.refresh_from_db()
        assert page.live


def test_workflow_setup_is_idempotent(regions):
    with schema_context("dortmund"):
        lines = region_site_ensure(
            region=regions["dortmund"], domain="dortmund.localhost"
        )
        assert not any(changed for _line, changed in lines)
        assert region_home().get_workflow().name == WORKFLOW_NAME


def test_preview_and_revisions_work_for_editors(regions, region_client, make_user):
    client, _ = _logged_in(region_client, make_user, "dortmund", "ute", ["Editors"])
    with schema_context("dortmund"):
        home_id = region_home().pk
    _add(client, home_id)
    with schema_context("dortmund"):
        page = StandardPage.objects.get(slug="projekt", alias_of__isnull=True)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        _page_form("Über das Projekt INSIST", "projekt"),
    )
    assert response.status_code == 302
    with schema_context("dortmund"):
        assert page.revisions.count() == 2
    response = client.get(f"/admin/pages/{page.pk}/history/")
    assert response.status_code == 200
    preview = client.post(
        f"/admin/pages/{page.pk}/edit/preview/",
        _page_form("Vorschau-Titel", "projekt"),
    )
    assert preview.json()["is_valid"]
    assert (
        "Vorschau-Titel"
        in client.get(f"/admin/pages/{page.pk}/edit/preview/").content.decode()
    )


# --- across regions ------------------------------------------------------------


@pytest.fixture(scope="module")
def halle_browsers(django_db_setup, django_db_blocker):
    """A logged-in Halle session per role and a Dortmund draft, made once for the
    module (rolled back after it): the matrix below only asks Dortmund."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    with shared_by_module(django_db_blocker):
        halle, dortmund = region_get(slug="halle"), region_get(slug="dortmund")
        sessions = {}
        for n, role in enumerate(ROLES):
            with in_region(halle):
                user = get_user_model().objects.create_user(f"hanna{n}")
                user.groups.add(Group.objects.get(name=role))
            browser = HostClient("halle")
            browser.force_login(user)
            # A session that works at home: a refusal in Dortmund is then real.
            assert browser.get("/admin/").status_code == 200
            sessions[role] = browser.cookies["sessionid"].value
        with in_region(dortmund):
            draft = _draft()
            draft.save_revision()
            home = region_home()
        yield SimpleNamespace(
            sessions=sessions, home=home, draft=draft, region=dortmund
        )


def _dortmund_with_halle_session(region_client, session_key):
    """The same browser on another region's host: Halle's session cookie."""
    dortmund = region_client("dortmund")
    dortmund.cookies["sessionid"] = session_key
    return dortmund


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "what", ["dashboard", "explorer", "edit", "add", "preview", "draft_url", "users"]
)
def test_halle_session_reaches_nothing_in_dortmund(
    role, what, halle_browsers, region_client
):
    home, draft = halle_browsers.home, halle_browsers.draft
    urls = {
        "dashboard": "/admin/",
        "explorer": f"/admin/pages/{home.pk}/",
        "edit": f"/admin/pages/{draft.pk}/edit/",
        "add": f"/admin/pages/add/pages/standardpage/{home.pk}/",
        "preview": f"/admin/pages/{draft.pk}/view_draft/",
        "draft_url": f"/{draft.slug}/",
        "users": "/admin/users/",
    }
    dortmund = _dortmund_with_halle_session(
        region_client, halle_browsers.sessions[role]
    )
    response = dortmund.get(urls[what])
    if what == "draft_url":
        assert response.status_code == 404
    else:
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("role", ROLES)
def test_halle_session_cannot_change_a_dortmund_page(
    role, halle_browsers, region_client
):
    draft = halle_browsers.draft
    dortmund = _dortmund_with_halle_session(
        region_client, halle_browsers.sessions[role]
    )

    post = dortmund.post(
        f"/admin/pages/{draft.pk}/edit/", _page_form("Übernommen", "uebernommen")
    )

    assert post.status_code == 302 and post["Location"].startswith("/admin/login/")
    with in_region(halle_browsers.region):
        assert Page.objects.get(pk=draft.pk).title == "Entwurf"


def test_moderator_schedules_publishing(regions, region_client, make_user):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.models import Revision

    client, _ = _logged_in(region_client, make_user, "dortmund", "mona", ["Moderators"])
    with schema_context("dortmund"):
        home_id = region_home().pk
    go_live = (timezone.localtime() + datetime.timedelta(days=3)).replace(microsecond=0)
    data = _page_form("Sommerfest", "projekt", **{"action-publish": "action-publish"})
    data["go_live_at"] = go_live.strftime("%Y-%m-%d %H:%M")
    client.post(f"/admin/pages/add/pages/standardpage/{home_id}/", data)
    with schema_context("dortmund"):
        page = StandardPage.objects.get(slug="projekt", alias_of__isnull=True)
        assert not page.live
        revision = Revision.page_revisions.get(object_id=str(page.pk))
        assert revision.approved_go_live_at is not None
        # Three days later, the scheduler's run publishes it.
        past = timezone.now() - datetime.timedelta(minutes=1)
        revision.content["go_live_at"] = past.isoformat()
        revision.approved_go_live_at = past
        revision.save(update_fields=["content", "approved_go_live_at"])
        call_command("publish_scheduled")
        page.refresh_from_db()
        assert page.live
