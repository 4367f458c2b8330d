"""Project-level pages that draw on several apps."""

from datetime import timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from accounts.decorators import acting_user, staff_required
from accounts.roles import Role, has_role
from appeals.models import Appeal, AppealStatus
from appeals.permissions import appeals_shaped_by


@staff_required()
def staff_home(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    now = timezone.now()
    visible = Appeal.objects.visible_to(user).select_related("owning_unit", "author")
    is_authoriser = has_role(user, Role.AUTHORISER, Role.SENIOR_AUTHORISER)
    context = {
        "is_authoriser": is_authoriser,
        "awaiting": (
            visible.filter(status=AppealStatus.AWAITING_AUTHORISATION)
            .exclude(author=user)
            .exclude(pk__in=appeals_shaped_by(user))  # appeals.permissions.can_decide
            .order_by("submitted_at")
            if is_authoriser
            else Appeal.objects.none()
        ),
        "my_drafts": visible.filter(status__in=[AppealStatus.DRAFT, AppealStatus.AWAITING_AUTHORISATION], author=user),
        # Published appeals whose review is overdue or falls due within three days.
        "reviews_due": visible.review_overdue(now + timedelta(days=3)).order_by("review_due_at"),
        "published": visible.public().order_by("-published_at"),
        "closed": visible.ended().order_by("-closed_at")[:20],
        "now": now,
    }
    return render(request, "lookout/staff_home.html", context)
