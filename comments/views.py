import secrets

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from articles.models import Article

from .forms import COMMENTER_COOKIE, COMMENTER_SALT, COMMENTER_SECONDS, CommentForm, ReportForm
from .models import Comment
from .notifications import email_from_token
from .services import (
    CommentsClosed,
    comment_create,
    comment_report,
    commenter_unsubscribe,
    comments_are_open,
)
from .threads import page_number_of

OWN_KEY, READER_KEY = "comments.mine", "comments.reader"


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def own_comment_ids(request) -> list[int]:
    """Held comments this browser posted: shown to their author alone, marked "awaiting moderation"."""
    return request.session.get(OWN_KEY, []) if hasattr(request, "session") else []


def comment_url(comment: Comment, own_ids=()) -> str:
    page = page_number_of(comment, own_ids)
    query = f"?comments_page={page}" if page > 1 else ""
    return f"{comment.article.get_absolute_url()}{query}#{comment.anchor}"


def _closed(request, article):
    return render(request, "comments/closed.html", {"article": article}, status=403)


def _published_article(pk):
    return get_object_or_404(Article.objects.published().defer("body"), pk=pk)


@require_POST
def post_comment(request, article_pk):
    article = _published_article(article_pk)
    if not comments_are_open(article):
        return _closed(request, article)
    form = CommentForm(request.POST, article=article)
    if form.is_valid():
        try:
            comment = comment_create(
                article=article,
                **form.comment_fields(),
                user=request.user,
                ip_address=client_ip(request),
                user_agent=request.headers.get("User-Agent", ""),
                request=request,
            )
        except CommentsClosed:
            return _closed(request, article)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            response = redirect(comment_url(comment, own_comment_ids(request)))
            _remember(request, response, comment)
            return response
    parent_id = form.cleaned_data.get("parent")
    parent = Comment.objects.visible().filter(article=article, pk=parent_id).first() if parent_id else None
    return render(request, "comments/form_page.html", {"article": article, "form": form, "parent": parent})


def _remember(request, response, comment):
    if comment.status != Comment.Status.APPROVED:
        request.session[OWN_KEY] = [*own_comment_ids(request), comment.pk][-20:]
    author = {"name": comment.name, "email": comment.email, "website": comment.website}
    if remembered_author(request) != author:
        response.set_cookie(
            COMMENTER_COOKIE,
            signing.dumps(author, salt=COMMENTER_SALT, compress=True),
            max_age=COMMENTER_SECONDS,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )


def remembered_author(request) -> dict:
    """The name, email and website of this browser's last comment."""
    try:
        author = signing.loads(request.COOKIES[COMMENTER_COOKIE], salt=COMMENTER_SALT, max_age=COMMENTER_SECONDS)
    except (KeyError, signing.BadSignature):
        return {}
    return {field: str(author.get(field, "")) for field in ("name", "email", "website")}


def reply(request, pk):
    """Without JavaScript, "Reply" comes here: the comment answered, and the form under it."""
    parent = get_object_or_404(Comment.objects.visible().select_related("article__section"), pk=pk)
    article = parent.article
    if not article.is_published:
        raise Http404
    if not comments_are_open(article):
        return _closed(request, article)
    form = CommentForm(article=article, initial={"parent": parent.pk, **remembered_author(request)})
    return render(request, "comments/form_page.html", {"article": article, "form": form, "parent": parent})


def permalink(request, pk):
    comment = get_object_or_404(Comment.objects.select_related("article"), pk=pk)
    if not comment.article.is_published:
        raise Http404
    own = own_comment_ids(request)
    if not (Comment.objects.displayable().filter(pk=pk).exists() or pk in own):
        return redirect(f"{comment.article.get_absolute_url()}#comments")
    return redirect(comment_url(comment, own))


def report(request, pk):
    comment = get_object_or_404(Comment.objects.visible().select_related("article"), pk=pk)
    if not comment.article.is_published:
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accepted = comment_report(
            comment=comment,
            reader=_reader_id(request),
            ip_address=client_ip(request),
            reason=dict(ReportForm.REASONS)[form.cleaned_data["reason"]],
        )
        return render(request, "comments/report_done.html", {"comment": comment, "accepted": accepted})
    return render(request, "comments/report.html", {"comment": comment, "form": form})


def _reader_id(request) -> str:
    if READER_KEY not in request.session:
        request.session[READER_KEY] = secrets.token_hex(16)
    return request.session[READER_KEY]


@csrf_exempt  # the signed token is the credential; mail clients POST here for one-click unsubscribe (RFC 8058)
def unsubscribe(request, token):
    email = email_from_token(token)
    if email is None:
        raise Http404
    done = request.method == "POST"
    if done:
        commenter_unsubscribe(email=email)
    return render(request, "comments/unsubscribe.html", {"email": email, "done": done, "token": token})
