"""`{% address %}` prints what `{% url %}` prints, worked out once."""

import pytest
from django.template import Context, Template
from django.urls import NoReverseMatch

from articles.addresses import _reverse

CASES = [
    "{% url 'home' %}",
    "{% url 'switch_language' 'fr' %}",
    "{% url 'comments:post' pk %}",
    "{% url 'articles:detail' year=2026 month='11' day='30' slug='council-agrees' %}",
    "{% url 'articles:tag' slug %}",
    "{% url 'home' as home %}[{{ home }}]",
    "{% url 'no-such-page' as missing %}[{{ missing }}]",
]


def render(source, **context):
    return Template("{% load addresses %}" + source).render(Context(context))


@pytest.mark.parametrize("source", CASES)
def test_an_address_is_the_url_django_would_print(source):
    values = {"pk": 7, "slug": "energy-union"}
    expected = render(source, **values)
    assert render(source.replace("{% url ", "{% address "), **values) == expected
    assert render(source.replace("{% url ", "{% address "), **values) == expected  # and again, remembered


def test_an_address_is_worked_out_once():
    _reverse.cache_clear()
    for _ in range(3):
        render("{% address 'comments:post' 7 %}")
    assert _reverse.cache_info().misses == 1 and _reverse.cache_info().hits == 2


def test_an_unknown_page_is_an_error_as_with_url():
    with pytest.raises(NoReverseMatch):
        render("{% address 'no-such-page' %}")


class Unhashable:
    __hash__ = None

    def __str__(self):
        return "7"


def test_an_argument_that_cannot_be_remembered_is_still_printed():
    pk = Unhashable()
    assert render("{% address 'comments:post' pk %}", pk=pk) == render("{% url 'comments:post' pk %}", pk=pk)
    assert render("{% address 'comments:post' pk %}", pk=pk) == "/comments/post/7/"
