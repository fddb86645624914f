from django.urls import path

from writing import views

app_name = "writing"

urlpatterns = [
    path("staff/write/", views.assistant, name="assistant"),
]
