"""``manage.py publish_scheduled_all``: Wagtail's scheduled publishing, every region.

Wagtail publishes pages whose "go live" time has passed (and unpublishes those
whose expiry has passed) only when ``publish_scheduled`` runs, and it runs in one
schema. The timer ``deploy/systemd/insist-publish-scheduled.timer`` runs this
every minute.
"""

from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import DraftStateMixin, Page, Revision

from tenants.management.region_command import RegionCommand


def _due_counts() -> tuple[int, int]:
    now = timezone.now()
    to_publish = Revision.objects.filter(approved_go_live_at__lt=now).count()
    models = [Page] + [
        model
        for model in apps.get_models()
        if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]
    to_expire = sum(
        model.objects.filter(live=True, expire_at__lt=now).count() for model in models
    )
    return to_publish, to_expire


class Command(RegionCommand):
    help = (
        "Publish what is scheduled to go live and unpublish what has expired, in "
        "every region (Wagtail's publish_scheduled, once per region schema)."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--dry-run", action="store_true", help="count only, change nothing"
        )

    def handle_region(self, region, *, dry_run: bool = False, **options) -> str:
        to_publish, to_expire = _due_counts()
        if not dry_run and (to_publish or to_expire):
            call_command("publish_scheduled", stdout=StringIO())
        verb = "due" if dry_run else "done"
        return f"{to_publish} to publish, {to_expire} to unpublish ({verb})"
