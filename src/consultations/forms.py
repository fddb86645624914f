"""The intake form: one set of rules for the web page and the JSON API."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.models import Case, Category, Contact
from core import languages
from core.validation import StorableCharField

MAX_DESCRIPTION = 5000


def free_text(label: Any, **kwargs: Any) -> forms.CharField:
    """Return the field for a resident's own words: one set of limits for intake and messages."""
    messages = {
        "required": _("Tell us what happened or what you want to know."),
        "max_length": _("Please write less than %(limit_value)d characters."),
        # NUL and lone surrogates (core.validation), in words for residents.
        "unstorable": _("Your text contains a character we cannot store. Remove it and try again."),
        **kwargs.pop("error_messages", {}),
    }
    return StorableCharField(
        label=label,
        max_length=MAX_DESCRIPTION,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages=messages,
        **kwargs,
    )


def _choices_of_languages() -> list[tuple[str, str]]:
    return [(lang.code, lang.name) for lang in languages.LANGUAGES]


class IntakeForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Which language do you want us to use?"),
        choices=_choices_of_languages,
        error_messages={
            "required": _("Choose the language we should use."),
            "invalid_choice": _("Choose the language we should use."),
        },
    )
    category = forms.ChoiceField(
        label=_("What is your question about?"),
        choices=Category.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what your question is about."),
            "invalid_choice": _("Choose what your question is about."),
        },
    )
    description = free_text(
        _("What happened? What do you want to know?"),
        help_text=_("Write in any language. You do not need to write in Japanese."),
    )
    name = StorableCharField(label=_("Your name (optional)"), max_length=100, required=False)
    preferred_contact = forms.ChoiceField(
        label=_("How should we contact you?"),
        choices=Contact.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how we should contact you."),
            "invalid_choice": _("Choose how we should contact you."),
        },
    )
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        # The column's size (254), not the form default (320): a longer one would not fit.
        max_length=Case._meta.get_field("email").max_length,
        error_messages={
            "invalid": _("Enter an email address like name@example.com."),
            "max_length": _("An email address can have at most %(limit_value)d characters."),
        },
    )
    phone = StorableCharField(
        label=_("Phone number"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    interpreter_language = forms.ChoiceField(
        label=_("Do you need an interpreter?"),
        choices=lambda: [("", _("No interpreter needed"))] + _choices_of_languages()[2:],
        required=False,
        error_messages={"invalid_choice": _("Choose a language from the list.")},
    )
    consent = forms.BooleanField(
        label=_("I agree that the Plaza keeps and uses this information as explained above."),
        error_messages={"required": _("To send your question, you need to agree.")},
    )
    # Hidden from people by CSS and aria-hidden; bots fill it. A filled one is flagged, not dropped.
    website = forms.CharField(required=False, label="website")

    def describe(self) -> None:
        """Point every input at its hint and error messages, for screen readers."""
        for name, field in self.fields.items():
            ids = []
            if field.help_text:
                ids.append(f"id_{name}-hint")
            if name in self.errors:
                ids.append(f"id_{name}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)

    def error_links(self) -> list[tuple[str, str]]:
        """Return (anchor, message) for the error summary, in the order of the fields."""
        links: list[tuple[str, str]] = []
        for name, field in self.fields.items():
            anchor = f"id_{name}_0" if isinstance(field.widget, forms.RadioSelect) else f"id_{name}"
            links.extend((anchor, str(message)) for message in self.errors.get(name, []))
        return links

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        contact = data.get("preferred_contact")
        if contact == Contact.EMAIL and not data.get("email") and "email" not in self.errors:
            self.add_error("email", _("Enter your email address, so we can answer you."))
        if contact == Contact.PHONE and not data.get("phone"):
            self.add_error("phone", _("Enter your phone number, so we can call you."))
        phone = data.get("phone", "")
        if phone and sum(c.isdigit() for c in phone) < 9:
            self.add_error("phone", _("Enter a phone number with at least 9 digits."))
        return data


class MessageForm(forms.Form):
    """The resident's answer on the status page: the same limits as the intake description."""

    text = free_text(
        _("Your answer"),
        help_text=_("Write in any language. You do not need to write in Japanese."),
        error_messages={"required": _("Write your answer first.")},
    )

    def describe(self) -> None:
        """Point the textarea at its hint and error message, for screen readers."""
        ids = ["id_text-hint"]
        if "text" in self.errors:
            ids.append("id_text-error")
            self.fields["text"].widget.attrs["aria-invalid"] = "true"
        self.fields["text"].widget.attrs["aria-describedby"] = " ".join(ids)
