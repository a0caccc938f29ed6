from django.apps import AppConfig
from django.core.signals import setting_changed
from django.db.models.signals import m2m_changed, post_delete, post_save


class NewsroomConfig(AppConfig):
    name = "newsroom"

    def ready(self):
        """When anything readers see changes, the cached pages go (newsroom/pagecache.py); wired here, because
        only the site-wide package may know both articles and comments. CSRF secrets come from newsroom/csrf.py."""
        from taggit.models import Tag

        from articles.models import Article, ArticleAuthor, Author, Correction, Image, Rendition, Section, TaggedArticle
        from articles.signals import articles_changed_in_bulk
        from comments.models import QUEUES, Comment

        from . import csrf
        from .pagecache import page_cache_invalidate, page_cache_settings_changed

        csrf.install()

        def comment_saved(sender, instance, created, **kwargs):
            # A new comment shows through its article's count update (comments.services), which invalidates already.
            if not created:
                page_cache_invalidate(comments_only=True)

        def m2m_saved(sender, action, **kwargs):
            if action.startswith("post_"):
                page_cache_invalidate()

        for model in (Article, ArticleAuthor, Author, Correction, Image, Rendition, Section, TaggedArticle, Tag):
            post_save.connect(page_cache_invalidate, sender=model, weak=False, dispatch_uid=f"pagecache.{model}")
            post_delete.connect(page_cache_invalidate, sender=model, weak=False, dispatch_uid=f"pagecache.{model}")
        # The moderation queues' admin saves through the proxy models. A deleted comment needs nothing here: the
        # comments app recounts, which invalidates, and an article's cascade invalidates once for the article.
        for model in (Comment, *QUEUES):
            post_save.connect(comment_saved, sender=model, weak=False, dispatch_uid=f"pagecache.{model}")
        for through in (ArticleAuthor, TaggedArticle, Article.translations.through):
            m2m_changed.connect(m2m_saved, sender=through, weak=False, dispatch_uid=f"pagecache.{through}")
        articles_changed_in_bulk.connect(page_cache_invalidate, weak=False, dispatch_uid="pagecache.bulk")
        setting_changed.connect(page_cache_settings_changed, weak=False, dispatch_uid="pagecache.settings")
