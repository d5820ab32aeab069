"""What the platform holds about one person, found by email address, in every
region and in the portal: a registry of providers.

Each app that stores personal data adds a ``personal_data.py`` module with a
provider class registered by ``@personal_data_provider``; ``manage.py
personal_data export|erase --email ADDRESS`` asks every provider in every schema
it covers. A provider says where it looks (``scopes``: ``"region"``, each
region's schema; ``"public"``, the portal's), what it finds (``export``, JSON-able
records) and how it erases (``erase``, lines saying what changed). Search index
entries, contact requests and materials add their providers the same way.

Erasure runs each provider in its own transaction per schema; a dry run rolls the
transaction back, so providers never need a dry-run branch of their own.
"""

import hashlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils.module_loading import autodiscover_modules

from tenants.context import in_public, in_region
from tenants.selectors import region_list

logger = logging.getLogger("insist.personal_data")

_PROVIDERS: dict[str, "PersonalDataProvider"] = {}


class PersonalDataProvider:
    """One kind of personal data. Subclass, set ``name`` and ``scopes``, and
    implement ``export`` and ``erase``; both run in the schema being searched."""

    name: str = ""
    scopes: tuple[str, ...] = ("region",)

    def export(self, *, email: str, region) -> list[dict]:
        """Records about ``email``; ``region`` is None in the portal's schema."""
        raise NotImplementedError

    def erase(self, *, email: str, region) -> list[str]:
        """Erase them; one line per change."""
        raise NotImplementedError


def personal_data_provider(cls: type[PersonalDataProvider]):
    """Class decorator: register ``cls`` (once per name)."""
    if not cls.name:
        raise ValueError(f"{cls.__name__} needs a name.")
    _PROVIDERS[cls.name] = cls()
    return cls


def personal_data_providers() -> list[PersonalDataProvider]:
    """Every registered provider; imports each app's ``personal_data`` module."""
    autodiscover_modules("personal_data")
    return [_PROVIDERS[name] for name in sorted(_PROVIDERS)]


def _schemas() -> Iterator[tuple[str, str, object, object]]:
    """``(scope, slug, region or None, context manager factory)`` for the portal
    and each region."""
    yield "public", "public", None, in_public
    for region in region_list():
        yield "region", region.slug, region, lambda region=region: in_region(region)


def email_fingerprint(email: str) -> str:
    """What the log names instead of the address: the log must not keep it."""
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:12]


def personal_data_export(*, email: str) -> dict:
    """``{"email", "schemas": {slug: {provider: [records]}}}``, non-empty only."""
    email = email.strip()
    found: dict[str, dict[str, list[dict]]] = {}
    providers = personal_data_providers()
    for scope, slug, region, context in _schemas():
        with context():
            for provider in providers:
                if scope not in provider.scopes:
                    continue
                records = provider.export(email=email, region=region)
                if records:
                    found.setdefault(slug, {})[provider.name] = records
    return {"email": email, "schemas": found}


@dataclass
class ErasureReport:
    email: str
    dry_run: bool
    changes: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return sum(len(lines) for by in self.changes.values() for lines in by.values())


def personal_data_erase(*, email: str, dry_run: bool = False) -> ErasureReport:
    """Erase what every provider holds about ``email``; say and log what changed.

    Each schema's providers run in one transaction; a dry run rolls it back.
    """
    email = email.strip()
    report = ErasureReport(email=email, dry_run=dry_run)
    providers = personal_data_providers()
    for scope, slug, region, context in _schemas():
        with context(), transaction.atomic():
            for provider in providers:
                if scope not in provider.scopes:
                    continue
                lines = provider.erase(email=email, region=region)
                if lines:
                    report.changes.setdefault(slug, {})[provider.name] = lines
            if dry_run:
                transaction.set_rollback(True)
    if not dry_run:
        for slug, by_provider in report.changes.items():
            for name, lines in by_provider.items():
                logger.warning(
                    "personal data erased: person=%s schema=%s provider=%s changes=%d",
                    email_fingerprint(email),
                    slug,
                    name,
                    len(lines),
                )
    return report


@personal_data_provider
class UserAccounts(PersonalDataProvider):
    """Accounts (editors, moderators, admins) in each region and the portal."""

    name = "users"
    scopes = ("public", "region")

    def _users(self, email):
        return get_user_model().objects.filter(email__iexact=email)

    def export(self, *, email, region):
        return [
            {
                "username": user.get_username(),
                "first_name": user.first_name,
                "last_name": user.last_name,
                "email": user.email,
                "date_joined": user.date_joined.isoformat(),
                "last_login": user.last_login.isoformat() if user.last_login else None,
                "groups": sorted(user.groups.values_list("name", flat=True)),
            }
            for user in self._users(email).order_by("pk")
        ]

    def erase(self, *, email, region):
        lines = []
        for user in self._users(email).order_by("pk"):
            lines.append(f"deleted the account '{user.get_username()}'")
            if region is None:
                self._delete_portal_user(user)
            else:
                user.delete()
        return lines

    @staticmethod
    def _delete_portal_user(user):
        # Django's delete() collects every model that points to users, Wagtail's
        # region-only tables included, which the public schema does not have:
        # delete the portal's own rows, then the user.
        from django.contrib.admin.models import LogEntry

        user.groups.clear()
        user.user_permissions.clear()
        LogEntry.objects.filter(user_id=user.pk).delete()
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {connection.ops.quote_name(user._meta.db_table)} "
                "WHERE id = %s",
                [user.pk],
            )
