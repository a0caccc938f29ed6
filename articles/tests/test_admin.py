"""The desk's lists, dashboard, previews and image library, as journalists see them."""

import re
from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.images import make_renditions
from articles.models import Article, Image, Rendition
from articles.tests.factories import image_upload, make_article, make_author, make_image, make_user
from articles.tests.test_workflow import change_url, csrf_token, desk_client

pytestmark = pytest.mark.django_db

Status = Article.Status


@pytest.fixture
def reporter():
    return make_user("rita", role="Reporter")


@pytest.fixture
def editor():
    return make_user("eddie", role="Editor")


def changelist(client, query=""):
    return client.get(reverse("admin:articles_article_changelist") + query).content.decode()


def test_changelist_shows_what_the_desk_needs(editor):
    picture = make_image()
    make_renditions(picture)
    live = make_article("Live story", authors=[make_author("Anna Lindqvist"), make_author("Marc Dubois")])
    live.lead_image = picture
    live.save()
    make_article("Tomorrow's story", publish_at=timezone.now() + timedelta(days=1))
    draft = make_article("Draft story", published=False)

    html = changelist(desk_client(editor))

    smallest = picture.renditions.filter(format="jpeg").order_by("width").first()
    assert f'src="{smallest.file.url}"' in html
    assert "Anna Lindqvist, Marc Dubois" in html
    assert "Scheduled" in html
    assert f'href="{live.get_absolute_url()}" class="desk-site-link">View on site' in html
    assert f'href="{reverse("articles:preview", args=[draft.pk])}" class="desk-site-link">Preview' in html


def test_changelist_queries_do_not_grow_with_the_number_of_articles(editor, django_assert_max_num_queries):
    client = desk_client(editor)

    def fill(count):
        authors = [make_author(), make_author()]
        picture = make_image()
        make_renditions(picture)
        for _ in range(count):
            make_article(authors=authors, tags=["budget", "council"], lead_image=picture)

    fill(5)
    with django_assert_max_num_queries(30) as five:
        changelist(client)
    fill(25)
    with django_assert_max_num_queries(len(five.captured_queries)):
        html = changelist(client)
    assert html.count('class="desk-thumb"') == 30


def test_my_drafts_filter_shows_only_my_drafts(reporter):
    make_article("My draft", published=False, created_by=reporter)
    make_article("My story in review", published=False, status=Status.REVIEW, created_by=reporter)
    make_article("Someone else's draft", published=False, created_by=make_user(role="Reporter"))

    html = changelist(desk_client(reporter), "?mine=drafts")

    assert "My draft" in html
    assert "My story in review" not in html
    assert "Someone else" not in html


def test_status_filter_tells_scheduled_from_live(editor):
    make_article("Live story")
    make_article("Tomorrow's story", publish_at=timezone.now() + timedelta(days=1))
    client = desk_client(editor)

    assert "Tomorrow" not in changelist(client, "?status=published")
    scheduled = changelist(client, "?status=scheduled")
    assert "Tomorrow" in scheduled
    assert "Live story" not in scheduled


def test_dashboard_lists_my_drafts_review_and_schedule(reporter):
    make_article("My own draft", published=False, created_by=reporter)
    make_article("A colleague's draft", published=False, created_by=make_user(role="Reporter"))
    waiting = make_article("Waiting for an editor", published=False, status=Status.REVIEW)
    make_article("Going out tomorrow", publish_at=timezone.now() + timedelta(days=1))
    make_article("Out this morning")

    html = desk_client(reporter).get(reverse("admin:index")).content.decode()

    panels = dict(re.findall(r"<h2>([^<]+)</h2>\s*(.*?)</section>", html, re.S))
    assert "My own draft" in panels["My drafts"]
    assert "colleague" not in panels["My drafts"]
    assert f'href="{change_url(waiting)}">Waiting for an editor' in panels["Awaiting review"]
    assert "Going out tomorrow" in panels["Scheduled next"]
    assert "Out this morning" in panels["Recently published"]
    assert "Going out tomorrow" not in panels["Recently published"]
    assert "Sections" in html  # the app list is still there


def test_change_form_offers_a_preview_and_a_share_link_that_works(reporter):
    article = make_article("Embargoed budget story", published=False, created_by=reporter)

    html = desk_client(reporter).get(change_url(article)).content.decode()

    assert f'href="{reverse("articles:preview", args=[article.pk])}"' in html
    share_url = re.search(r'id="desk-share-url" value="([^"]+)"', html).group(1)
    assert share_url.startswith("http://testserver/")
    outsider = desk_client(make_user())
    outsider.logout()
    shared = outsider.get(share_url)
    assert shared.status_code == 200
    assert "Embargoed budget story" in shared.content.decode()


def test_a_published_article_links_to_its_page_not_a_share_link(editor):
    article = make_article()

    html = desk_client(editor).get(change_url(article)).content.decode()

    assert article.get_absolute_url() in html
    assert "desk-share-url" not in html


def test_uploading_an_image_stamps_the_uploader_and_makes_renditions_once(reporter):
    client = desk_client(reporter)
    add_url = reverse("admin:articles_image_add")
    token = csrf_token(client.get(add_url))

    response = client.post(
        add_url,
        {
            "file": image_upload(width=700, height=400),
            "alt_text": "Ursula von der Leyen at the lectern",
            "credit": "EC Audiovisual",
            "focal_x": "0.4",
            "focal_y": "0.3",
            "csrfmiddlewaretoken": token,
        },
    )

    assert response.status_code == 302
    image = Image.objects.get()
    assert image.uploaded_by == reporter
    assert sorted(image.renditions.values_list("width", "format")) == [
        (320, "jpeg"),
        (320, "webp"),
        (640, "jpeg"),
        (640, "webp"),
    ]
    change = reverse("admin:articles_image_change", args=[image.pk])
    token = csrf_token(client.get(change))
    client.post(change, {"alt_text": "Ursula von der Leyen speaking", "csrfmiddlewaretoken": token})
    assert Rendition.objects.count() == 4


def test_replacing_an_image_file_replaces_its_renditions(editor):
    image = make_image(file=image_upload(width=700, height=400))
    make_renditions(image)
    old = set(image.renditions.values_list("file", flat=True))
    client = desk_client(editor)
    change = reverse("admin:articles_image_change", args=[image.pk])
    token = csrf_token(client.get(change))

    client.post(
        change,
        {"file": image_upload(width=500, height=300), "alt_text": image.alt_text, "csrfmiddlewaretoken": token},
    )

    image.refresh_from_db()
    assert image.width == 500
    assert set(image.renditions.values_list("width", flat=True)) == {320}
    assert not old & set(image.renditions.values_list("file", flat=True))


def test_image_list_shows_thumbnails(editor):
    image = make_image(alt_text="Flags at the Berlaymont")
    make_renditions(image)

    html = desk_client(editor).get(reverse("admin:articles_image_changelist")).content.decode()

    assert 'class="desk-thumb"' in html
    assert "Flags at the Berlaymont" in html


def test_tags_field_suggests_existing_tags_to_a_reporter(reporter):
    make_article(tags=["budget", "Brexit", "council"])
    client = desk_client(reporter)

    form = client.get(reverse("admin:articles_article_add")).content.decode()
    tags_input = re.search(r'<input[^>]*id="id_tags"[^>]*>', form).group()
    url = re.search(r'data-suggest-url="([^"]+)"', tags_input).group(1)
    answer = client.get(url, {"app_label": "articles", "model_name": "article", "field_name": "tags", "term": "bu"})

    assert [tag["text"] for tag in answer.json()["results"]] == ["budget"]


def test_only_those_who_may_edit_an_article_get_its_share_link(reporter):
    theirs = make_article(published=False, created_by=make_user(role="Reporter"))

    html = desk_client(reporter).get(change_url(theirs)).content.decode()

    assert f'href="{reverse("articles:preview", args=[theirs.pk])}"' in html
    assert "desk-share-url" not in html


def test_changelist_shows_each_articles_comment_count(editor):
    make_article("Much discussed", comment_count=12)
    assert re.search(r'<td class="field-comment_count">12</td>', changelist(desk_client(editor)))


def test_read_only_article_shows_the_story_not_its_html_source(reporter):
    other = make_article("Someone else's story", body="<p>The <strong>Council</strong> agreed.</p>")
    html = desk_client(reporter).get(change_url(other)).content.decode()
    assert "<p>The <strong>Council</strong> agreed.</p>" in html
    assert "&lt;strong&gt;" not in html


def test_undated_work_comes_first_then_the_schedule_then_what_is_live(editor):
    make_article("Live story")
    make_article("Tomorrow's story", publish_at=timezone.now() + timedelta(days=1))
    make_article("Draft story", published=False)

    html = changelist(desk_client(editor))

    assert html.index("Draft story") < html.index("Tomorrow&#x27;s story") < html.index("Live story")


def test_date_drill_down_offers_only_years_and_months_with_articles(editor):
    for year, month in [(2023, 3), (2025, 1), (2025, 11)]:
        make_article(f"Story of {year}-{month}", publish_at=timezone.make_aware(datetime(year, month, 15, 12)))
    client = desk_client(editor)

    years = changelist(client)
    assert "?publish_at__year=2023" in years and "?publish_at__year=2025" in years
    assert "?publish_at__year=2024" not in years

    months = changelist(client, "?publish_at__year=2025")
    assert "publish_at__month=1&" in months and "publish_at__month=11&" in months
    assert "publish_at__month=6&" not in months
    assert "Story of 2025-11" in months and "Story of 2023-3" not in months


def test_author_and_tag_filters_list_each_article_once(editor):
    anna, marc = make_author("Anna Lindqvist"), make_author("Marc Dubois")
    make_article("Written together", authors=[anna, marc], tags=["budget", "council"])
    make_article("Marc alone", authors=[marc], tags=["fisheries"])
    client = desk_client(editor)

    by_anna = changelist(client, f"?author={anna.pk}")
    assert by_anna.count(">Written together<") == 1 and "Marc alone" not in by_anna
    budget = Tag.objects.get(name="budget")
    tagged = changelist(client, f"?tag={budget.pk}")
    assert tagged.count(">Written together<") == 1 and "Marc alone" not in tagged


def test_desk_search_finds_words_in_any_field_and_status(editor):
    make_article("Fisheries quotas agreed")
    make_article("Council meets", body="<p>The fisheries ministers disagreed.</p>", published=False)
    make_article("Tagged story", tags=["Fisheries"], status=Status.REVIEW, published=False)
    make_article("Budget talks")

    html = changelist(desk_client(editor), "?q=fisher")

    assert "Fisheries quotas agreed" in html and "Council meets" in html and "Tagged story" in html
    assert "Budget talks" not in html
