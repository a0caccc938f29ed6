"""The newsroom's main journey in a real browser: a reporter writes, an editor publishes, readers see it."""

import pytest

from articles.models import Article
from articles.tests.factories import PASSWORD, make_section, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADLINE = "Parliament backs new rules on rail passengers' rights"


def log_in(page, username):
    page.context.clear_cookies()
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#user-tools")


def choose_autocomplete(page, field, label):
    """The admin's select2 autocomplete: open it, type, pick the suggestion."""
    page.locator(f"#id_{field} + .select2").click()
    page.locator(f'.select2-search__field[aria-controls="select2-id_{field}-results"]').fill(label[:3])
    page.locator(".select2-results__option", has_text=label).click()


def test_reporter_writes_and_submits_editor_publishes_readers_see_it(page, screenshot_dir):
    make_section("EU affairs")
    reporter = make_user("rita", role="Reporter")
    make_user("eddie", role="Editor")

    log_in(page, "rita")
    page.goto("/admin/articles/article/add/")
    page.fill("#id_headline", HEADLINE)
    page.fill("#id_standfirst", "MEPs voted 512 to 73 for compensation when trains run late.")
    choose_autocomplete(page, "section", "EU affairs")
    page.locator(".ProseMirror >> visible=true").click()
    page.keyboard.type("Strasbourg voted on Tuesday for stronger rights for rail passengers.")
    statuses = page.locator("#id_status option").evaluate_all("options => options.map(o => o.value)")
    assert "published" not in statuses  # a reporter is never offered publishing
    page.select_option("#id_status", "review")
    page.screenshot(path=screenshot_dir / "admin-reporter-article-form.png", full_page=True)
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist")

    article = Article.objects.get(headline=HEADLINE)
    assert (article.status, article.created_by) == (Article.Status.REVIEW, reporter)
    assert "Strasbourg voted on Tuesday" in article.body
    assert HEADLINE not in page.request.get("/").text()

    log_in(page, "eddie")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.select_option("#id_status", "published")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist")
    article.refresh_from_db()
    assert article.is_published

    page.context.clear_cookies()
    page.goto("/")
    page.get_by_role("link", name=HEADLINE).first.click()
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == HEADLINE
    assert "Strasbourg voted on Tuesday" in page.content()
    page.screenshot(path=screenshot_dir / "article-after-publishing.png", full_page=True)
