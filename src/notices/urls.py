from django.urls import path

from notices import api, staff_views, stats_views, views

app_name = "notices"

urlpatterns = [
    path("n/", views.lookup, name="lookup"),
    path("n/<str:code>", views.landing, name="landing"),
    path("n/<str:code>/print", views.print_sheet, name="print"),
    path("n/<str:code>/qr.<str:kind>", views.qr_file, name="qr"),
    path("api/notices", api.notice_list, name="api-list"),
    path("staff/notices/", staff_views.notice_list, name="staff-list"),
    # Before <code>/: "scans" is no notice code (codes have 6 characters), but order keeps it clear.
    path("staff/notices/scans/", stats_views.scans, name="staff-scans"),
    path("staff/notices/scans.csv", stats_views.scans_csv, name="staff-scans-csv"),
    path("staff/notices/<str:code>/", staff_views.notice_detail, name="staff-detail"),
    path("staff/notices/<str:code>/preview/<str:lang>", staff_views.preview, name="staff-preview"),
    path(
        "staff/notices/<str:code>/translate/<str:lang>",
        staff_views.translate,
        name="staff-translate",
    ),
    path("staff/translations/", staff_views.coverage_matrix, name="staff-coverage"),
    path(
        "staff/notices/<str:code>/translate/<str:lang>/machine",
        staff_views.machine_translate,
        name="staff-machine-translate",
    ),
    path(
        "staff/notices/<str:code>/translate/<str:lang>/file.<str:fmt>",
        staff_views.exchange_export,
        name="staff-export",
    ),
    path(
        "staff/notices/<str:code>/translate/<str:lang>/import",
        staff_views.exchange_import,
        name="staff-import",
    ),
    path("staff/notices/<str:code>/publish", staff_views.publish, name="staff-publish"),
    path("staff/notices/<str:code>/withdraw", staff_views.withdraw, name="staff-withdraw"),
    path("staff/notices/<str:code>/supersede", staff_views.supersede, name="staff-supersede"),
]
