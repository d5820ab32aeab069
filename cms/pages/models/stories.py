from django.db import models
from django.utils import timezone
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
        verbose_name = "Vereinsgeschichten"

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
        "Art der Geschichte", max_length=16, choices=Kind.choices, default=Kind.SUCCESS
    )
    date = models.DateField("Datum", default=timezone.localdate)
    teaser = models.TextField("Anreißer", max_length=400)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Bild",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name="Text")
    clubs = ParentalManyToManyField(
        "pages.ClubPortraitPage",
        blank=True,
        related_name="stories",
        verbose_name="Vereine",
        help_text="Die Vereine der Geschichte; sie erscheint auf deren Porträts.",
    )
    featured = models.BooleanField("Auf der Startseite zeigen", default=False)

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
        verbose_name = "Vereinsgeschichte"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["clubs"] = selectors.clubs_of_story(story=self)
        return context
