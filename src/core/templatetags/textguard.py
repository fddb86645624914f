"""`{{ name|visible_controls }}`: a name staff read, with its bidi controls shown, not obeyed."""

from __future__ import annotations

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeData, SafeString, mark_safe

from core.validation import BIDI_CONTROLS

register = template.Library()


@register.filter
def visible_controls(value: object) -> SafeString:
    """Return the escaped text in <bdi>, each bidi control written out as <U+XXXX>.

    <bdi> keeps the name's direction from leaking into the sentence around it; the written-out
    control shows staff that someone tried to reorder what they read.
    """
    if value is None or value == "":
        return mark_safe("")  # noqa: S308 - a constant
    escaped = str(conditional_escape(value if isinstance(value, SafeData) else str(value)))
    shown = BIDI_CONTROLS.sub(lambda m: f"&lt;U+{ord(m.group()):04X}&gt;", escaped)
    return format_html("<bdi>{}</bdi>", mark_safe(shown))  # noqa: S308 - escaped above
