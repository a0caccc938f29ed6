from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("archive/", views.ArchiveIndexView.as_view(), name="archive"),
    path("<int:year>/", views.YearArchiveView.as_view(), name="archive_year"),
    path("<int:year>/<str:month>/", views.MonthArchiveView.as_view(), name="archive_month"),
    path("<int:year>/<str:month>/<str:day>/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("section/<slug:slug>/", views.SectionView.as_view(), name="section"),
    path("tag/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("author/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("preview/<int:pk>/", views.preview, name="preview"),
    path("preview/shared/<str:token>/", views.shared_preview, name="shared_preview"),
]
