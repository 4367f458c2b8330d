"""An Atom feed of published appeals, for newsrooms and partners. Closed appeals drop out at once."""

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils.feedgenerator import Atom1Feed

from .selectors import PublicAppeal, public_appeals


class PublicAppealsFeed(Feed[PublicAppeal, None]):
    feed_type = Atom1Feed
    title = "Appeals: do you recognise anyone?"
    link = "/appeals/"
    subtitle = "Current appeals for wanted and missing people."

    def __call__(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = "no-cache"
        return response

    def items(self) -> list[PublicAppeal]:
        return public_appeals()[:50]

    def item_title(self, item: PublicAppeal) -> str:
        return item.title

    def item_description(self, item: PublicAppeal) -> str:
        return item.summary_line

    def item_link(self, item: PublicAppeal) -> str:
        return item.url
