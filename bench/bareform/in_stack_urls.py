"""Lookout's URLs with the bare form view's in front, at /bare/form/ (bench/bareform/in_stack.py)."""

from django.urls import include, path

from lookout.urls import urlpatterns as lookout_urlpatterns

urlpatterns = [path("bare/", include("bench.bareform.views")), *lookout_urlpatterns]
