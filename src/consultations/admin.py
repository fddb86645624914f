"""FAQ entries, counselor groups and slots in the admin. Cases are not here: only the audited
back office shows them."""

from typing import Any

from django.contrib import admin

from consultations import search
from consultations.models import CounselorGroup, FaqEntry, Slot


@admin.register(FaqEntry)
class FaqEntryAdmin(admin.ModelAdmin):
    list_display = ("slug", "question", "category", "published", "revision")
    list_filter = ("category", "published")
    search_fields = ("slug", "question", "keywords")

    def save_model(self, request: Any, obj: FaqEntry, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        search.index_entry(obj)  # vectors are made when an entry changes, never per request


@admin.register(CounselorGroup)
class CounselorGroupAdmin(admin.ModelAdmin):
    list_display = ("name", "languages", "categories", "order")
    filter_horizontal = ("members",)


@admin.register(Slot)
class SlotAdmin(admin.ModelAdmin):
    list_display = ("start", "minutes", "interpreter_languages", "capacity")
    date_hierarchy = "start"
