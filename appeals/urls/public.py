from django.urls import path

from ..feeds import PublicAppealsFeed
from ..views import public

app_name = "appeals"
urlpatterns = [
    path("", public.home, name="home"),
    path("appeals/", public.appeal_list, name="list"),
    path("appeals/feed/", PublicAppealsFeed(), name="feed"),
    path("appeals/<str:reference>/", public.appeal_detail, name="detail"),
    path(
        "appeals/<str:reference>/images/<uuid:public_id>/<str:size>.jpg",
        public.appeal_image,
        name="image",
    ),
    path("how-to-help/", public.how_to_help, name="how_to_help"),
]
