from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "tabunka"
admin.site.site_title = "tabunka"

# Error pages in the phone layout and the reader's language (used when DEBUG is off).
handler400 = "core.errors.bad_request"
handler403 = "core.errors.permission_denied"
handler404 = "core.errors.page_not_found"
handler500 = "core.errors.server_error"

urlpatterns = [
    path("", include("core.urls")),
    path("", include("notices.urls")),
    path("", include("translations.urls")),
    path("", include("writing.urls")),
    path("", include("consultations.urls")),
    path("accounts/", include("accounts.urls")),
    path("staff/admin/", admin.site.urls),
    path("", include("api.urls")),  # last: anything else under /api/ is a JSON 404
]
