from django.urls import converters, path, register_converter

from . import views


class YearConverter(converters.IntConverter):
    regex = "[0-9]{4}"


class TwoDigitConverter:
    """Months and days as they appear in article addresses: always two digits, handed to views as text."""

    regex = "[0-9]{2}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return f"{int(value):02d}"


register_converter(YearConverter, "yyyy")
register_converter(TwoDigitConverter, "dd")

app_name = "articles"

urlpatterns = [
    path("archive/", views.ArchiveIndexView.as_view(), name="archive"),
    path("<yyyy:year>/", views.YearArchiveView.as_view(), name="archive_year"),
    path("<yyyy:year>/<dd:month>/", views.MonthArchiveView.as_view(), name="archive_month"),
    path("<yyyy:year>/<dd:month>/<dd:day>/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("section/<slug:slug>/", views.SectionView.as_view(), name="section"),
    path("tag/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("author/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("preview/<int:pk>/", views.preview, name="preview"),
    path("preview/shared/<str:token>/", views.shared_preview, name="shared_preview"),
]
