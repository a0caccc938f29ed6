"""In a real browser: a reader comments, another replies in place, a moderator approves, the thread shows both."""

import pytest

from articles.tests.factories import PASSWORD, make_article, make_user
from comments.models import Comment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def approve_in_admin(page, comment):
    page.goto("/admin/comments/pendingcomment/")
    page.check(f"input[name=_selected_action][value='{comment.pk}']")
    page.select_option("select[name=action]", "approve")
    page.fill("input[name=reason]", "Civil and on topic")
    page.click("button[name=index]")
    page.wait_for_selector(".messagelist")


def test_a_reply_in_place_and_moderation_make_a_nested_thread(page, browser, live_server, screenshot_dir):
    article = make_article("Ministers agree on a common asylum procedure")
    make_user("mona", role="Moderator")

    page.goto(article.get_absolute_url())
    page.fill("#id_text", "Finally. The question is who will process the applications.")
    page.fill("#id_name", "Ines Moreau")
    page.fill("#id_email", "ines@example.eu")
    page.click("text=Post comment")
    first = Comment.objects.get()
    page.wait_for_url(f"**#comment-{first.pk}")
    assert "awaiting moderation" in page.locator(f"#comment-{first.pk}").inner_text()

    moderator = browser.new_context(base_url=live_server.url).new_page()
    moderator.goto("/admin/login/")
    moderator.fill("#id_username", "mona")
    moderator.fill("#id_password", PASSWORD)
    moderator.click("input[type=submit]")
    approve_in_admin(moderator, first)

    second_reader = browser.new_context(base_url=live_server.url, viewport={"width": 375, "height": 800}).new_page()
    second_reader.goto(article.get_absolute_url())
    second_reader.click(f"#comment-{first.pk} >> text=Reply")
    assert second_reader.locator(f"#comment-{first.pk} #respond").is_visible()  # the form moved, no page load
    assert second_reader.url.endswith(article.get_absolute_url())
    assert second_reader.locator("#respond-heading").inner_text() == "Reply to Ines Moreau"
    second_reader.fill("#id_text", "Frontline states, mostly. That is the whole argument.")
    second_reader.fill("#id_name", "Karel Novák")
    second_reader.fill("#id_email", "karel@example.cz")
    second_reader.click("text=Post comment")
    reply = Comment.objects.get(parent=first)
    second_reader.wait_for_url(f"**#comment-{reply.pk}")

    approve_in_admin(moderator, reply)

    page.goto(article.get_absolute_url())
    assert page.locator("#comments-heading").inner_text().startswith("2 responses")
    nested = page.locator(f"#comment-{first.pk} .comment-replies #comment-{reply.pk}")
    assert "Frontline states" in nested.inner_text()
    assert page.locator(".comment--pending").count() == 0
    page.locator("#comments").screenshot(path=screenshot_dir / "comments-thread.png")
    moderator.context.close()
    second_reader.context.close()
