"""``{% pagefragment "name" vary... %}…{% endpagefragment %}``: a template
fragment cached under the page cache's generations.

Like Django's ``{% cache %}``, but the key also holds the region's and the shared
generations (cms/pages/cache.py), the language, the host and the scheme, so a
publish in the region or a taxonomy change renders the fragment anew, and there is
no time-out to choose per fragment. Off when ``INSIST_FRAGMENT_CACHE`` is false
(the test suite: rolled-back content would outlive its test).
"""

import hashlib

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from cms.pages.cache import fragment_generation

register = template.Library()


class PageFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist = nodelist
        self.name = name
        self.vary = vary

    def render(self, context):
        request = context.get("request")
        if request is None or not getattr(settings, "INSIST_FRAGMENT_CACHE", True):
            return self.nodelist.render(context)
        try:
            generation = fragment_generation(request)
        except Exception:
            # The cache unreachable: render, as without a cache.
            return self.nodelist.render(context)
        parts = [
            self.name,
            generation,
            translation.get_language() or "",
            request.scheme,
            request.get_host(),
            *(str(value.resolve(context)) for value in self.vary),
        ]
        key = (
            "pagecache:fragment:" + hashlib.sha256("|".join(parts).encode()).hexdigest()
        )
        try:
            html = cache.get(key)
        except Exception:
            return self.nodelist.render(context)
        if html is None:
            html = self.nodelist.render(context)
            try:
                cache.set(
                    key, html, getattr(settings, "INSIST_PAGE_CACHE_SECONDS", 300)
                )
            except Exception:
                pass  # served rendered; the next request tries again
        return html


@register.tag
def pagefragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            '{% pagefragment %} needs a name: {% pagefragment "menu" page.pk %}'
        )
    nodelist = parser.parse(("endpagefragment",))
    parser.delete_first_token()
    name = bits[1].strip("\"'")
    return PageFragmentNode(
        nodelist, name, [parser.compile_filter(b) for b in bits[2:]]
    )
