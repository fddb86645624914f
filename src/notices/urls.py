from django.urls import path

from notices import calendar_views, editor_views, staff_views, stats_views, views

app_name = "notices"

urlpatterns = [
    path("n/", views.lookup, name="lookup"),
    path("n/<str:code>", views.landing, name="landing"),
    path("n/<str:code>/print", views.print_sheet, name="print"),
    path("n/<str:code>/deadline.ics", calendar_views.deadline_ics, name="deadline-ics"),
    path("n/<str:code>/qr.<str:kind>", views.qr_file, name="qr"),
    path("staff/notices/", staff_views.notice_list, name="staff-list"),
    path("staff/notices/new", editor_views.notice_new, name="staff-new"),
    # Before <code>/: "scans" is no notice code (codes have 6 characters), but order keeps it clear.
    path("staff/notices/scans/", stats_views.scans, name="staff-scans"),
    path("staff/notices/scans.csv", stats_views.scans_csv, name="staff-scans-csv"),
    path("staff/notices/<str:code>/", staff_views.notice_detail, name="staff-detail"),
    path("staff/notices/<str:code>/edit", editor_views.notice_edit, name="staff-edit"),
    path("staff/notices/<str:code>/offices/new", editor_views.office_new, name="staff-office-new"),
    path(
        "staff/notices/<str:code>/documents/new",
        editor_views.document_new,
        name="staff-document-new",
    ),
    path(
        "staff/notices/<str:code>/publish/machine",
        editor_views.machine_translate_missing,
        name="staff-publish-machine",
    ),
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
    path("staff/notices/<str:code>/publish", editor_views.publish, name="staff-publish"),
    path("staff/notices/<str:code>/withdraw", staff_views.withdraw, name="staff-withdraw"),
    path("staff/notices/<str:code>/supersede", staff_views.supersede, name="staff-supersede"),
]
