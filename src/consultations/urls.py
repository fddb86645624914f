from django.urls import path

from consultations import faq_views, staff_views, stats_views, views

app_name = "consultations"

_case = "staff/consultations/<str:reference>/"

urlpatterns = [
    path("consult/", views.intake, name="intake"),
    path("consult/faq", views.faq, name="faq"),
    path("consult/s/<str:token>", views.status, name="status"),
    path("consult/s/<str:token>/book", views.book, name="book"),
    path("consult/s/<str:token>/cancel", views.cancel, name="cancel"),
    path("consult/s/<str:token>/reply", views.reply, name="reply"),
    path("consult/s/<str:token>/appointment.ics", views.appointment_ics, name="appointment-ics"),
    path("staff/faq/", faq_views.faq_translations, name="staff-faq-translations"),
    path(
        "staff/faq/<slug:slug>/translate/<str:lang>",
        faq_views.faq_translate,
        name="staff-faq-translate",
    ),
    path("staff/consultations/", staff_views.queue, name="staff-queue"),
    path("staff/consultations/person/", staff_views.person, name="staff-person"),
    path(
        "staff/consultations/person/export", staff_views.person_export, name="staff-person-export"
    ),
    path("staff/consultations/person/erase", staff_views.person_erase, name="staff-person-erase"),
    path("staff/consultations/slots/", staff_views.slots, name="staff-slots"),
    path("staff/consultations/stats/", stats_views.statistics, name="staff-stats"),
    path("staff/consultations/stats.csv", stats_views.statistics_csv, name="staff-stats-csv"),
    path(_case, staff_views.case_detail, name="staff-case"),
    path(_case + "assign", staff_views.assign, name="staff-assign"),
    path(_case + "status", staff_views.set_status, name="staff-status"),
    path(_case + "note", staff_views.add_note, name="staff-note"),
    path(_case + "contact", staff_views.log_contact, name="staff-contact"),
    path(_case + "followup", staff_views.add_followup, name="staff-followup"),
    path(
        _case + "followup/<int:pk>/done", staff_views.complete_followup, name="staff-followup-done"
    ),
    path(_case + "faq", staff_views.link_faq, name="staff-link-faq"),
    path(_case + "message", staff_views.send_message, name="staff-message"),
    path(_case + "export", staff_views.export_case, name="staff-export"),
]
