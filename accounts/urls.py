"""Signing in and out of the staff pages. The staff home page, which draws on several apps, is the project's
(lookout.views); lookout.urls puts both in the one "staff" namespace."""

from django.contrib.auth import views as auth_views
from django.urls import path

from .views import SignInView, two_factor

app_name = "staff"
urlpatterns = [
    path("login/", SignInView.as_view(), name="login"),
    path("two-factor/", two_factor, name="two_factor"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
