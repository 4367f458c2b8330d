from django.urls import path

from ..views import staff

app_name = "distribution_staff"
urlpatterns = [
    path("desk/", staff.desk, name="desk"),
    path("appeals/<str:reference>/copies/new/", staff.copy_record, name="copy_record"),
    path("copies/<int:copy_id>/removed/", staff.copy_removed, name="copy_removed"),
]
