from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "tabunka"
admin.site.site_title = "tabunka"

urlpatterns = [
    path("", include("core.urls")),
    path("", include("notices.urls")),
    path("", include("translations.urls")),
    path("", include("writing.urls")),
    path("", include("consultations.urls")),
    path("accounts/", include("accounts.urls")),
    path("staff/admin/", admin.site.urls),
]
