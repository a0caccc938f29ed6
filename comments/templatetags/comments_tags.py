from django import template

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
    initial = {"notify": False, **remembered_author(request)}
    return {
        "article": article,
        "thread": load_thread(
            article,
            page_number=request.GET.get("comments_page") or 1,
            own_ids=own_comment_ids(request),
            replies_open=is_open,
        ),
        "is_open": is_open,
        "form": CommentForm(article=article, initial=initial) if is_open else None,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


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
