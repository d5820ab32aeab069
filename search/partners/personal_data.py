"""Contact requests hold the requester's name, club, address and message."""

from search.partners.models import ContactRequest
from search.partners.services import contact_request_anonymise
from tenants.personal_data import PersonalDataProvider, personal_data_provider


@personal_data_provider
class ContactRequestProvider(PersonalDataProvider):
    name = "contact_requests"
    scopes = ("public",)

    def _rows(self, email: str):
        return ContactRequest.objects.filter(requester_email__iexact=email.strip())

    def export(self, *, email: str, region) -> list[dict]:
        return [
            {
                "club_asked": c.target_title,
                "name": c.requester_name,
                "club": c.requester_club,
                "email": c.requester_email,
                "message": c.message,
                "status": c.status,
                "created_at": c.created_at.isoformat(),
            }
            for c in self._rows(email)
        ]

    def erase(self, *, email: str, region) -> list[str]:
        lines = []
        for contact in self._rows(email):
            contact_request_anonymise(contact=contact)
            lines.append(f"contact request {contact.pk} anonymised")
        return lines
