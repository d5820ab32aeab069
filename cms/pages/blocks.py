"""StreamField blocks the regional editors compose pages from."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class QuoteBlock(blocks.StructBlock):
    """A quotation with the person or club it comes from."""

    text = blocks.TextBlock(label=_("Quotation"))
    source = blocks.CharBlock(label=_("Source"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        template = "pages/blocks/quote_block.html"


class BodyBlock(blocks.StreamBlock):
    """The body of portraits, stories, events and standard pages.

    Editors see headings, paragraphs, images with alt text and quotes.
    """

    heading = blocks.CharBlock(
        label=_("Subheading"),
        form_classname="title",
        template="pages/blocks/heading_block.html",
    )
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=["bold", "italic", "link", "ol", "ul"]
    )
    image = ImageBlock(label=_("Picture"))
    quote = QuoteBlock()

    class Meta:
        block_counts = {}
