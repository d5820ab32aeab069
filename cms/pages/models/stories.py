from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.pages import selectors
from cms.pages.blocks import BodyBlock
from cms.pages.models.base import SectionIndexPage


class StoryIndexPage(SectionIndexPage):
    """The list of club stories, newest first."""

    subpage_types = ["pages.StoryPage"]

    class Meta:
        verbose_name = _("Club stories")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = selectors.stories_for_index(index=self)
        return context


class StoryPage(Page):
    """A club story: a portrait, a success story or the story of a cooperation
    between clubs with and without migration background. It appears on the
    portraits of the clubs it is about."""

    class Kind(models.TextChoices):
        PORTRAIT = "portrait", _("Portrait")
        SUCCESS = "success", _("Success story")
        COOPERATION = "cooperation", _("Cooperation story")

    kind = models.CharField(
        _("Kind of story"), max_length=16, choices=Kind.choices, default=Kind.SUCCESS
    )
    date = models.DateField(_("Date"), default=timezone.localdate)
    teaser = models.TextField(_("Teaser"), max_length=400)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Text"))
    clubs = ParentalManyToManyField(
        "pages.ClubPortraitPage",
        blank=True,
        related_name="stories",
        verbose_name=_("Clubs"),
        help_text=_("The clubs of the story; it appears on their portraits."),
    )
    featured = models.BooleanField(_("Show on the start page"), default=False)

    search_fields = [*Page.search_fields, index.SearchField("teaser")]
    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("date"),
        FieldPanel("teaser"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("clubs"),
        FieldPanel("featured"),
    ]
    parent_page_types = ["pages.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Club story")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["clubs"] = selectors.clubs_of_story(story=self)
        return context

    def structured_data(self, request=None, context=None) -> dict:
        """schema.org JSON-LD of the story: an article by the regional team."""
        from cms.pages.seo import absolute, image_url, region_organisation
        from cms.pages.templatetags.language_tags import content_language

        publisher = region_organisation(request)
        publisher.pop("areaServed")
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title[:110],
            "description": self.teaser,
            "url": absolute(request, self.get_url(request)),
            "datePublished": self.date.isoformat(),
            "inLanguage": content_language(self) or translation.get_language(),
            "publisher": publisher,
            "author": publisher,
            "about": [
                {"@type": "NGO", "name": club.title}
                for club in (
                    context["clubs"]
                    if context is not None
                    else selectors.clubs_of_story(story=self)
                )
            ],
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if self.image_id:
            data["image"] = image_url(request, self.image, "width-960")
        return data
