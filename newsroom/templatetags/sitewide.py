"""
Pieces of pages kept in the shared cache (newsroom/pagecache.py), rendered once and reused by every page and app
server until readers could see a change. What is inside must not depend on anything but what the key names:
no CSRF token, no reader's own values.

`{% sitewide "name" %}…{% endsitewide %}`: a piece that many pages show alike and that shows no comment (the
"Latest news" sidebar), kept under the content generation, which every change but a comment's moves.

`{% fragment "name" part… prepare=callable %}…{% endfragment %}`: what a page shows of one story (a list's
teaser, an article's text), kept under the content generation, which a comment does not move, and the parts:
everything else the HTML depends on (the story's id, its comment count if shown, the variant). A model instance
as a part stands for its model and id, and so does a list's story (articles.stories). `prepare`, if given, is
called before the first fragment of a page that has to be rendered: the queries only a rendering needs (a view
passes `articles.views.run_once(function)`).

`{% teaser article level=4 with_image=True with_excerpt=True show_section=True prepare=callable %}`: a story in a
list (includes/teaser.html) as such a fragment, its comment count in the key. A tag rather than an include
around `{% fragment %}`: a home page shows 32 of them, and a kept one then costs a look-up, not an include.
"""

from django import template
from django.db.models import Model

from articles.stories import Story
from newsroom import pagecache

register = template.Library()


@register.tag
def sitewide(parser, token):
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError('{% sitewide %} takes one quoted name: {% sitewide "latest-news" %}')
    nodelist = parser.parse(("endsitewide",))
    parser.delete_first_token()
    return SitewideNode(bits[1][1:-1], nodelist)


class SitewideNode(template.Node):
    def __init__(self, name, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):
        return pagecache.sitewide(context.get("request"), self.name, lambda: self.nodelist.render(context))


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 3 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(
            '{% fragment %} takes a quoted name and what the piece depends on: {% fragment "teaser" article.pk %}'
        )
    prepare = None
    if bits[-1].startswith("prepare="):
        prepare = parser.compile_filter(bits.pop().removeprefix("prepare="))
    parts = [parser.compile_filter(bit) for bit in bits[2:]]
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(bits[1][1:-1], parts, prepare, nodelist)


class FragmentNode(template.Node):
    def __init__(self, name, parts, prepare, nodelist):
        self.name, self.parts, self.prepare, self.nodelist = name, parts, prepare, nodelist

    def render(self, context):
        parts = [_key_part(part.resolve(context)) for part in self.parts]
        return pagecache.fragment(context.get("request"), self.name, parts, lambda: self._render(context))

    def _render(self, context):
        if self.prepare is not None and callable(prepare := self.prepare.resolve(context)):
            prepare()
        return self.nodelist.render(context)


@register.simple_tag(takes_context=True)
def teaser(context, article, level=2, with_image=False, with_excerpt=False, show_section=False, prepare=None):
    """`show_section`: the section's name above the headline, unless the list is that section's own page."""
    kicker = bool(show_section) and article.section != context.get("subject")
    parts = [article.pk, article.comment_count, level, bool(with_image), bool(with_excerpt), kicker]

    def render():
        if callable(prepare):
            prepare()
        values = {"article": article, "level": level, "with_image": with_image, "with_excerpt": with_excerpt}
        template = context.template.engine.get_template("includes/teaser.html")
        return template.render(context.new(values | {"kicker": kicker}))

    return pagecache.fragment(context.get("request"), "teaser", parts, render)


def _key_part(value):
    if isinstance(value, Model | Story):  # a story stands for its article
        return f"{value._meta.label}.{value.pk}"
    return repr(value)
