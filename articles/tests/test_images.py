import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from articles.images import Rendition, make_renditions, validate_image_file
from articles.tests.factories import image_bytes, image_upload, make_image


def upload(data, name="file.png", content_type="image/png"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_a_real_photo_passes():
    validate_image_file(image_upload())


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "not a picture we can read"),
        (b"%PDF-1.4 not an image", "not a picture we can read"),
        (image_bytes()[:40], "not a picture we can read"),
    ],
    ids=["svg", "pdf", "truncated"],
)
def test_what_is_not_a_raster_photo_is_refused_with_a_clear_message(data, message):
    with pytest.raises(ValidationError, match=message):
        validate_image_file(upload(data))


def test_formats_outside_the_list_are_refused(settings):
    buffer = io.BytesIO()
    PILImage.new("RGB", (10, 10)).save(buffer, format="BMP")
    with pytest.raises(ValidationError, match="BMP files are not accepted"):
        validate_image_file(upload(buffer.getvalue(), "x.bmp"))


def test_decompression_bombs_are_refused_by_pixel_count(settings):
    settings.NEWSROOM_IMAGE_MAX_PIXELS = 1_000_000
    with pytest.raises(ValidationError, match="more than the 1 megapixels allowed"):
        validate_image_file(image_upload(width=2000, height=1000))


def test_oversized_files_are_refused_before_decoding(settings):
    settings.NEWSROOM_IMAGE_MAX_BYTES = 1024
    with pytest.raises(ValidationError, match="the limit is"):
        validate_image_file(upload(b"x" * 2048))


@pytest.mark.django_db
def test_renditions_are_made_once_and_reused(settings, django_assert_max_num_queries):
    image = make_image(file=image_upload(width=1000, height=500))
    make_renditions(image)
    made = {(r.width, r.format) for r in Rendition.objects.filter(image=image)}
    assert made == {(w, f) for w in (320, 640, 960) for f in ("jpeg", "webp")}
    assert all(r.height == r.width // 2 for r in Rendition.objects.filter(image=image))
    with django_assert_max_num_queries(1):
        make_renditions(image)  # everything exists: one look, nothing written
    assert Rendition.objects.filter(image=image).count() == 6


@pytest.mark.django_db
def test_srcset_lists_renditions_narrowest_first():
    image = make_image(file=image_upload(width=700, height=400))
    make_renditions(image)
    srcset = image.srcset("webp")
    assert srcset.index(" 320w") < srcset.index(" 640w")
    assert ".webp 640w" in srcset
    assert image.rendition_url(500).endswith(".jpeg")


@pytest.mark.django_db
def test_editing_an_image_without_a_new_file_validates():
    image = make_image()
    image.caption = "A new caption"
    image.full_clean()  # the stored file was checked on upload, and is not read again
