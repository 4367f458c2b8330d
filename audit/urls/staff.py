from django.urls import path

from ..views import staff

app_name = "audit_staff"
urlpatterns = [
    path("", staff.audit_log, name="log"),
]
