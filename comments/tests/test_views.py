"""The discussion as readers meet it: the page, the form, the reply page, reports and the feed."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.tests.factories import make_article
from comments import threads
from comments.forms import CommentForm
from comments.models import Comment, Policy
from comments.services import comment_count_refresh
from comments.tests.factories import make_comment
from comments.tests.html import discussion, heading_number, parse, shown_comments

pytestmark = pytest.mark.django_db

Status = Comment.Status


@pytest.fixture
def open_policy():
    return Policy.objects.create(pk=1, moderation="none")


def form_data(article, **fields):
    data = {
        "text": "The Council should publish the minutes.",
        "name": "Ines Moreau",
        "email": "ines@example.eu",
        "website": "",
        "timestamp": CommentForm(article=article).token,
    }
    return data | fields


def post(client, article, **fields):
    return client.post(reverse("comments:post", args=[article.pk]), form_data(article, **fields))


def textarea(response):
    return parse(response.content).by_id("id_text").text.removeprefix("\n")


def test_the_heading_counts_exactly_the_comments_on_the_page(client):
    article = make_article("Ministers agree on the budget")
    first = make_comment(article)
    make_comment(article, make_comment(article, first))
    removed = make_comment(article, status=Status.REMOVED)
    make_comment(article, removed)
    held = make_comment(article, status=Status.PENDING)
    make_comment(article, held)  # approved, but under a held comment
    make_comment(article, status=Status.SPAM)
    removed_alone = make_comment(article, status=Status.REMOVED)

    section = discussion(client.get(article.get_absolute_url()))
    assert heading_number(section) == len(shown_comments(section)) == 4
    assert " ".join(section.by_id("comments-heading").text.split()) == (
        "4 responses to “Ministers agree on the budget”"
    )
    assert section.by_id(f"comment-{removed.pk}").find("p", "comment__removed").text == "This comment was removed."
    assert section.by_id(f"comment-{held.pk}") is None
    assert section.by_id(f"comment-{removed_alone.pk}") is None  # no replies to keep: no placeholder


def test_one_response_is_singular_and_french_articles_speak_french(client):
    english, french = make_article("Budget"), make_article("Le budget", language="fr")
    make_comment(english)
    make_comment(french)
    make_comment(french)
    heading = " ".join(discussion(client.get(english.get_absolute_url())).by_id("comments-heading").text.split())
    assert heading == "1 response to “Budget”"
    section = discussion(client.get(french.get_absolute_url()))
    heading = section.by_id("comments-heading").text.strip()
    assert " ".join(heading.split()) == "2 réponses à « Le budget »"
    assert "«\u00a0Le budget\u00a0»" in heading  # no-break spaces: the quotes never end a line alone
    assert section.find("a", "comment__reply").text.startswith("Répondre")


def test_replies_are_nested_under_what_they_answer(client):
    article = make_article()
    first, second = make_comment(article, name="First"), make_comment(article, name="Second")
    reply = make_comment(article, first, name="Reply")
    section = discussion(client.get(article.get_absolute_url()))
    top_level = [li.attrs["id"] for li in section.find("ol", "comment-list").children if getattr(li, "tag", "") == "li"]
    assert top_level == [f"comment-{first.pk}", f"comment-{second.pk}"]
    nested = section.by_id(f"comment-{first.pk}").find("ol", "comment-replies")
    assert [li.attrs["id"] for li in nested.find_all("li")] == [f"comment-{reply.pk}"]


def test_posting_lands_on_the_new_comment(client, open_policy):
    article = make_article()
    response = post(client, article, website="https://ines.example.eu")
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{article.get_absolute_url()}#comment-{comment.pk}"
    section = discussion(client.get(article.get_absolute_url()))
    author = section.by_id(f"comment-{comment.pk}").find("b", "comment__author").find("a")
    assert (author.attrs["href"], author.attrs["rel"]) == ("https://ines.example.eu", "nofollow ugc noopener")
    article.refresh_from_db()
    assert article.comment_count == 1


def test_a_held_comment_is_shown_to_its_author_alone(client):
    article = make_article()
    post(client, article, text="My first comment here.")
    comment = Comment.objects.get()
    assert comment.status == Status.PENDING
    mine = discussion(client.get(article.get_absolute_url())).by_id(f"comment-{comment.pk}")
    assert "awaiting moderation" in mine.find("p", "comment__held").text
    assert "My first comment here." in mine.text
    assert "My first comment here." not in Client().get(article.get_absolute_url()).content.decode()


def test_the_form_keeps_everything_typed_and_shows_each_error_by_its_field(client):
    article = make_article()
    response = post(client, article, email="", website="javascript:alert(1)", text="Línea uno\n\nLine two 👍🏽")
    assert response.status_code == 200
    page = parse(response.content)
    assert textarea(response) == "Línea uno\n\nLine two 👍🏽"
    assert page.by_id("id_name").attrs["value"] == "Ines Moreau"
    assert page.by_id("id_website").attrs["value"] == "javascript:alert(1)"
    assert page.by_id("id_email").attrs["aria-invalid"] == "true"
    assert "This field is required." in page.by_id("id_email").parent.text
    assert "Enter a web address starting with https://." in page.by_id("id_website").parent.text
    assert not Comment.objects.exists()


FIELDS = {  # id: (label, required, autocomplete, maxlength)
    "id_text": ("Comment", True, None, "5000"),
    "id_name": ("Name", True, "name", "80"),
    "id_email": ("Email", True, "email", "254"),
    "id_website": ("Website", False, "url", "200"),
}


def test_each_field_is_labelled_and_its_help_and_errors_are_read_with_it(client):
    article = make_article()
    page = discussion(client.get(article.get_absolute_url()))
    labels = {label.attrs["for"]: label.text for label in page.find_all("label")}
    for field_id, (label, required, autocomplete, maxlength) in FIELDS.items():
        field = page.by_id(field_id)
        assert labels[field_id] == label
        assert ("required" in field.attrs, field.attrs.get("autocomplete"), field.attrs["maxlength"]) == (
            required,
            autocomplete,
            maxlength,
        )
        assert "aria-invalid" not in field.attrs
    assert page.by_id("id_email").attrs["aria-describedby"] == "id_email_helptext"
    assert page.by_id("id_email_helptext").text == "Never shown on the site."
    assert labels["id_notify"] == "Email me when someone replies to my comment"

    refused = parse(post(client, article, text="", email="not an address").content)
    for field_id, error in (("id_text", "This field is required."), ("id_email", "Enter a valid email address.")):
        field = refused.by_id(field_id)
        assert field.attrs["aria-invalid"] == "true"
        described = [refused.by_id(ref).text for ref in field.attrs["aria-describedby"].split()]
        assert error in described[-1]
    assert refused.by_id("id_email").attrs["aria-describedby"] == "id_email_helptext id_email_error"
    assert "aria-invalid" not in refused.by_id("id_name").attrs


HOSTILE = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click me</a>',
    '"><svg onload=alert(1)>',
    "&lt;b&gt; &amp; &#x3C;script&#x3E; &nbsp;",
    "{{ request }} {% csrf_token %}",
    "\u202egnp.exe — right-to-left override",
    "Thumbs up 👍🏽 and a family 👨‍👩‍👧",
    "مرحبا، هذا تعليق باللغة العربية",
    "你好，这是一条中文评论。",
    'http://example.com/"onmouseover="alert(1)',
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_input_stays_inert_and_comes_back_intact(client, open_policy, hostile):
    article = make_article()
    response = post(client, article, text=hostile, name=hostile[:80])
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert (comment.text, comment.name) == (hostile, " ".join(hostile[:80].split()))

    section = discussion(client.get(article.get_absolute_url()))
    shown = section.by_id(f"comment-{comment.pk}")
    assert shown.find("div", "comment__text").text == hostile
    assert shown.find("b", "comment__author").text == comment.name
    for element in shown.iter():
        assert element.tag not in {"script", "img", "svg"}
        assert not any(name.startswith("on") for name in element.attrs)
        assert not element.attrs.get("href", "").lower().startswith("javascript")


def test_a_javascript_website_is_refused(client, open_policy):
    response = post(client, make_article(), website="javascript:alert(document.cookie)")
    assert response.status_code == 200
    assert not Comment.objects.exists()


# Spam and abuse: each rule, and the reader's text kept each time.


def test_the_honeypot_refuses_and_shows_itself(client):
    response = post(client, make_article(), homepage="http://spam.example", text="Buy now")
    assert "This field is a trap for robots" in response.content.decode()
    assert "is-shown" in parse(response.content).find("div", "comment-form__trap").classes
    assert textarea(response) == "Buy now"
    assert not Comment.objects.exists()


def test_a_form_sent_too_fast_is_refused_until_a_human_pace(client, settings, open_policy):
    settings.NEWSROOM_COMMENTS_MIN_SECONDS = 3
    article = make_article()
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        data = form_data(article, text="Quick thought")
        response = client.post(reverse("comments:post", args=[article.pk]), data)
        assert "That was quick!" in response.content.decode()
        assert textarea(response) == "Quick thought"
        traveller.shift(4)
        assert client.post(reverse("comments:post", args=[article.pk]), data).status_code == 302
    assert Comment.objects.count() == 1


def test_a_forged_or_stale_form_token_is_refused(client, settings, open_policy):
    article = make_article()
    assert "could not check this form" in post(client, article, timestamp="forged").content.decode()
    other_articles_token = CommentForm(article=make_article()).token
    assert "open for a long time" in post(client, article, timestamp=other_articles_token).content.decode()
    with time_machine.travel(timezone.now() - timezone.timedelta(days=3)):
        old = CommentForm(article=article).token
    response = post(client, article, timestamp=old, text="Written over a weekend")
    assert "open for a long time" in response.content.decode()
    assert textarea(response) == "Written over a weekend"
    assert not Comment.objects.exists()


def test_the_rate_limit_per_email_refuses_and_keeps_the_text(client, settings, open_policy):
    settings.NEWSROOM_COMMENTS_RATE_LIMIT_EMAIL = (2, 600)
    article = make_article()
    for n in range(2):
        assert post(client, article, text=f"Point {n}").status_code == 302
    response = post(client, article, text="Point 3", REMOTE_ADDR="203.0.113.50")
    assert "Please wait a few minutes" in response.content.decode()
    assert textarea(response) == "Point 3"
    assert Comment.objects.count() == 2


def test_the_rate_limit_per_address_counts_across_names(client, settings, open_policy):
    settings.NEWSROOM_COMMENTS_RATE_LIMIT_IP = (2, 600)
    article = make_article()
    for n in range(2):
        post(client, article, text=f"Point {n}", email=f"sock{n}@example.org", name=f"Sock {n}")
    response = post(client, article, text="Point 3", email="sock3@example.org")
    assert "Please wait a few minutes" in response.content.decode()
    assert Comment.objects.count() == 2


def test_a_duplicate_comment_is_refused(client, open_policy):
    article = make_article()
    post(client, article)
    response = post(client, article)
    assert "You have already posted this comment here." in response.content.decode()
    assert textarea(response) == "The Council should publish the minutes."
    assert Comment.objects.count() == 1


def test_too_many_links_hold_the_comment(client, open_policy):
    article = make_article()
    text = "See https://a.example, https://b.example and www.c.example"
    post(client, article, text=text)
    comment = Comment.objects.get()
    assert (comment.status, comment.hold_reason, comment.text) == (Status.PENDING, "3 links", text)
    assert "awaiting moderation" in client.get(article.get_absolute_url()).content.decode()


def test_banned_words_refuse_with_a_clear_message_and_suspect_words_hold(client, open_policy):
    open_policy.banned_words = "scumbag\nvermin"
    open_policy.suspect_words = "traitor"
    open_policy.save()
    article = make_article()
    response = post(client, article, text="The minister is a Scumbag.")
    assert "We do not publish comments containing “scumbag”" in response.content.decode()
    assert textarea(response) == "The minister is a Scumbag."
    assert post(client, article, text="A classic scumbaggery? No: scumbags is not banned.").status_code == 302
    post(client, article, text="He is a traitor to the cause.")
    assert Comment.objects.get(text__startswith="He is").status == Status.PENDING


def always_spam(comment, *, request):
    return "spam" if "casino" in comment.text else None


def test_a_site_can_plug_in_its_own_spam_checker(client, settings, open_policy):
    settings.NEWSROOM_COMMENTS_SPAM_CHECKERS = ["comments.tests.test_views.always_spam"]
    article = make_article()
    post(client, article, text="Best casino bonus")
    post(client, article, text="A real opinion", email="real@example.org")
    assert dict(Comment.objects.values_list("text", "status")) == {
        "Best casino bonus": Status.SPAM,
        "A real opinion": Status.APPROVED,
    }


# Closing


def test_closed_comments_say_so_and_a_forged_post_is_refused(client, open_policy):
    article = make_article(comments_open=False)
    section = discussion(client.get(article.get_absolute_url()))
    assert section.by_id("respond") is None
    assert "Comments are closed" in section.text
    response = post(client, article)
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_comments_close_automatically_after_the_configured_days(client, settings, open_policy):
    settings.NEWSROOM_COMMENTS_CLOSE_AFTER_DAYS = 30
    old = make_article(publish_at=timezone.now() - timezone.timedelta(days=31))
    recent = make_article(publish_at=timezone.now() - timezone.timedelta(days=29))
    make_comment(old)
    assert post(client, old).status_code == 403
    assert client.get(reverse("comments:reply", args=[old.comments.get().pk])).status_code == 403
    assert post(client, recent).status_code == 302
    settings.NEWSROOM_COMMENTS_CLOSE_AFTER_DAYS = 0  # never
    assert post(client, old, text="Late but welcome").status_code == 302


def test_posting_without_a_csrf_token_is_refused(open_policy):
    article = make_article()
    csrf_client = Client(enforce_csrf_checks=True)
    assert post(csrf_client, article).status_code == 403
    assert not Comment.objects.exists()


def test_nobody_comments_on_an_unpublished_article(client, open_policy):
    draft = make_article(published=False)
    assert post(client, draft).status_code == 404


# Reply page, permalinks, pages


def test_reply_without_javascript_opens_the_form_with_the_parent_set(client, open_policy):
    article = make_article()
    parent = make_comment(article, name="Karel")
    link = discussion(client.get(article.get_absolute_url())).by_id(f"comment-{parent.pk}").find("a", "comment__reply")
    page = parse(client.get(link.attrs["href"]).content)
    assert page.by_id("id_parent").attrs["value"] == str(parent.pk)
    assert "Reply to Karel" in " ".join(page.find("h1").text.split())
    response = post(client, article, parent=str(parent.pk), text="I agree with Karel.")
    reply = Comment.objects.get(text="I agree with Karel.")
    assert reply.parent == parent
    assert response["Location"].endswith(f"#comment-{reply.pk}")


@pytest.mark.parametrize("parent", ["not-a-number", "999999"])
def test_a_reply_to_a_missing_comment_says_so_and_keeps_the_text(client, open_policy, parent):
    response = post(client, make_article(), parent=parent, text="Still worth saying")
    assert response.status_code == 200
    assert "The comment you are replying to is no longer available." in response.content.decode()
    assert textarea(response) == "Still worth saying"
    assert not Comment.objects.exists()


def test_long_discussions_are_paged_by_top_level_thread(client, settings, open_policy):
    settings.NEWSROOM_COMMENTS_PER_PAGE = 2
    article = make_article()
    roots = [make_comment(article) for _ in range(3)]
    replies = [make_comment(article, root) for root in roots]

    def ids(response):
        return {li.attrs["id"] for li in discussion(response).find("ol", "comment-list").find_all("li", "comment")}

    first_page = ids(client.get(article.get_absolute_url()))
    second_page = ids(client.get(article.get_absolute_url() + "?comments_page=2"))
    assert first_page == {c.anchor for c in roots[:2] + replies[:2]}
    assert second_page == {roots[2].anchor, replies[2].anchor}

    response = post(client, article, parent=str(roots[2].pk), text="Late reply")
    new = Comment.objects.get(text="Late reply")
    assert response["Location"] == f"{article.get_absolute_url()}?comments_page=2#comment-{new.pk}"
    assert client.get(new.get_absolute_url())["Location"] == response["Location"]


def _section_queries(article):
    request = RequestFactory().get(article.get_absolute_url())
    request.session, request.user = {}, None
    template = Template("{% load comments_tags %}{% comments_section article %}")
    template.render(Context({"article": article, "request": request}))  # the form, a fragment, kept
    with CaptureQueriesContext(connection) as queries:
        html = template.render(Context({"article": article, "request": request}))
    return len(queries), html


def _discussion_of(size):
    article = make_article()
    roots = []
    for n in range(size):
        parent = roots[n % len(roots)] if roots and n % 3 else None
        comment = make_comment(article, parent, refresh=False)
        roots += [comment] if parent is None else []
    comment_count_refresh(article_id=article.pk)
    article.refresh_from_db()
    return article


@pytest.mark.parametrize("size", [10, 500])
def test_the_thread_costs_the_same_few_queries_whatever_its_size(client, settings, size, django_assert_max_num_queries):
    settings.NEWSROOM_COMMENTS_PER_PAGE = 500  # every comment on one page
    article = _discussion_of(size)
    queries, html = _section_queries(article)
    assert queries == 1  # the outline and the stored HTML together, when one page holds the discussion
    assert html.count('class="comment comment--approved') == size
    with django_assert_max_num_queries(10):
        client.get(article.get_absolute_url())


def test_editors_picks_show_above_the_thread(client):
    article = make_article()
    make_comment(article)
    pick = make_comment(article, text="Worth reading twice.", is_featured=True)
    section = discussion(client.get(article.get_absolute_url()))
    picks = section.find("section", "comment-picks")
    assert "Worth reading twice." in picks.text
    assert picks.find("a").attrs["href"] == pick.get_absolute_url()


@pytest.mark.parametrize("read_whole_up_to", [500, 1])  # the discussion read whole, or this page's comments apart
def test_editors_picks_show_in_the_order_they_were_posted(client, monkeypatch, read_whole_up_to):
    monkeypatch.setattr(threads, "ONE_QUERY_UP_TO", read_whole_up_to)
    article, now = make_article(), timezone.now()
    later = make_comment(article, text="Posted second, imported first.", is_featured=True, created_at=now)
    make_comment(article, text="Not picked.")
    earlier = make_comment(article, text="Posted first.", is_featured=True, created_at=now - timedelta(hours=1))
    section = discussion(client.get(article.get_absolute_url()))
    picks = section.find("section", "comment-picks").find_all("li")
    assert [pick.find("a").attrs["href"] for pick in picks] == [earlier.get_absolute_url(), later.get_absolute_url()]
    assert [pick.find("div").text for pick in picks] == ["Posted first.", "Posted second, imported first."]


def test_staff_comments_carry_a_badge(client):
    article = make_article()
    make_comment(article, badge=Comment.Badge.JOURNALIST)
    assert discussion(client.get(article.get_absolute_url())).find("span", "comment__badge").text == "Journalist"


def test_a_reader_reports_once_and_the_comment_enters_the_queue(client):
    comment = make_comment(make_article())
    url = reverse("comments:report", args=[comment.pk])
    assert client.get(url).status_code == 200
    assert "Thank you" in client.post(url, {"reason": "abuse"}).content.decode()
    assert "Already reported" in client.post(url, {"reason": "spam"}).content.decode()
    comment.refresh_from_db()
    assert comment.report_count == 1
    assert comment.reports.get().reason == "Abusive or hateful"
    assert list(Comment.objects.reported()) == [comment]


def test_the_comments_feed_lists_only_visible_comments(client):
    article = make_article("Summit ends")
    shown = make_comment(article, name="Shown", text="Visible & fine")
    make_comment(article, status=Status.PENDING, name="Held")
    make_comment(article, make_comment(article, status=Status.SPAM, name="Spammer"), name="Under spam")
    make_comment(article, status=Status.REMOVED, name="Removed")
    make_comment(make_article(), name="Elsewhere")
    response = client.get(reverse("comments:feed", args=[article.pk]))
    assert response["Content-Type"].startswith("application/rss+xml")
    items = ET.fromstring(response.content).findall("channel/item")
    assert [item.find("title").text for item in items] == ["Shown on “Summit ends”"]
    assert items[0].find("link").text.endswith(shown.get_absolute_url())
    assert client.get(reverse("comments:feed", args=[make_article(published=False).pk])).status_code == 404


def test_the_form_remembers_the_reader_after_a_comment(client, open_policy):
    article = make_article()
    parent = make_comment(article)
    post(client, article, website="https://ines.example.eu")
    for url in (article.get_absolute_url(), reverse("comments:reply", args=[parent.pk])):
        page = parse(client.get(url).content)
        filled = [page.by_id(f"id_{name}").attrs["value"] for name in ("name", "email", "website")]
        assert filled == ["Ines Moreau", "ines@example.eu", "https://ines.example.eu"]
    assert "value" not in parse(Client().get(article.get_absolute_url()).content).by_id("id_name").attrs


@pytest.mark.parametrize("page_cache", [False, True])
def test_the_kept_form_carries_each_new_reader_s_own_tokens_and_never_a_returning_commenter_s_values(
    client, settings, open_policy, page_cache
):
    settings.NEWSROOM_PAGE_CACHE, settings.NEWSROOM_COMMENTS_MIN_SECONDS = page_cache, 0
    article = make_article()
    url, action = article.get_absolute_url(), reverse("comments:post", args=[article.pk])
    tokens = []
    for n in range(2):
        reader = Client(enforce_csrf_checks=True)
        form = parse(reader.get(url).content).find("form", "comment-form")
        hidden = {field.attrs["name"]: field.attrs.get("value") for field in form.find_all("input")}
        assert hidden["name"] is None  # nobody's name
        tokens.append(hidden["csrfmiddlewaretoken"])
        data = form_data(article, text=f"Reader {n} agrees.", email=f"reader{n}@example.eu")
        assert (
            reader.post(action, data | {k: hidden[k] for k in ("csrfmiddlewaretoken", "timestamp")}).status_code == 302
        )
    assert Comment.objects.filter(article=article).count() == 2
    assert tokens[0] != tokens[1] and "@@" not in "".join(tokens)
    # The last of them is remembered: their own values, on their page alone.
    assert parse(reader.get(url).content).by_id("id_email").attrs["value"] == "reader1@example.eu"
    assert "value" not in parse(Client().get(url).content).by_id("id_email").attrs


def test_a_french_article_s_form_speaks_french_to_an_english_reader(client):
    article = make_article("Les ministres s’accordent", language="fr")
    form = parse(client.get(article.get_absolute_url(), headers={"accept-language": "en"}).content).by_id("respond")
    assert "Laisser un commentaire" in form.text


def test_an_accepted_comment_costs_a_fixed_few_queries(client, open_policy, django_assert_max_num_queries):
    """
    Article, policy, parent, duplicate check; insert, path and HTML, recount (after the article's row lock on
    PostgreSQL). The reader's details go into a signed cookie: no session, whether they are new or not.
    """
    article = make_article()
    parent = make_comment(article)
    with django_assert_max_num_queries(9):
        response = post(client, article, parent=str(parent.pk))
    assert response.status_code == 302 and "sessionid" not in response.cookies
    with django_assert_max_num_queries(9):
        assert post(client, article, text="And the votes.").status_code == 302
    article.refresh_from_db()
    assert article.comment_count == Comment.objects.visible().filter(article=article).count() == 3
