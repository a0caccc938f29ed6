"""Path converters for readable article, archive and tag addresses."""

from django.urls import converters, register_converter


class YearConverter(converters.IntConverter):
    regex = "[0-9]{4}"


class TwoDigitConverter:
    """Months and days as they appear in article addresses: always two digits, handed to views as text."""

    regex = "[0-9]{2}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return f"{int(value):02d}"


class TagSlugConverter(converters.SlugConverter):
    """Tag slugs keep their letters ("énergie"), as django-taggit makes them; <slug:> is ASCII only."""

    regex = r"[-\w]+"


register_converter(YearConverter, "yyyy")
register_converter(TwoDigitConverter, "dd")
register_converter(TagSlugConverter, "tag")
