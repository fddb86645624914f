"""FAQ entries, counselor groups and slots in the admin. Cases are not here: only the audited
back office shows them."""

from typing import Any

from django import forms
from django.contrib import admin

from consultations import opening, search
from consultations.models import ClosingDay, CounselorGroup, FaqEntry, Slot


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


class SlotForm(forms.ModelForm):
    class Meta:
        model = Slot
        fields = ("start", "minutes", "interpreter_languages", "capacity")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("minutes"):
            # The same rule as the back office: no slot on a closing day or after hours.
            opening.check_slot(data["start"], data["minutes"])
        return data


@admin.register(Slot)
class SlotAdmin(admin.ModelAdmin):
    form = SlotForm
    list_display = ("start", "minutes", "interpreter_languages", "capacity")
    date_hierarchy = "start"


@admin.register(ClosingDay)
class ClosingDayAdmin(admin.ModelAdmin):
    list_display = ("day", "reason")
    date_hierarchy = "day"
