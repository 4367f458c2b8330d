from django.contrib.auth import views as auth_views
from django.urls import path

from lookout.views import staff_home

app_name = "staff"
urlpatterns = [
    path("", staff_home, name="home"),
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="accounts/login.html", redirect_authenticated_user=True),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
