from django.urls import path

from ..views import embed

app_name = "embed"
urlpatterns = [
    path("appeals/", embed.embed_appeals, name="appeals"),
]
