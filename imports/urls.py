from django.urls import path

from . import views

app_name = "imports_staff"
urlpatterns = [
    path("", views.import_upload, name="upload"),
]
