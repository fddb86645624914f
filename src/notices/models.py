"""Printed notices explained on the web, and the catalogs they share."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from notices import codes
from translations.models import Translatable


class Topic(Translatable):
    translatable_fields = ("name",)
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name


class Office(Translatable):
    translatable_fields = ("name", "address", "hours")
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300)
    hours = models.CharField(_("opening hours"), max_length=300)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    map_url = models.URLField(_("map link"), blank=True)

    def __str__(self) -> str:
        return self.name


class Document(Translatable):
    translatable_fields = ("name", "note")
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=200)
    note = models.CharField(_("note"), max_length=300, blank=True)

    def __str__(self) -> str:
        return self.name


class NoticeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    SUPERSEDED = "superseded", _("Superseded")


def _unused_code() -> str:
    while True:
        code = codes.new_code()
        if not Notice.objects.filter(code=code).exists():
            return code


class Notice(Translatable):
    translatable_fields = ("title", "summary", "deadline_note", "contact")
    code = models.CharField(max_length=8, unique=True, default=_unused_code, editable=False)
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, verbose_name=_("topic"))
    status = models.CharField(
        max_length=12, choices=NoticeStatus.choices, default=NoticeStatus.DRAFT
    )
    superseded_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="supersedes"
    )
    title = models.CharField(_("title (as printed on the letter)"), max_length=200)
    summary = models.TextField(_("what this letter is"))
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    deadline_note = models.TextField(_("about the deadline"), blank=True)
    show_era = models.BooleanField(_("the letter uses Japanese era dates"), default=False)
    contact = models.TextField(_("who to ask"), blank=True)
    offices: models.ManyToManyField[Office, NoticeOffice] = models.ManyToManyField(
        Office, through="NoticeOffice", blank=True
    )
    documents: models.ManyToManyField[Document, NoticeDocument] = models.ManyToManyField(
        Document, through="NoticeDocument", blank=True
    )
    is_sample = models.BooleanField(_("sample content"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["topic__order", "title"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("notices:landing", args=[self.code])

    @property
    def is_public(self) -> bool:
        return self.status != NoticeStatus.DRAFT

    def parts(self) -> list[Translatable]:
        """Return every translatable object shown on this notice's page."""
        return [
            self,
            self.topic,
            *self.steps.all(),
            *self.fees.all(),
            *self.links.all(),
            *self.faqs.all(),
            *self.ordered_offices(),
            *self.ordered_documents(),
        ]

    def ordered_offices(self) -> list[Office]:
        return [link.office for link in self.noticeoffice_set.select_related("office")]

    def ordered_documents(self) -> list[Document]:
        return [link.document for link in self.noticedocument_set.select_related("document")]

    def days_left(self, today: datetime.date | None = None) -> int | None:
        if self.deadline is None:
            return None
        return (self.deadline - (today or timezone.localdate())).days


class NoticeOffice(models.Model):
    notice = models.ForeignKey(Notice, on_delete=models.CASCADE)
    office = models.ForeignKey(Office, on_delete=models.PROTECT)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return f"{self.notice_id} → {self.office_id}"


class NoticeDocument(models.Model):
    notice = models.ForeignKey(Notice, on_delete=models.CASCADE)
    document = models.ForeignKey(Document, on_delete=models.PROTECT)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return f"{self.notice_id} → {self.document_id}"


class Step(Translatable):
    translatable_fields = ("text",)
    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(_("what to do"))

    class Meta:
        ordering = ["order", "pk"]


class Fee(Translatable):
    translatable_fields = ("label",)
    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="fees")
    order = models.PositiveSmallIntegerField(default=0)
    label = models.CharField(_("what it is for"), max_length=300)
    amount = models.PositiveIntegerField(_("amount in yen"), null=True, blank=True)

    class Meta:
        ordering = ["order", "pk"]


class Link(Translatable):
    translatable_fields = ("label",)
    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="links")
    order = models.PositiveSmallIntegerField(default=0)
    url = models.URLField()
    label = models.CharField(_("label"), max_length=300)

    class Meta:
        ordering = ["order", "pk"]


class FAQ(Translatable):
    translatable_fields = ("question", "answer")
    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="faqs")
    order = models.PositiveSmallIntegerField(default=0)
    question = models.CharField(_("question"), max_length=300)
    answer = models.TextField(_("answer"))

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "FAQ"


class EventKind(models.TextChoices):
    CREATED = "created", _("Created")
    EDITED = "edited", _("Edited")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    SUPERSEDED = "superseded", _("Superseded")


class NoticeEvent(models.Model):
    """One change in a notice's life and who made it: the notice's audit trail.

    Publishing with gaps stores the gaps the person confirmed, so it stays known later what was
    missing when the notice went out.
    """

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=12, choices=EventKind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    at = models.DateTimeField(auto_now_add=True)
    revision = models.PositiveIntegerField(default=1)  # the notice's source revision after it
    with_gaps = models.BooleanField(default=False)  # published although the checklist had gaps
    detail = models.JSONField(default=dict, blank=True)  # changed parts, or the gaps confirmed

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.notice_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"


class ScanCount(models.Model):
    """How often a notice's page was opened, per language and day — nothing about who."""

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="scans")
    language = models.CharField(max_length=12)
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["notice", "language", "day"], name="one_count_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.notice_id} {self.language} {self.day}: {self.count}"
