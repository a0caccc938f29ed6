from django import template
from django.template.loader import render_to_string
from django.utils import translation

from newsroom import pagecache
from newsroom.insertions import insert

from ..forms import CommentForm
from ..models import Comment
from ..services import comments_are_open
from ..threads import load_thread
from ..views import own_comment_ids, remembered_author

register = template.Library()


@register.inclusion_tag("comments/section.html", takes_context=True)
def comments_section(context, article):
    """The discussion under an article: heading with the count, editors' picks, the thread, the form."""
    if not article.is_published:
        return {"article": article, "hidden": True}
    request = context["request"]
    is_open = comments_are_open(article)
    page_number = request.GET.get("comments_page") or 1
    thread = load_thread(article, page_number=page_number, own_ids=own_comment_ids(request), replies_open=is_open)
    return {
        "article": article,
        "thread": thread,
        "is_open": is_open,
        "thread_html": insert(request, thread.pieces) if thread.pieces else "",
        "form": _form(context, article) if is_open else "",
    }


def _form(context, article) -> str:
    """The comment form, in the article's language. A new reader's is the same for everyone but for the CSRF token
    and the signed render time: kept, with slots for those two (newsroom.pagecache), like a story's fragment."""
    request = context["request"]
    author = remembered_author(request)
    values = {"article": article, "request": request, "csrf_token": context.get("csrf_token")}

    def render(initial, slots):
        form = CommentForm(article=article, initial={"notify": False, **initial})
        return render_to_string("comments/form.html", values | {"form": form, "slots": slots})

    with translation.override(article.language):
        if author:  # a returning commenter's own name, email and website: theirs alone
            return render(author, getattr(request, "page_cache_slots", None))
        form = pagecache.fragment(request, "comment-form", [article.pk], lambda: render({}, pagecache.SLOTS))
    return pagecache.fill_slots(form, request)


@register.inclusion_tag("comments/dashboard.html", takes_context=True)
def comments_dashboard(context):
    """The moderation queues' sizes for the admin's front page, for those who may see them."""
    user = context["request"].user
    if not user.has_perm("comments.view_comment"):
        return {"queues": None}
    comments = Comment.objects
    return {
        "queues": {
            "pending": comments.pending().count(),
            "reported": comments.reported().count(),
            "spam": comments.spam().count(),
        }
    }
