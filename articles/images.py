"""The image library: validated uploads and renditions made once, stored, and reused."""

import io
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import ImageOps

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def validate_image_file(upload):
    """Refuse what is not a real raster photo of a sane size, with a message a journalist understands."""
    if getattr(upload, "_committed", False):
        return  # a file already stored was checked when it was uploaded
    max_bytes = settings.NEWSROOM_IMAGE_MAX_BYTES
    if upload.size > max_bytes:
        raise ValidationError(
            _("This file is %(size)s MB; the limit is %(limit)s MB."),
            code="too_large",
            params={"size": round(upload.size / 1_048_576, 1), "limit": max_bytes // 1_048_576},
        )
    upload.seek(0)
    try:
        with PILImage.open(upload) as probe:
            width, height = probe.size
            image_format = probe.format
            if width * height > settings.NEWSROOM_IMAGE_MAX_PIXELS:
                raise ValidationError(
                    _("This picture is %(w)s×%(h)s pixels, more than the %(mp)s megapixels allowed."),
                    code="too_many_pixels",
                    params={"w": width, "h": height, "mp": settings.NEWSROOM_IMAGE_MAX_PIXELS // 1_000_000},
                )
            probe.verify()
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError):
        raise ValidationError(
            _("This file is not a picture we can read. Upload a JPEG, PNG, WebP or GIF."), code="invalid_image"
        ) from None
    finally:
        upload.seek(0)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            _("%(format)s files are not accepted. Upload a JPEG, PNG, WebP or GIF."),
            code="bad_format",
            params={"format": image_format},
        )


class Image(models.Model):
    file = models.ImageField(
        _("file"),
        upload_to="images/%Y/%m/",
        width_field="width",
        height_field="height",
        validators=[validate_image_file],
        help_text=_("JPEG, PNG, WebP or GIF, at most 20 MB and 50 megapixels. SVG is not accepted."),
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    alt_text = models.CharField(
        _("alt text"),
        max_length=250,
        help_text=_("What the picture shows, for readers who cannot see it. Required."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True, default="")
    credit = models.CharField(
        _("credit"), max_length=120, blank=True, default="", help_text=_('E.g. "Reuters/Yves Herman".')
    )
    focal_x = models.FloatField(
        _("focal point (x)"), null=True, blank=True, help_text=_("0 (left) to 1 (right): what crops must keep.")
    )
    focal_y = models.FloatField(_("focal point (y)"), null=True, blank=True, help_text=_("0 (top) to 1 (bottom)."))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("image")
        verbose_name_plural = _("images")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(focal_x__isnull=True) | models.Q(focal_x__gte=0, focal_x__lte=1),
                name="image_focal_x_range",
            ),
            models.CheckConstraint(
                condition=models.Q(focal_y__isnull=True) | models.Q(focal_y__gte=0, focal_y__lte=1),
                name="image_focal_y_range",
            ),
        ]

    def __str__(self):
        return self.alt_text

    def renditions_for(self, image_format):
        """Stored renditions of one format, narrowest first (uses a prefetch when there is one)."""
        return sorted((r for r in self.renditions.all() if r.format == image_format), key=lambda r: r.width)

    @cached_property
    def _rendition_urls(self):
        """(width, address) of each format's renditions, narrowest first: a <picture> asks for them three times."""
        return {
            image_format: [(r.width, r.file.url) for r in self.renditions_for(image_format)]
            for image_format in Rendition.Format.values
        }

    def srcset(self, image_format="jpeg"):
        return ", ".join(f"{url} {width}w" for width, url in self._rendition_urls[image_format])

    def rendition_url(self, width, image_format="jpeg"):
        """The smallest stored rendition at least `width` wide, else the largest, else the original."""
        renditions = self._rendition_urls[image_format]
        for rendition_width, url in renditions:
            if rendition_width >= width:
                return url
        return renditions[-1][1] if renditions else self.file.url


class Rendition(models.Model):
    class Format(models.TextChoices):
        JPEG = "jpeg", "JPEG"
        WEBP = "webp", "WebP"

    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="renditions")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    format = models.CharField(max_length=4, choices=Format)
    file = models.ImageField(upload_to="renditions/%Y/%m/")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["image", "width", "format"], name="rendition_unique")]

    def __str__(self):
        return f"{self.image_id} {self.width}w {self.format}"


def make_renditions(image):
    """Make every missing rendition of an image once; later calls find them stored and do nothing."""
    have = set(image.renditions.values_list("width", "format"))
    wanted = [w for w in settings.NEWSROOM_RENDITION_WIDTHS if w < image.width] or [image.width]
    todo = [(w, f) for w in wanted for f in Rendition.Format.values if (w, f) not in have]
    if not todo:
        return
    image.file.open("rb")
    try:
        with PILImage.open(image.file) as original:
            original = ImageOps.exif_transpose(original).convert("RGB")
            stem = PurePosixPath(image.file.name).stem
            for width, image_format in todo:
                height = round(original.height * width / original.width)
                buffer = io.BytesIO()
                original.resize((width, height), PILImage.Resampling.LANCZOS).save(
                    buffer, format=image_format.upper(), quality=82
                )
                rendition = Rendition(image=image, format=image_format, width=width, height=height)
                rendition.file.save(f"{stem}-{width}.{image_format}", ContentFile(buffer.getvalue()), save=False)
                rendition.save()
    finally:
        image.file.close()
    image.__dict__.pop("_rendition_urls", None)  # this instance lists the new ones from now on
