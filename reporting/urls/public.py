from django.urls import path

from ..views import public

app_name = "reporting"
urlpatterns = [
    path("appeals/<str:reference>/report/", public.appeal_report_start, name="appeal_start"),
    path("appeals/<str:reference>/report/form/", public.appeal_report_form, name="appeal_form"),
    path("report/", public.report_start, name="start"),
    path("report/form/", public.report_form, name="form"),
    path("follow-up/", public.follow_up, name="follow_up"),
    path("follow-up/reply/", public.follow_up_reply, name="follow_up_reply"),
]
