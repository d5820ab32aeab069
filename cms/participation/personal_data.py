"""Personal data of taking part: club submissions (the submitter's address and
the submitted contact) and the schedule addresses of speed-dating clubs
(``tenants.personal_data`` explains the registry)."""

from cms.participation.models import ClubSubmission, SpeedDatingClub
from tenants.personal_data import PersonalDataProvider, personal_data_provider


@personal_data_provider
class ClubSubmissions(PersonalDataProvider):
    name = "club_submissions"

    def _rows(self, email):
        return ClubSubmission.objects.filter(email__iexact=email)

    def export(self, *, email, region):
        return [
            {
                "kind": row.kind,
                "email": row.email,
                "submitted": row.created.isoformat(),
                "confirmed": row.confirmed.isoformat() if row.confirmed else None,
                "data": row.data,
                "portrait": row.portrait_id,
            }
            for row in self._rows(email).order_by("pk")
        ]

    def erase(self, *, email, region):
        lines = [
            f"deleted the club submission {row.pk} ({row.kind})"
            for row in self._rows(email).order_by("pk")
        ]
        self._rows(email).delete()
        return lines


@personal_data_provider
class SpeedDatingAddresses(PersonalDataProvider):
    name = "speed_dating_addresses"

    def _rows(self, email):
        return SpeedDatingClub.objects.filter(email__iexact=email).select_related(
            "speed_dating__event"
        )

    def export(self, *, email, region):
        return [
            {
                "event": row.speed_dating.event.title,
                "name": row.name,
                "email": row.email,
            }
            for row in self._rows(email).order_by("pk")
        ]

    def erase(self, *, email, region):
        lines = [
            f"removed the schedule address of '{row.display_name}' at "
            f"'{row.speed_dating.event.title}'"
            for row in self._rows(email).order_by("pk")
        ]
        self._rows(email).update(email="")
        return lines
