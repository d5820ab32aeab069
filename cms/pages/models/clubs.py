from functools import partial
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.pages import selectors
from cms.pages.blocks import BodyBlock
from cms.pages.models.base import SectionIndexPage
from cms.taxonomy.selectors import district_list
from tenants.context import current_region

DIRECTORY_PAGE_SIZE = 12


class ClubIndexPage(SectionIndexPage):
    """The club directory (Vereinsverzeichnis): every club portrait of the region,
    filterable by field of activity, target group, language, kind of organisation,
    migration reference and district."""

    subpage_types = ["pages.ClubPortraitPage"]

    class Meta:
        verbose_name = _("Club directory")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = selectors.directory_filters_from(request.GET)
        portraits = selectors.portraits_for_directory(
            index=self, filters=filters, region=getattr(request, "tenant", None)
        )
        paginator = Paginator(portraits, DIRECTORY_PAGE_SIZE)
        page_obj = paginator.get_page(request.GET.get("seite"))
        query = request.GET.copy()
        query.pop("seite", None)
        context.update(
            portraits=page_obj,
            paginator=paginator,
            filters=filters,
            # Called by the template only when the filter form is not in the
            # fragment cache: six vocabularies, read only to render it.
            filter_fields=partial(
                selectors.directory_filter_fields,
                filters=filters,
                region=request.tenant,
            ),
            filter_state=urlencode(sorted(filters.items())),
            filter_query=query.urlencode(),
        )
        return context


class RegionDistrictPanel(FieldPanel):
    """The district select, offering only the districts of the region whose admin
    is open (the admin request's region). ``ClubPortraitPage.clean`` refuses any
    other district, whoever writes the page."""

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            form = kwargs.get("form")
            field = form.fields.get(kwargs["panel"].field_name) if form else None
            if field is not None:
                field.queryset = district_list(region=kwargs["request"].tenant)
            super().__init__(**kwargs)


class ClubPortraitPage(Page):
    """A club portrait (Vereinsporträt): who the club is, what it does, what it
    offers to partners and looks for. The contact person's name and email are
    shown only when the club's consent is recorded with its date."""

    summary = models.TextField(_("Short description"), max_length=400)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    picture = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = StreamField(BodyBlock(), blank=True, verbose_name=_("Description"))
    founding_year = models.PositiveSmallIntegerField(
        _("Year founded"), null=True, blank=True
    )
    member_count = models.PositiveIntegerField(
        _("Members (approx.)"), null=True, blank=True
    )
    fields_of_activity = ParentalManyToManyField(
        "taxonomy.FieldOfActivity",
        blank=True,
        related_name="+",
        verbose_name=_("Fields of activity"),
    )
    target_groups = ParentalManyToManyField(
        "taxonomy.TargetGroup",
        blank=True,
        related_name="+",
        verbose_name=_("Target groups"),
    )
    languages = ParentalManyToManyField(
        "taxonomy.ClubLanguage",
        blank=True,
        related_name="+",
        verbose_name=_("Languages"),
    )
    organisation_kind = models.ForeignKey(
        "taxonomy.OrganisationKind",
        verbose_name=_("Kind of organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    migration_reference = models.ForeignKey(
        "taxonomy.MigrationReference",
        verbose_name=_("Migration reference"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    district = models.ForeignKey(
        "taxonomy.District",
        verbose_name=_("District"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    website = models.URLField(_("Website"), blank=True)
    offers = models.TextField(_("What we offer"), blank=True)
    seeks = models.TextField(_("What we are looking for"), blank=True)
    contact_name = models.CharField(_("Contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("Contact person's email"), blank=True)
    contact_consent = models.BooleanField(
        _("Consent to publish the contact details"), default=False
    )
    contact_consent_date = models.DateField(
        _("Consent given on"), null=True, blank=True
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("offers"),
        index.SearchField("seeks"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("logo"), FieldPanel("picture")]),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("fields_of_activity", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel(
                    [
                        FieldPanel("organisation_kind", widget=forms.Select),
                        FieldPanel("migration_reference", widget=forms.Select),
                        RegionDistrictPanel("district", widget=forms.Select),
                    ]
                ),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("founding_year"), FieldPanel("member_count")]
                ),
                FieldPanel("website"),
                InlinePanel("links", label=_("Social media links")),
            ],
            heading=_("Key facts"),
        ),
        MultiFieldPanel(
            [FieldPanel("offers"), FieldPanel("seeks")], heading=_("Cooperation")
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("contact_name"), FieldPanel("contact_email")]
                ),
                FieldRowPanel(
                    [FieldPanel("contact_consent"), FieldPanel("contact_consent_date")]
                ),
            ],
            heading=_("Contact person"),
            help_text=_("Name and email appear only with recorded consent."),
        ),
    ]
    parent_page_types = ["pages.ClubIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Club portrait")

    def clean(self):
        super().clean()
        # The admin offers only this region's districts; this also holds for pages
        # written by code (imports, the demo, the API later). A page has no region
        # column: the schema it lives in is its region.
        if (
            self.district_id is not None
            and not district_list(region=current_region())
            .filter(pk=self.district_id)
            .exists()
        ):
            raise ValidationError(
                {"district": _("This district belongs to another region.")}
            )

    @property
    def contact_public(self) -> bool:
        """Contact details may be shown: consent recorded, with its date."""
        return bool(
            self.contact_consent
            and self.contact_consent_date
            and (self.contact_name or self.contact_email)
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.portrait_details(portrait=self))
        return context

    def search_document(self) -> dict:
        """What the cross-region search indexes of this portrait.

        The search app asks for it on publish (cms never imports search): text
        by weight and the taxonomy ids its facets count.
        """
        description = self.description.stream_block.get_searchable_content(
            self.description
        )
        return {
            "title": self.title,
            "summary": self.summary,
            "body": [self.offers, self.seeks, *description],
            # apart as well: partner matching compares offers with seeks
            "offers": self.offers,
            "seeks": self.seeks,
            "terms": {
                "activity": [t.pk for t in self.fields_of_activity.all()],
                "target_group": [t.pk for t in self.target_groups.all()],
                "language": [t.pk for t in self.languages.all()],
                "district": [self.district_id] if self.district_id else [],
                "organisation_type": (
                    [self.organisation_kind_id] if self.organisation_kind_id else []
                ),
                "migration": (
                    [self.migration_reference_id] if self.migration_reference_id else []
                ),
            },
        }

    def structured_data(self, request=None, context=None) -> dict:
        """schema.org JSON-LD of the portrait: the club as an NGO. Reads the
        languages and links the page's context has already fetched."""
        from cms.pages.seo import absolute, image_url, region_organisation

        if context is None:
            context = selectors.portrait_details(portrait=self)
        area = [region_organisation(request)["areaServed"]]
        if self.district_id:
            area.insert(0, {"@type": "Place", "name": self.district.name})
        data = {
            "@context": "https://schema.org",
            "@type": "NGO",
            "name": self.title,
            "description": self.summary,
            "url": self.website or absolute(request, self.get_url(request)),
            "mainEntityOfPage": absolute(request, self.get_url(request)),
            "areaServed": area,
            "knowsLanguage": [term.slug for term in context["languages"]],
        }
        if self.website:
            data["sameAs"] = [self.website, *(link.url for link in context["links"])]
        if self.logo_id:
            data["logo"] = image_url(request, self.logo, "max-240x240")
        if self.founding_year:
            data["foundingDate"] = str(self.founding_year)
        return data


class ClubLink(Orderable):
    """A social media or other web link of a club, shown on its portrait."""

    page = ParentalKey(ClubPortraitPage, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("Label"), max_length=80)
    url = models.URLField(_("Address (URL)"))

    panels = [FieldPanel("label"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("Link")
