"""
`{% sitewide "name" %}…{% endsitewide %}`: a piece that many pages show alike (the "Latest news" sidebar),
rendered once and shared by every page and app server until readers could see a change (newsroom/pagecache.py).
What is inside must not depend on the page it is on.
"""

from django import template

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
        return pagecache.sitewide(self.name, lambda: self.nodelist.render(context))
