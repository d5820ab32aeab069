import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from rich.console import Console

from tenants.context import in_region
from tenants.models import Region
from tenants.selectors import portal_get, region_list, region_primary_domain
from tenants.services import (
    DEFAULT_REGIONS,
    portal_ensure,
    region_provision,
    schemas_migrate,
    template_ensure,
)


class Command(BaseCommand):
    help = (
        "Bring the platform up to date: migrate the public schema and every region, "
        "and make sure the portal and the three programme regions exist. With "
        "--demo, also create one admin account per region (its password is printed "
        "once, when the account is created). Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true")
        parser.add_argument("--port", default="8000", help="port shown in the links")

    def handle(self, *args, demo, port, **options):
        console = Console(soft_wrap=True)
        with console.status("Migrating the public schema and the regions…"):
            schemas_migrate()
        with console.status("Migrating the region template…"):
            template_ensure()
        for line in portal_ensure().lines:
            console.print(f"  {line}")
        for spec in DEFAULT_REGIONS:
            with console.status(f"Setting up {spec.name}…"):
                report = region_provision(
                    slug=spec.slug, name=spec.name, ensure_template=False
                )
            console.print(
                f"[bold]{spec.name}[/]: "
                + ("set up" if report.changed else "already complete")
            )
        if demo:
            self._demo_accounts(console, port)

    def _demo_accounts(self, console, port):
        console.print("\nAdmin accounts (a password is shown only when it is made):")
        portal = f"http://{settings.PLATFORM_DOMAIN}:{port}/admin/"
        self._account(console, portal_get(), "Portal", portal)
        slugs = [spec.slug for spec in DEFAULT_REGIONS]
        for region in region_list(slugs=slugs):
            url = f"http://{region_primary_domain(region=region)}:{port}/admin/"
            self._account(console, region, region.name, url)

    def _account(self, console, region: Region, label, url):
        """The region's (or, for the portal, the public schema's) admin account."""
        User = get_user_model()
        with in_region(region):
            if User.objects.filter(username="admin").exists():
                console.print(f"  {label}: {url}  user 'admin' (exists, unchanged)")
                return
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser("admin", "admin@example.org", password)
        console.print(f"  {label}: {url}  user 'admin' password [bold]{password}[/]")
