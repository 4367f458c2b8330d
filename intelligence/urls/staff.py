from django.urls import path

from ..views import staff

app_name = "intelligence_staff"
urlpatterns = [
    path("inbox/", staff.inbox, name="inbox"),
    path("inbox/record/", staff.report_record, name="record"),
    path("inbox/<int:pk>/", staff.report_desk, name="report"),
    path("inbox/<int:pk>/grade/", staff.report_grade, name="grade"),
    path("inbox/<int:pk>/disseminate/", staff.report_disseminate, name="disseminate"),
    path("inbox/<int:pk>/links/<int:link_pk>/", staff.link_decide, name="link_decide"),
    path("actions/", staff.action_list, name="actions"),
    path("actions/<int:pk>/", staff.action_detail, name="action"),
    path("actions/<int:pk>/allocate/", staff.action_allocate, name="allocate"),
    path("actions/<int:pk>/complete/", staff.action_complete, name="complete"),
    path("actions/<int:pk>/result/", staff.action_result, name="result"),
    path("actions/<int:pk>/refer-back/", staff.action_refer_back, name="refer_back"),
    path("actions/<int:pk>/reissue/", staff.action_reissue, name="reissue"),
    path("actions/<int:pk>/file/", staff.action_file, name="file"),
    path("sharing/<str:reference>/", staff.appeal_share, name="share"),
    path("audit/", staff.audit_log, name="audit"),
    path("numbers/", staff.force_numbers, name="numbers"),
    path("numbers/<str:reference>/", staff.appeal_numbers, name="appeal_numbers"),
]
