from django.urls import path

from translations import views

app_name = "translations"

urlpatterns = [
    path("staff/translations/jobs/<int:pk>", views.job_status, name="job"),
    path("staff/translations/glossary/<str:lang>/", views.glossary_page, name="glossary"),
    path("staff/translations/glossary/<str:lang>/file.<str:kind>", views.download, name="download"),
    path("staff/translations/glossary/<str:lang>/import", views.upload, name="upload"),
]
