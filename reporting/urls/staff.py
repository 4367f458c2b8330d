from django.urls import path

from ..views import staff

app_name = "reporting_staff"
urlpatterns = [
    path("", staff.report_list, name="list"),
    path("<int:pk>/", staff.report_detail, name="detail"),
    path("<int:pk>/question/", staff.report_question, name="question"),
    path("<int:pk>/status/", staff.report_status, name="status"),
    path("<int:pk>/contact/", staff.contact_reveal, name="contact"),
    path("<int:pk>/outcome/", staff.report_outcome, name="outcome"),
    path("<int:pk>/files/<uuid:public_id>/", staff.attachment_file, name="file"),
    path("<int:pk>/files/<uuid:public_id>/original/", staff.attachment_original, name="original"),
]
