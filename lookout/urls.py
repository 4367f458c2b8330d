from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from api.urls import api

admin.site.site_header = "Lookout administration"
admin.site.site_title = "Lookout administration"

urlpatterns = [
    path("", include("appeals.urls.public")),
    path("", include("reporting.urls.public")),
    path("staff/", include("accounts.urls")),
    path("staff/appeals/", include("appeals.urls.staff")),
    path("staff/reports/", include("reporting.urls.staff")),
    path("staff/", include("intelligence.urls.staff")),
    path("staff/audit/", include("audit.urls.staff")),
    path("staff/admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("favicon.ico", RedirectView.as_view(url=static("lookout/favicon.svg"), permanent=True)),
]

# A database that cannot be reached answers 503 "not sent, please try again", not 500 (lookout/errors.py).
handler500 = "lookout.errors.server_error"
