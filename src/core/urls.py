from django.urls import path

from core import staff_views, views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("languages/", views.language_list, name="languages"),
    path("staff/", staff_views.home, name="staff-home"),
]
