import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from articles.tests.factories import make_article, make_user
from comments.models import Comment, CommentReport
from comments.tests.factories import make_comment

pytestmark = pytest.mark.django_db


def test_commenter_ips_are_erased_after_the_retention_period(settings, capsys):
    settings.NEWSROOM_COMMENTS_IP_RETENTION_DAYS = 90
    article = make_article()
    with time_machine.travel(timezone.now() - timezone.timedelta(days=91)):
        old = make_comment(article, ip_address="192.0.2.10", user_agent="Firefox/140")
        CommentReport.objects.create(comment=old, reader="r", ip_address="192.0.2.11")
    recent = make_comment(article, ip_address="192.0.2.20", user_agent="Safari/26")

    call_command("erase_commenter_ips")
    assert "1 comment(s) older than 90 days" in capsys.readouterr().out
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.ip_address, old.user_agent, old.text) == (None, "", old.text)
    assert (recent.ip_address, recent.user_agent) == ("192.0.2.20", "Safari/26")
    assert CommentReport.objects.get().ip_address is None

    call_command("erase_commenter_ips", days=0)
    recent.refresh_from_db()
    assert recent.ip_address is None


def test_seed_comments_adds_threaded_discussions_with_exact_counts():
    make_user("desk", role="Editor")
    articles = [make_article() for _ in range(2)]
    make_article(published=False)
    call_command("seed_comments", per_article=14)
    assert Comment.objects.count() == 28
    for article in articles:
        article.refresh_from_db()
        assert article.comment_count == Comment.objects.visible().filter(article=article).count() > 0
    assert Comment.objects.filter(depth__gt=1).exists()
    assert Comment.objects.filter(status=Comment.Status.PENDING).exists()
    assert Comment.objects.exclude(badge="").exists()
    call_command("seed_comments", per_article=14)  # articles with a discussion are left alone
    assert Comment.objects.count() == 28
