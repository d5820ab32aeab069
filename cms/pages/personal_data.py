"""Personal data in a region's pages: event registrations and the contact
persons of club portraits, in the live pages and in every revision
(``tenants.personal_data`` explains the registry)."""

from wagtail.models import Revision

from cms.pages.models import ClubPortraitPage, EventRegistration
from tenants.personal_data import PersonalDataProvider, personal_data_provider

CONTACT_FIELDS = {
    "contact_name": "",
    "contact_email": "",
    "contact_consent": False,
    "contact_consent_date": None,
}


@personal_data_provider
class EventRegistrations(PersonalDataProvider):
    name = "event_registrations"

    def _registrations(self, email):
        return EventRegistration.objects.filter(email__iexact=email).select_related(
            "event"
        )

    def export(self, *, email, region):
        return [
            {
                "event": registration.event.title,
                "event_start": registration.event.start.isoformat(),
                "name": registration.name,
                "email": registration.email,
                "registered": registration.created.isoformat(),
                "confirmed": (
                    registration.confirmed.isoformat()
                    if registration.confirmed
                    else None
                ),
            }
            for registration in self._registrations(email).order_by("pk")
        ]

    def erase(self, *, email, region):
        lines = [
            f"deleted the registration for '{registration.event.title}' "
            f"(event {registration.event_id})"
            for registration in self._registrations(email).order_by("pk")
        ]
        self._registrations(email).delete()
        return lines


def _portrait_revisions(email):
    return Revision.objects.filter(
        content_type__app_label="pages",
        content_type__model="clubportraitpage",
    ).filter(content__contact_email__iexact=email)


@personal_data_provider
class PortraitContacts(PersonalDataProvider):
    """A club portrait's contact person: name, email and consent, in the page
    and in each of its revisions (drafts and history)."""

    name = "portrait_contacts"

    def export(self, *, email, region):
        records = [
            {
                "page": portrait.title,
                "page_id": portrait.pk,
                "contact_name": portrait.contact_name,
                "contact_email": portrait.contact_email,
                "consent": portrait.contact_consent,
                "consent_date": (
                    portrait.contact_consent_date.isoformat()
                    if portrait.contact_consent_date
                    else None
                ),
            }
            for portrait in ClubPortraitPage.objects.filter(
                contact_email__iexact=email
            ).order_by("pk")
        ]
        records += [
            {
                "page_id": int(revision.object_id),
                "revision_id": revision.pk,
                "revision_created": revision.created_at.isoformat(),
                "contact_name": revision.content.get("contact_name", ""),
                "contact_email": revision.content.get("contact_email", ""),
            }
            for revision in _portrait_revisions(email).order_by("pk")
        ]
        return records

    def erase(self, *, email, region):
        lines = []
        portraits = ClubPortraitPage.objects.filter(contact_email__iexact=email)
        for portrait in portraits.order_by("pk"):
            lines.append(
                f"removed the contact person from the portrait '{portrait.title}' "
                f"(page {portrait.pk})"
            )
        # An update, not page.save(): no new revision, nothing published anew.
        portraits.update(**CONTACT_FIELDS)
        for revision in _portrait_revisions(email).order_by("pk"):
            revision.content.update(
                {
                    key: value
                    for key, value in CONTACT_FIELDS.items()
                    if key in revision.content or key.startswith("contact_")
                }
            )
            revision.save(update_fields=["content"])
            lines.append(
                f"removed the contact person from revision {revision.pk} "
                f"of page {revision.object_id}"
            )
        return lines
