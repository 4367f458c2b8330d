from django.urls import path

from ..views import public

app_name = "distribution"
urlpatterns = [
    path("appeals/alerts.cap.xml", public.cap_index, name="cap_index"),
    path("cap/<str:reference>.xml", public.cap_message, name="cap_message"),
]
