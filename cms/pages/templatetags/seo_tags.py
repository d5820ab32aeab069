"""What a page tells search engines and link previews in its <head>."""

from django import template
from django.utils import translation

from cms.pages.seo import absolute, image_url, page_description
from cms.pages.templatetags.language_tags import content_language

register = template.Library()

OG_IMAGE = "fill-1200x630"
# Open Graph wants territory locales; the platform languages map one to one.
OG_LOCALES = {
    "de": "de_DE",
    "en": "en_GB",
    "tr": "tr_TR",
    "ar": "ar_AR",
    "ru": "ru_RU",
    "uk": "uk_UA",
}


def _image(page):
    for field in ("picture", "image", "logo"):
        image = getattr(page, field, None)
        if image is not None:
            return image
    return None


@register.simple_tag(takes_context=True)
def page_meta(context, page) -> dict:
    """Description, Open Graph values and the JSON-LD data of ``page``."""
    request = context.get("request")
    language = content_language(page) or translation.get_language()
    image = _image(page)
    structured = getattr(page, "structured_data", None)
    data = None
    if callable(structured):
        data = structured(request, context=context.flatten())
    og_type = "article" if page._meta.model_name == "storypage" else "website"
    return {
        "description": page_description(page),
        "url": absolute(request, page.get_url(request)),
        "image": image_url(request, image, OG_IMAGE) if image is not None else "",
        "image_alt": getattr(image, "default_alt_text", "") if image else "",
        "type": og_type,
        "locale": OG_LOCALES.get(language, language),
        "json_ld": data,
    }
