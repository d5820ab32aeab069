from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    """Taking part: clubs submit their own portraits; the club fair's speed dating."""

    name = "cms.participation"
    label = "participation"
    verbose_name = _("Taking part")

    def ready(self):
        from wagtail.signals import workflow_approved, workflow_rejected

        from cms.participation import services

        workflow_approved.connect(
            services.club_submission_notify_published,
            dispatch_uid="participation-approved",
        )
        workflow_rejected.connect(
            services.club_submission_notify_returned,
            dispatch_uid="participation-returned",
        )
