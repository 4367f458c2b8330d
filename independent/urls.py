"""The independent service's whole URL set (ROOT_URLCONF of lookout.settings.independent)."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from lookout.health import healthz

from . import operator_signin
from .api import api
from .views import operators, public

public_patterns = (
    [
        path("", public.home, name="home"),
        path("appeals/<str:reference>/", public.appeal_start, name="appeal_start"),
        path("appeals/<str:reference>/form/", public.appeal_form, name="appeal_form"),
        path("report/", public.start, name="start"),
        path("report/form/", public.form, name="form"),
        path("follow-up/", public.follow_up, name="follow_up"),
        path("follow-up/answer/", public.answer, name="answer"),
        path("follow-up/claim/", public.claim, name="claim"),
    ],
    "independent",
)

operator_patterns = (
    [
        path("", operators.report_list, name="list"),
        path("login/", operator_signin.OperatorSignInView.as_view(), name="login"),
        path("two-factor/", operator_signin.two_factor, name="two_factor"),
        path("logout/", auth_views.LogoutView.as_view(), name="logout"),
        path("phone/", operators.phone_report, name="phone"),
        path("rewards/pay/", operators.reward_pay, name="pay"),
        path("<int:pk>/", operators.report_detail, name="detail"),
        path("<int:pk>/review/", operators.report_review, name="review"),
        path("<int:pk>/hold/", operators.report_hold, name="hold"),
        path("<int:pk>/reward/", operators.reward_offer, name="reward"),
        path("<int:pk>/follow-ups/<int:answer_pk>/send/", operators.follow_up_send, name="follow_up_send"),
        path("<int:pk>/files/<uuid:public_id>/", operators.file_view, name="file"),
    ],
    "operators",
)

urlpatterns = [
    path("", include(public_patterns)),
    path("operators/", include(operator_patterns)),
    path("partner/v1/", api.urls),
    path("healthz", healthz, name="healthz"),
]

# A database that cannot be reached answers 503 "not sent, please try again", not 500 (lookout/errors.py).
handler500 = "lookout.errors.server_error"
