from reversion.middleware import RevisionMiddleware


class DeskRevisionMiddleware(RevisionMiddleware):
    """
    django-reversion's middleware for the desk's requests only. Readers' POSTs (comments, reports, the language)
    change no versioned model, and wrapping them in a revision's transaction held SQLite's write lock for the
    whole view, so every comment waited for the one before it.
    """

    def request_creates_revision(self, request):
        return super().request_creates_revision(request) and request.path_info.startswith("/admin/")
