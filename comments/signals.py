from articles.models import Article

from .services import comment_count_refresh


def comment_deleted(sender, instance, origin=None, **kwargs):
    """Deletes that bypass the services (the admin, a cascade) still leave the article's count exact."""
    if isinstance(origin, Article):
        return  # the article goes too
    comment_count_refresh(article_id=instance.article_id)
