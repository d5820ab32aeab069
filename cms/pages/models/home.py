from django.db import models
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from cms.pages import selectors


class HomePage(Page):
    """The region's start page: its introduction, featured club stories, the next
    events, a search box and links to the club directory and training materials."""

    intro = RichTextField(
        _("Introduction"), blank=True, features=["bold", "italic", "link"]
    )
    materials_url = models.URLField(
        _("Link to the training materials"),
        blank=True,
        help_text=_("The materials collection shared by all regions."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("materials_url"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.ClubIndexPage",
        "pages.StoryIndexPage",
        "pages.EventIndexPage",
        "pages.StandardPage",
        "pages.MaterialLibraryPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Start page")

    def materials_link(self) -> str:
        """The region's own library page if it has one, else the link given."""
        from cms.pages.models.materials import MaterialLibraryPage

        library = MaterialLibraryPage.objects.live().child_of(self).first()
        return library.url if library is not None else self.materials_url

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.home_sections(home=self))
        return context

    def structured_data(self, request=None, context=None) -> dict:
        """schema.org JSON-LD of the start page: the regional INSIST team."""
        from cms.pages.seo import absolute, region_organisation

        data = {"@context": "https://schema.org", **region_organisation(request)}
        data["url"] = absolute(request, self.get_url(request))
        data["logo"] = absolute(request, static("insist/favicon.svg"))
        return data
