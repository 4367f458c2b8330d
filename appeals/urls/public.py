from django.urls import path

from ..feeds import views as feeds
from ..views import public

app_name = "appeals"
urlpatterns = [
    path("", public.home, name="home"),
    path("appeals/", public.appeal_list, name="list"),
    path("appeals/feed.atom", feeds.atom_feed, name="feed_atom"),
    path("appeals/feed.json", feeds.json_feed, name="feed_json"),
    path("appeals/feed/", feeds.old_feed, name="feed_old"),
    path("appeals/<str:reference>/", public.appeal_detail, name="detail"),
    path("appeals/<str:reference>/card.png", public.appeal_card, name="card"),
    path("appeals/<str:reference>/poster.pdf", public.appeal_poster, name="poster"),
    path(
        "appeals/<str:reference>/images/<uuid:public_id>/<str:size>.jpg",
        public.appeal_image,
        name="image",
    ),
    path("how-to-help/", public.how_to_help, name="how_to_help"),
]
