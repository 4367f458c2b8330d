from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from accounts import urls as accounts_urls
from api.urls import api

from .health import healthz
from .views import staff_home

admin.site.site_header = "Lookout administration"
admin.site.site_title = "Lookout administration"

# The staff area's home page (lookout.views: it draws on several apps) and signing in (accounts) share the
# "staff" namespace; the apps never import the project's views.
staff_patterns = ([path("", staff_home, name="home"), *accounts_urls.urlpatterns], accounts_urls.app_name)

urlpatterns = [
    path("", include("appeals.urls.public")),
    path("", include("reporting.urls.public")),
    path("", include("distribution.urls.public")),
    path("embed/", include("appeals.urls.embed")),
    path("staff/", include(staff_patterns)),
    path("staff/appeals/", include("appeals.urls.staff")),
    path("staff/reports/", include("reporting.urls.staff")),
    path("staff/distribution/", include("distribution.urls.staff")),
    path("staff/", include("intelligence.urls.staff")),
    path("staff/imports/", include("imports.urls")),
    path("staff/admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", RedirectView.as_view(url=static("lookout/favicon.svg"), permanent=True)),
]

# A database that cannot be reached answers 503 "not sent, please try again", not 500 (lookout/errors.py).
handler500 = "lookout.errors.server_error"
