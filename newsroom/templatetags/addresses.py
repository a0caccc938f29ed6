"""
`{% address %}`: Django's `{% url %}` (same arguments, `as var` too), with each address worked out once per
process (articles/addresses.py): `reverse()` costs ~40 µs a call and every page's masthead, footer and comment
form print a dozen. For the templates that every reader's page renders; the others keep `{% url %}`.
"""

from django import template
from django.template.defaulttags import URLNode, url
from django.urls import NoReverseMatch
from django.utils.html import conditional_escape

from articles.addresses import cached_reverse

register = template.Library()


@register.tag
def address(parser, token):
    node = url(parser, token)
    return AddressNode(node.view_name, node.args, node.kwargs, node.asvar)


class AddressNode(URLNode):
    def render(self, context):
        args = [arg.resolve(context) for arg in self.args]
        kwargs = {name: value.resolve(context) for name, value in self.kwargs.items()}
        view_name = self.view_name.resolve(context)
        request = getattr(context, "request", None)  # as {% url %} finds the current application
        try:
            current_app = request.current_app
        except AttributeError:
            try:
                current_app = request.resolver_match.namespace
            except AttributeError:
                current_app = None
        try:
            found = cached_reverse(view_name, args, kwargs, current_app)
        except TypeError:  # an argument that cannot be a key
            return super().render(context)
        except NoReverseMatch:
            if self.asvar is None:
                raise
            found = ""
        if self.asvar:
            context[self.asvar] = found
            return ""
        return conditional_escape(found) if context.autoescape else found
