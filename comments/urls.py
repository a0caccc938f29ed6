from django.urls import path

from . import feeds, views

app_name = "comments"

urlpatterns = [
    path("post/<int:article_pk>/", views.post_comment, name="post"),
    path("<int:pk>/", views.permalink, name="permalink"),
    path("<int:pk>/reply/", views.reply, name="reply"),
    path("<int:pk>/report/", views.report, name="report"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("feed/<int:article_pk>/", feeds.ArticleCommentsFeed(), name="feed"),
]
