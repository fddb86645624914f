"""The notice editor's forms: the letter itself, its repeated parts, and new catalog entries."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from notices.models import (
    FAQ,
    Document,
    Fee,
    Link,
    Notice,
    NoticeDocument,
    NoticeOffice,
    Office,
    Step,
)

MAX_ROWS = 40  # per kind of part; a letter with more steps than this is a form error, not a page


class HttpsURLField(forms.URLField):
    """A URL field that reads "www.city.kumamoto.jp" as https://, as Django 6 will."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class NoticeForm(forms.ModelForm):
    class Meta:
        model = Notice
        fields = [
            "title",
            "topic",
            "summary",
            "deadline",
            "deadline_note",
            "show_era",
            "contact",
        ]
        widgets = {
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "deadline_note": forms.Textarea(attrs={"rows": 2}),
            "contact": forms.Textarea(attrs={"rows": 2}),
        }


class PartForm(forms.ModelForm):
    def has_changed(self) -> bool:
        # A new row that only got a position (the script numbers every row) is still empty.
        return any(name not in ("ORDER", "DELETE") for name in self.changed_data)


class PartFormSet(BaseInlineFormSet):  # type: ignore[type-arg]
    """An inline formset whose rows can be removed and reordered, with a label per row."""

    # Set by each kind: the row label (with %(number)s) and the name of the add button.
    row_label: Any = ""
    title: Any = ""
    add_label: Any = ""

    def add_fields(self, form: forms.BaseForm, index: int | None) -> None:
        super().add_fields(form, index)
        form.fields["ORDER"].label = _("Position")
        form.fields["ORDER"].widget.attrs.update({"min": 0, "class": "order"})
        form.fields["DELETE"].label = _("Remove")


def _parts(
    model: type[Any],
    fields: list[str],
    *,
    title: Any,
    row_label: Any,
    add_label: Any,
    **options: Any,
) -> type[PartFormSet]:
    formset = cast(
        type[PartFormSet],
        inlineformset_factory(
            Notice,
            model,
            form=PartForm,
            formset=PartFormSet,
            fields=fields,
            extra=0,
            can_delete=True,
            can_order=True,
            max_num=MAX_ROWS,
            validate_max=True,
            **options,
        ),
    )
    formset.title, formset.row_label, formset.add_label = title, row_label, add_label
    return formset


StepFormSet = _parts(
    Step,
    ["text"],
    widgets={"text": forms.Textarea(attrs={"rows": 2})},
    title=_("What you must do"),
    row_label=_("Step %(number)s"),
    add_label=_("Add a step"),
)
FeeFormSet = _parts(
    Fee,
    ["label", "amount"],
    title=_("Fees and amounts"),
    row_label=_("Fee %(number)s"),
    add_label=_("Add a fee"),
)
LinkFormSet = _parts(
    Link,
    ["label", "url"],
    field_classes={"url": HttpsURLField},
    title=_("More information"),
    row_label=_("Link %(number)s"),
    add_label=_("Add a link"),
)
FAQFormSet = _parts(
    FAQ,
    ["question", "answer"],
    widgets={"answer": forms.Textarea(attrs={"rows": 3})},
    title=_("Questions"),
    row_label=_("Question %(number)s"),
    add_label=_("Add a question"),
)
OfficeFormSet = _parts(
    NoticeOffice,
    ["office"],
    title=_("Where"),
    row_label=_("Office %(number)s"),
    add_label=_("Add an office from the list"),
)
DocumentFormSet = _parts(
    NoticeDocument,
    ["document"],
    title=_("What to bring"),
    row_label=_("Document %(number)s"),
    add_label=_("Add a document from the list"),
)

# Page order of the repeated parts, by formset prefix.
PART_FORMSETS: dict[str, type[PartFormSet]] = {
    "steps": StepFormSet,
    "documents": DocumentFormSet,
    "fees": FeeFormSet,
    "offices": OfficeFormSet,
    "links": LinkFormSet,
    "faqs": FAQFormSet,
}


@dataclass
class NoticeEditor:
    """The whole editor page: the notice form and one formset per kind of part."""

    form: NoticeForm
    parts: dict[str, PartFormSet]

    def is_valid(self) -> bool:
        results = [self.form.is_valid()] + [fs.is_valid() for fs in self.parts.values()]
        return all(results)

    @property
    def has_errors(self) -> bool:
        return bool(self.form.errors) or any(fs.total_error_count() for fs in self.parts.values())


def build_editor(
    notice: Notice | None, data: Mapping[str, Any] | None = None, *, add: str = ""
) -> NoticeEditor:
    """Return the editor for a notice (None: a new one); `add` asks one more row of a part."""
    if data is not None and add in PART_FORMSETS:
        copy = data.copy()  # type: ignore[attr-defined]
        key = f"{add}-TOTAL_FORMS"
        # A tampered count stays as it is: the formset then reports its management form.
        with contextlib.suppress(ValueError):
            copy[key] = str(min(int(copy.get(key, "0")) + 1, MAX_ROWS))
        data = copy
    instance = notice or Notice()
    form = NoticeForm(data, instance=instance)
    parts = {}
    for prefix, formset_class in PART_FORMSETS.items():
        parts[prefix] = formset_class(data, instance=instance, prefix=prefix)
        if notice is None and data is None and prefix == "steps":
            parts[prefix].extra = 1  # a new letter starts with one empty step
    return NoticeEditor(form, parts)


def unique_slug(model: type[Office] | type[Document], name: str, fallback: str) -> str:
    """Return a slug for a new catalog entry (Japanese names slugify to nothing)."""
    base = slugify(name) or fallback
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


class OfficeForm(forms.ModelForm):
    class Meta:
        model = Office
        fields = ["name", "address", "hours", "phone", "map_url"]
        field_classes = {"map_url": HttpsURLField}


class DocumentForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["name", "note"]


# Fields written in Japanese for residents: the Easy-Japanese check runs beside each of them.
CHECKED_FIELDS = {"": ("summary", "deadline_note", "contact"), "steps": ("text",)}
CHECKED_FIELDS["faqs"] = ("question", "answer")


def _check_fields(form: forms.BaseForm, names: tuple[str, ...], check: Any) -> None:
    # Bound fields are cached per form, so the template finds the report on the field it renders.
    for name in names:
        bound = form[name]
        bound.checked = True  # type: ignore[attr-defined]
        bound.easy = check(bound.value() or "")  # type: ignore[attr-defined]


def describe_errors(form: forms.BaseForm) -> None:
    """Tie each field's error message to the field, so a screen reader reads it with the field."""
    if not form.is_bound:
        return
    for name in form.errors:
        if name in form.fields:
            form.fields[name].widget.attrs["aria-describedby"] = f"{form[name].auto_id}_error"


def prepare(editor: NoticeEditor, check: Any) -> None:
    """Give each row its human title and each checked field its Easy-Japanese report."""
    _check_fields(editor.form, CHECKED_FIELDS[""], check)
    describe_errors(editor.form)
    for prefix, formset in editor.parts.items():
        names = CHECKED_FIELDS.get(prefix, ())
        for number, form in enumerate(formset.forms, start=1):
            form.row_title = formset.row_label % {"number": number}  # type: ignore[attr-defined]
            _check_fields(form, names, check)
            describe_errors(form)
        empty = formset.empty_form
        empty.row_title = formset.row_label % {"number": "__n__"}  # type: ignore[attr-defined]
        _check_fields(empty, names, lambda text: None)
        formset.empty_row = empty  # type: ignore[attr-defined]
