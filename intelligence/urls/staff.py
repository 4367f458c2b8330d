from django.urls import path

from ..views import actions, audit, inbox, numbers, reports, sharing

app_name = "intelligence_staff"
urlpatterns = [
    path("inbox/", inbox.inbox, name="inbox"),
    path("inbox/record/", inbox.report_record, name="record"),
    path("inbox/<int:pk>/", reports.report_desk, name="report"),
    path("inbox/<int:pk>/grade/", reports.report_grade, name="grade"),
    path("inbox/<int:pk>/disseminate/", reports.report_disseminate, name="disseminate"),
    path("inbox/<int:pk>/split/", reports.report_split, name="split"),
    path("inbox/<int:pk>/links/<int:link_pk>/", reports.link_decide, name="link_decide"),
    path("actions/", actions.action_list, name="actions"),
    path("actions/<int:pk>/", actions.action_detail, name="action"),
    path("actions/<int:pk>/allocate/", actions.action_allocate, name="allocate"),
    path("actions/<int:pk>/complete/", actions.action_complete, name="complete"),
    path("actions/<int:pk>/result/", actions.action_result, name="result"),
    path("actions/<int:pk>/refer-back/", actions.action_refer_back, name="refer_back"),
    path("actions/<int:pk>/reissue/", actions.action_reissue, name="reissue"),
    path("actions/<int:pk>/file/", actions.action_file, name="file"),
    path("sharing/<str:reference>/", sharing.appeal_share, name="share"),
    path("audit/", audit.audit_log, name="audit"),
    path("numbers/", numbers.force_numbers, name="numbers"),
    path("numbers/<str:reference>/", numbers.appeal_numbers, name="appeal_numbers"),
]
