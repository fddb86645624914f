"""Consultations at the Plaza: cases, their handling, appointments, FAQ, audit and statistics."""

from __future__ import annotations

import datetime
import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from translations.models import Translatable

# No 0/O, 1/I/L, U/V or 5/S pairs: references are read aloud on the phone and copied by hand.
REFERENCE_ALPHABET = "2346789ABCDEFGHJKMNPQRTWXYZ"
REFERENCE_LENGTH = 8


class Category(models.TextChoices):
    RESIDENCE = "residence", _("Residence status and visas")
    HEALTH_INSURANCE = "health-insurance", _("Health insurance")
    PENSION = "pension", _("Pension")
    TAX = "tax", _("Taxes")
    CHILDCARE = "childcare", _("Children, childcare and school")
    HOUSING = "housing", _("Housing")
    WORK = "work", _("Work")
    MEDICAL = "medical", _("Medical care and health")
    DAILY_LIFE = "daily-life", _("Daily life and procedures")
    OTHER = "other", _("Something else")


class Channel(models.TextChoices):
    WEB = "web", _("Web form")
    API = "api", _("App (API)")
    PHONE = "phone", _("Phone")
    VISIT = "visit", _("Visit")
    # A context: django.contrib.auth's catalog also has "Email" and would win (pt-BR "Email").
    EMAIL = "email", pgettext_lazy("contact channel", "Email")


class Contact(models.TextChoices):
    PHONE = "phone", _("Phone")
    # A context: django.contrib.auth's catalog also has "Email" and would win (pt-BR "Email").
    EMAIL = "email", pgettext_lazy("contact channel", "Email")
    VISIT = "visit", _("Visit the Plaza")


class CaseStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in-progress", _("In progress")
    WAITING = "waiting", _("Waiting for the resident")
    CLOSED = "closed", _("Closed")


def new_reference() -> str:
    """Return a random reference like 7KMQ-4XRT (uniqueness is checked when saving)."""
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))
    return f"{chars[:4]}-{chars[4:]}"


def hash_token(token: str) -> str:
    """Return the stored form of a status-link token; the token itself is never stored."""
    return hashlib.sha256(token.encode()).hexdigest()


def retention_for(category: str) -> datetime.timedelta:
    """Return how long a case of this category is kept after its last change (see retention.py)."""
    days = settings.TABUNKA_CONSULT_RETENTION_DAYS
    return datetime.timedelta(days=days.get(category, days["default"]))


class CounselorGroup(models.Model):
    """Counselors who take cases in some languages and categories (empty list = any)."""

    name = models.CharField(max_length=100, unique=True)
    languages = models.JSONField(default=list, blank=True)
    categories = models.JSONField(default=list, blank=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="counselor_groups")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def takes(self, language: str, category: str) -> int:
        """Return how well this group fits a case: 3 both match, 2 language, 1 category, 0 none."""
        lang_ok = not self.languages or language in self.languages
        cat_ok = not self.categories or category in self.categories
        if not (lang_ok and cat_ok):
            return 0
        return 1 + bool(self.languages) + bool(self.categories)


class Case(models.Model):
    reference = models.CharField(max_length=9, unique=True, default=new_reference)
    token_hash = models.CharField(max_length=64, unique=True)
    language = models.CharField(max_length=12)
    category = models.CharField(max_length=20, choices=Category.choices)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    # Personal data: everything below until `status` is deleted by purge and erasure.
    description = models.TextField()
    name = models.CharField(max_length=100, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    preferred_contact = models.CharField(max_length=10, choices=Contact.choices)
    interpreter_language = models.CharField(max_length=12, blank=True)
    client_hash = models.CharField(max_length=64, blank=True)  # for rate limits only
    consent_at = models.DateTimeField()
    # A description is assumed to hold health, immigration or family matters (APPI 要配慮).
    special_care = models.BooleanField(default=True)
    status = models.CharField(max_length=12, choices=CaseStatus.choices, default=CaseStatus.NEW)
    flagged = models.CharField(max_length=20, blank=True)  # "rate-limit", "honeypot": still kept
    group = models.ForeignKey(CounselorGroup, null=True, blank=True, on_delete=models.SET_NULL)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
    )
    faqs: models.ManyToManyField[FaqEntry, Any] = models.ManyToManyField(
        "FaqEntry", blank=True, related_name="cases"
    )
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "language", "category"]),
            models.Index(fields=["client_hash", "created_at"]),
            models.Index(fields=["expires_at"]),
        ]
        permissions = [
            ("handle_case", "Can handle consultations of own groups"),
            ("supervise_case", "Can see and handle every consultation"),
        ]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("consultations:staff-case", args=[self.reference])

    def renew_expiry(self, now: datetime.datetime | None = None) -> None:
        """Start the retention period again from now (at intake and every later change)."""
        self.expires_at = (now or timezone.now()) + retention_for(self.category)


class Note(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    text = models.TextField()
    special_care = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.case_id}: note {self.pk}"


class ContactLog(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="contacts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    summary = models.TextField()
    interpreter_language = models.CharField(max_length=12, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at"]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.channel} {self.at:%Y-%m-%d}"


class FollowUp(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="followups")
    due = models.DateField()
    text = models.CharField(max_length=300)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due"]

    def __str__(self) -> str:
        return f"{self.case_id}: due {self.due}"


class Handover(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="handovers")
    from_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at"]

    def __str__(self) -> str:
        return f"{self.case_id}: handover {self.pk}"


class Slot(models.Model):
    """An appointment time at the Plaza, with the interpreters on duty then."""

    start = models.DateTimeField()
    minutes = models.PositiveSmallIntegerField(default=30)
    interpreter_languages = models.JSONField(default=list)
    capacity = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["start"]

    def __str__(self) -> str:
        return f"{timezone.localtime(self.start):%Y-%m-%d %H:%M}"


class Appointment(models.Model):
    slot = models.ForeignKey(Slot, on_delete=models.PROTECT, related_name="appointments")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="appointments")
    interpreter_language = models.CharField(max_length=12, blank=True)
    booked_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["slot__start"]

    def __str__(self) -> str:
        return f"{self.case_id} @ {self.slot}"


class Message(models.Model):
    """A message in the case's thread: from a counselor to the resident, or the resident's answer.

    The resident reads and answers on the private status page; a mail only says that there is a
    new message, never what it says.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="messages")
    # The counselor who wrote it; None for the resident's messages (and for deleted staff users).
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    from_resident = models.BooleanField(default=False)
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    # For the resident's messages: when a counselor first opened the case after it arrived.
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["case", "from_resident", "seen_at"])]

    def __str__(self) -> str:
        return f"{self.case_id}: message {self.pk}"


class StatusLink(models.Model):
    """A further private link to a case's status page, made for one mail (only its hash is kept).

    The first link is the case's own `token_hash`; a mail that needs a link gets a new one, so
    that no token is ever stored or queued in clear.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="links")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.case_id}: link {self.pk}"


class ClosingDay(models.Model):
    """A one-off closing day of the Plaza, besides the regular ones in the settings."""

    day = models.DateField(unique=True)
    reason = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day:%Y-%m-%d} {self.reason}".strip()


class AuditEntry(models.Model):
    """Who saw or changed which case, and when. Outlives the case: the reference stays."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    action = models.CharField(max_length=30)
    case = models.ForeignKey(Case, null=True, on_delete=models.SET_NULL, related_name="audit")
    reference = models.CharField(max_length=9, blank=True)
    at = models.DateTimeField(default=timezone.now)
    detail = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["reference", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.reference}"


class MonthlyStat(models.Model):
    """Anonymous counts kept when cases are purged: month × language × category × channel."""

    month = models.DateField()  # the first day of the month
    language = models.CharField(max_length=12)
    category = models.CharField(max_length=20)
    channel = models.CharField(max_length=10)
    opened = models.PositiveIntegerField(default=0)
    closed = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["month", "language", "category", "channel"]
        constraints = [
            models.UniqueConstraint(
                fields=["month", "language", "category", "channel"], name="one_stat_per_cell"
            )
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.language} {self.category} {self.channel}"


class FaqEntry(Translatable):
    """A self-help answer; question and answer are translated through the translation workflow."""

    translatable_fields = ("question", "answer")
    slug = models.SlugField(unique=True)
    category = models.CharField(max_length=20, choices=Category.choices)
    question = models.CharField(max_length=300)
    answer = models.TextField()
    keywords = models.CharField(max_length=300, blank=True)
    published = models.BooleanField(default=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.slug


class FaqVector(models.Model):
    """The embedding of one FAQ entry's text in one language, computed when the entry is saved."""

    entry = models.ForeignKey(FaqEntry, on_delete=models.CASCADE, related_name="vectors")
    language = models.CharField(max_length=12)
    text_hash = models.CharField(max_length=64)
    vector = models.BinaryField()  # float32 × 384, L2-normalised
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "language"], name="one_vector_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.entry_id}[{self.language}]"
