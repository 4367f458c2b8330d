from django.contrib.auth import views as auth_views
from django.urls import path

from lookout.views import staff_home

from .views import SignInView, two_factor

app_name = "staff"
urlpatterns = [
    path("", staff_home, name="home"),
    path("login/", SignInView.as_view(), name="login"),
    path("two-factor/", two_factor, name="two_factor"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
