import pytest

from articles.tests.factories import make_image

pytestmark = pytest.mark.django_db


def test_uploads_are_served_with_debug_off_and_cached_for_long(client):
    image = make_image()
    response = client.get(image.file.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "immutable" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/media/../manage.py", "/media/%2e%2e/manage.py", "/media/nothing.png"])
def test_nothing_outside_the_media_folder_is_served(client, path):
    response = client.get(path)
    assert response.status_code in (400, 404)  # refused as suspicious, or simply not there
    assert b"DJANGO_SETTINGS_MODULE" not in response.content
