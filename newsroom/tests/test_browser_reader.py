"""Readers' journeys in a real browser, screenshots for people to look at, and an axe-core audit."""

from pathlib import Path

import pytest
from django.urls import reverse

from articles.images import make_renditions
from articles.tests.factories import image_upload, make_article, make_author, make_image, make_section

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"desktop": 1280, "phone": 375}


@pytest.fixture
def newsroom():
    eu, economy = make_section("EU affairs"), make_section("Economy")
    anna = make_author("Anna Keller", role="Brussels correspondent", bio="Anna covers the Council.")
    picture = make_image(
        file=image_upload(width=1600, height=900, fmt="JPEG", color=(0, 51, 153)),
        caption="Flags outside the Commission.",
        credit="Newsroom demo",
    )
    make_renditions(picture)
    story = make_article(
        "EU leaders agree on a joint energy purchase",
        section=eu,
        authors=[anna],
        tags=["Energy"],
        lead_image=picture,
        dateline="Brussels",
        is_featured=True,
        body="<p>Leaders meeting in Brussels agreed on Thursday to buy gas together.</p>" * 6,
    )
    french = make_article(
        "Les dirigeants de l'UE s'accordent sur un achat commun d'énergie",
        section=eu,
        authors=[anna],
        language="fr",
        lead_image=picture,
        dateline="Bruxelles",
        body="<p>Les dirigeants réunis à Bruxelles ont décidé jeudi d'acheter du gaz ensemble.</p>" * 4,
    )
    story.translations.add(french)
    for n in range(6):
        make_article(
            f"Inflation eases in the euro area, month {n}", section=economy, tags=["Energy"], lead_image=picture
        )
    return {"story": story, "french": french}


def audit(page):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]


def test_a_reader_goes_from_home_to_section_article_tag_author_search_and_feed(page, newsroom, screenshot_dir):
    story = newsroom["story"]
    page.goto("/")
    assert page.locator("h1").count() == 1
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="EU affairs").click()
    assert page.locator("h1").inner_text() == "EU affairs"

    page.get_by_role("link", name=story.headline).first.click()
    assert page.locator("h1").inner_text() == story.headline
    assert page.locator("article").first.get_attribute("lang") == "en"
    assert "Brussels" in page.locator("article").first.inner_text()

    page.locator("article").first.get_by_role("link", name="Energy").click()
    assert page.locator("h1").inner_text() == "Energy"
    assert page.get_by_role("link", name=story.headline).count() >= 1

    page.goto(story.get_absolute_url())
    page.locator("article .byline").get_by_role("link", name="Anna Keller").click()
    assert page.locator("h1").inner_text() == "Anna Keller"

    page.get_by_role("searchbox").fill("joint energy")
    page.get_by_role("search").get_by_role("button").click()
    assert page.locator("mark").count() >= 1
    assert page.locator(".search-results").get_by_role("link", name=story.headline).count() == 1

    feed = page.locator('link[rel=alternate][type="application/rss+xml"]').first.get_attribute("href")
    response = page.request.get(feed)
    assert response.ok and story.headline in response.text()


def test_a_french_reader_switches_language_reads_french_and_follows_the_english_translation(page, newsroom):
    page.goto("/")
    page.get_by_role("link", name="Français").click()
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("link", name="Aller au contenu").count() == 1

    page.goto(newsroom["french"].get_absolute_url())
    assert page.locator("article").first.get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() == newsroom["french"].headline
    page.locator('article a[hreflang="en"]').first.click()
    assert page.locator("h1").inner_text() == newsroom["story"].headline
    assert page.locator("html").get_attribute("lang") == "fr"  # the interface stays French
    assert page.locator("article").first.get_attribute("lang") == "en"


@pytest.mark.parametrize("device", WIDTHS)
def test_pages_pass_axe_and_leave_screenshots(page, newsroom, screenshot_dir, device):
    page.set_viewport_size({"width": WIDTHS[device], "height": 900})
    pages = {
        "home": "/",
        "article": newsroom["story"].get_absolute_url(),
        "section": reverse("articles:section", kwargs={"slug": "eu-affairs"}),
        "search": reverse("search") + "?q=energy",
    }
    problems = {}
    for name, url in pages.items():
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= WIDTHS[device], f"{name} scrolls sideways at {WIDTHS[device]} px"
        if name in ("home", "article"):
            page.screenshot(path=screenshot_dir / f"{name}-{WIDTHS[device]}.png", full_page=True)
        if violations := audit(page):
            problems[name] = violations
    assert problems == {}
