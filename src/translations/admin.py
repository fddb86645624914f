from django.contrib import admin

from translations.models import GlossaryTerm, MemoryEntry, ProviderUsage, TranslationJob


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(admin.ModelAdmin):
    list_display = ("term", "language", "translation")
    list_filter = ("language",)
    search_fields = ("term", "translation")


@admin.register(MemoryEntry)
class MemoryEntryAdmin(admin.ModelAdmin):
    list_display = ("source", "language", "target", "origin", "updated_at")
    list_filter = ("language",)
    search_fields = ("source", "target")


@admin.register(TranslationJob)
class TranslationJobAdmin(admin.ModelAdmin):
    list_display = ("label", "provider", "status", "done", "total", "filled", "created_at")
    list_filter = ("status", "provider")


@admin.register(ProviderUsage)
class ProviderUsageAdmin(admin.ModelAdmin):
    list_display = ("provider", "month", "characters", "requests")
