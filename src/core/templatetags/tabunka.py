"""Render translated text with its own lang, furigana for Easy Japanese, and honest labels."""

from __future__ import annotations

import phonenumbers
from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from core import languages
from translations.services import Shown
from yasashii import ruby

register = template.Library()


_OPENERS = "(（[［"


def _plain(text: str) -> str:
    return str(escape(text)).replace("\n", "<br>")


def _body(shown: Shown) -> SafeString:
    """Return the text as HTML; phone numbers in it become tel: links."""
    # ruby() escapes everything it does not mark up; _plain escapes it all.
    render = ruby if shown.language == languages.EASY else _plain
    parts: list[str] = []
    start = 0
    for match in phonenumbers.PhoneNumberMatcher(shown.text, "JP"):
        # The matcher keeps an opening bracket, as in （096-328-2145）; leave it outside the link.
        raw = match.raw_string
        number_start = match.start + len(raw) - len(raw.lstrip(_OPENERS))
        parts.append(render(shown.text[start:number_start]))
        tel = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.RFC3966)
        parts.append(format_html('<a href="{}">{}</a>', tel, shown.text[number_start : match.end]))
        start = match.end
    parts.append(render(shown.text[start:]))
    return mark_safe("".join(parts))


@register.simple_tag(takes_context=True)
def show(context: template.Context, shown: Shown | None, tag: str = "span") -> SafeString:
    """Return a field as HTML: lang where it differs from the page, and why it is not translated."""
    if shown is None:
        return mark_safe("")
    page_lang = context.get("current_language") or languages.get(languages.SOURCE)
    attrs = ""
    if shown.html_lang != page_lang.html_lang:
        attrs = format_html(' lang="{}"', shown.html_lang)
    labels = []
    if shown.is_fallback:
        labels.append(
            _("Not yet translated into %(language)s; shown in %(shown)s.")
            % {
                "language": languages.get(shown.wanted).name,
                "shown": languages.get(shown.language).name,
            }
        )
    if shown.is_machine:
        labels.append(_("Machine translation, not yet checked by a person."))
    if shown.outdated:
        labels.append(_("The Japanese original has changed since this was translated."))
    note = "".join(format_html('<small class="label">{}</small>', label) for label in labels)
    return format_html(
        "<{tag}{attrs}>{body}</{tag}>{note}",
        tag=tag,
        attrs=mark_safe(attrs),
        body=_body(shown),
        note=mark_safe(note),
    )


@register.simple_tag(takes_context=True)
def lang_url(context: template.Context, code: str) -> str:
    """Return the current page's URL in another language."""
    request = context["request"]
    query = request.GET.copy()
    query["lang"] = code
    return f"{request.path}?{query.urlencode()}"
