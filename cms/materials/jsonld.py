"""schema.org ``LearningResource`` JSON-LD for public materials.

Open-educational-resource services (e.g. OERSI) harvest it from the detail page.
It is a data block (``<script type="application/ld+json">``), never executed, so
it stays allowed under a strict Content-Security-Policy without a nonce.
"""

import json

from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from cms.materials.models import Material

# Our formats in the terms of the LRMI learningResourceType vocabulary (English
# labels, as OERSI and schema.org examples use them).
RESOURCE_TYPES = {
    Material.Format.HANDOUT: "Handout",
    Material.Format.SLIDES: "Slide",
    Material.Format.METHOD_CARD: "Method card",
    Material.Format.CHECKLIST: "Checklist",
    Material.Format.GUIDE: "Guide",
    Material.Format.VIDEO: "Video",
    Material.Format.WORKSHEET: "Worksheet",
}
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def material_jsonld(
    *, material: Material, url: str, downloads: list[tuple[str, str]]
) -> dict:
    """The LearningResource of ``material`` (German texts: the original)."""
    with translation.override("de"):
        data = {
            "@context": "https://schema.org",
            "@type": "LearningResource",
            "@id": url,
            "url": url,
            "name": material.title,
            "description": material.summary,
            "inLanguage": [lang.slug for lang in material.languages.all()] or ["de"],
            "learningResourceType": RESOURCE_TYPES.get(material.format, "Material"),
            "about": [
                {"@type": "Thing", "name": topic.name, "identifier": topic.slug}
                for topic in material.topics.all()
            ],
            "isAccessibleForFree": True,
            "dateModified": material.updated_at.isoformat(),
            "publisher": {"@type": "Organization", "name": "INSIST"},
        }
    if material.licence_url:
        data["license"] = material.licence_url
    creators = []
    if material.author:
        creators.append({"@type": "Person", "name": material.author})
    if material.organisation:
        creators.append({"@type": "Organization", "name": material.organisation})
    data["creator"] = creators or [{"@type": "Organization", "name": "INSIST"}]
    if material.audience_de:
        data["audience"] = {"@type": "Audience", "audienceType": material.audience_de}
    if material.duration_minutes:
        data["timeRequired"] = f"PT{material.duration_minutes}M"
    if downloads:
        data["encoding"] = [
            {"@type": "MediaObject", "contentUrl": link, "encodingFormat": mime}
            for link, mime in downloads
        ]
    if material.link:
        data["sameAs"] = material.link
    return data


def jsonld_script(data: dict) -> SafeString:
    """A ``<script type="application/ld+json">`` block; ``<``, ``>``, ``&`` escaped
    so no text can close the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
