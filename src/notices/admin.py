"""Editing the Japanese source of notices and the shared catalogs."""

from django.contrib import admin

from notices import models


class StepInline(admin.TabularInline):
    model = models.Step
    extra = 1


class FeeInline(admin.TabularInline):
    model = models.Fee
    extra = 0


class LinkInline(admin.TabularInline):
    model = models.Link
    extra = 0


class FAQInline(admin.StackedInline):
    model = models.FAQ
    extra = 0


class OfficeInline(admin.TabularInline):
    model = models.NoticeOffice
    extra = 0


class DocumentInline(admin.TabularInline):
    model = models.NoticeDocument
    extra = 0


@admin.register(models.Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ("code", "title", "topic", "status", "deadline", "revision")
    list_filter = ("status", "topic")
    search_fields = ("code", "title")
    readonly_fields = ("code", "status", "superseded_by", "published_at", "withdrawn_at")
    inlines = [StepInline, DocumentInline, OfficeInline, FeeInline, LinkInline, FAQInline]


@admin.register(models.Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("slug", "name", "order")


@admin.register(models.Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ("slug", "name", "phone")


@admin.register(models.Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("slug", "name")
