"""Template fragments cached under the page cache's generations.

``{% pagefragment "name" vary... %}…{% endpagefragment %}`` is like Django's
``{% cache %}``, but the key also holds the region's and the shared generations
(cms/pages/cache.py), the language, the host and the scheme, so a publish in the
region or a taxonomy change renders the fragment anew, and there is no time-out
to choose per fragment.

``{% cards "portrait" pages level %}`` renders a list of cards, each a fragment of
its own: all of them are looked up at once, and only the cards not found are
rendered, after their images, renditions and terms were fetched for them alone
(``cms.pages.selectors.cards_prefetch``). A list whose cards are all stored costs
no query beyond the one that listed the pages.

Both are off when ``INSIST_FRAGMENT_CACHE`` is false (the test suite:
rolled-back content would outlive its test); the cards are then rendered as
they would be on a miss.
"""

from django import template
from django.template.base import token_kwargs

from cms.pages.cache import (
    fragment_key,
    fragments_enabled,
    fragments_get_many,
    fragments_set_many,
)
from cms.pages.selectors import cards_prefetch

register = template.Library()

# kind -> (template, the name the template knows its page by)
CARDS = {
    "portrait": ("pages/includes/portrait_card.html", "club"),
    "story": ("pages/includes/story_card.html", "story"),
    "event": ("pages/includes/event_card.html", "event"),
}


class PageFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist = nodelist
        self.name = name
        self.vary = vary

    def render(self, context):
        request = context.get("request")
        if not fragments_enabled(request):
            return self.nodelist.render(context)
        try:
            key = fragment_key(
                request, self.name, *(value.resolve(context) for value in self.vary)
            )
            html = fragments_get_many([key]).get(key)
        except Exception:
            # The cache unreachable: render, as without a cache.
            return self.nodelist.render(context)
        if html is None:
            html = self.nodelist.render(context)
            fragments_set_many({key: html})
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


class CardsNode(template.Node):
    def __init__(self, kind, pages, extra):
        self.kind = kind
        self.pages = pages
        self.extra = extra

    def render(self, context):
        pages = list(self.pages.resolve(context) or ())
        if not pages:
            return ""
        extra = {name: value.resolve(context) for name, value in self.extra.items()}
        request = context.get("request")
        keys: list[str | None] = [None] * len(pages)
        htmls: list[str | None] = [None] * len(pages)
        if fragments_enabled(request):
            try:
                vary = sorted(extra.items())
                keys = [
                    fragment_key(request, f"card:{self.kind}", page.pk, *vary)
                    for page in pages
                ]
                found = fragments_get_many(keys)
                htmls = [found.get(key) for key in keys]
            except Exception:
                keys = [None] * len(pages)  # the cache down: render every card
        missing = [i for i, html in enumerate(htmls) if html is None]
        if missing:
            cards_prefetch(kind=self.kind, pages=[pages[i] for i in missing])
            name, var = CARDS[self.kind]
            card = context.template.engine.get_template(name)
            stored = {}
            for i in missing:
                with context.push(**{var: pages[i]}, **extra):
                    htmls[i] = card.render(context)
                if keys[i] is not None:
                    stored[keys[i]] = htmls[i]
            fragments_set_many(stored)
        return "".join(htmls)


@register.tag
def cards(parser, token):
    """``{% cards "portrait" pages level=3 %}``: one card per page, each cached."""
    bits = token.split_contents()
    if len(bits) < 3 or bits[1].strip("\"'") not in CARDS:
        raise template.TemplateSyntaxError(
            f"{{% cards %}} needs a kind ({', '.join(CARDS)}) and the pages: "
            '{% cards "portrait" portraits level=3 %}'
        )
    extra = token_kwargs(bits[3:], parser)
    if len(extra) != len(bits[3:]):
        raise template.TemplateSyntaxError(
            "{% cards %} takes name=value after the pages"
        )
    return CardsNode(bits[1].strip("\"'"), parser.compile_filter(bits[2]), extra)
