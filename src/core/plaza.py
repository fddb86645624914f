"""The Consultation Plaza's contact data, read from one place: settings.TABUNKA_PLAZA.

The help box, the error pages and the notices' "Where" entry for the Plaza's office all render
from `contact()`, so a changed phone number is changed everywhere at once. The Plaza's pages live
in a higher app; core knows them only by the URL name the settings give.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from core import formatting


@dataclass(frozen=True)
class PlazaContact:
    phone: str  # as configured, e.g. 096-359-2020
    email: str
    office: str  # slug of the catalog office that is the Plaza
    intake_url: str  # "" when no intake page is installed

    @property
    def tel(self) -> str:
        """Return the tel: URI of the Plaza's phone."""
        return formatting.tel_uri(self.phone)

    def phone_for(self, code: str) -> str:
        """Return the phone number written for a reader of this language."""
        return formatting.format_phone(self.phone, code)


def contact() -> PlazaContact:
    """Return the Plaza's contact data as configured."""
    conf = settings.TABUNKA_PLAZA
    try:
        intake_url = reverse(conf["intake"]) if conf.get("intake") else ""
    except NoReverseMatch:
        intake_url = ""
    return PlazaContact(
        phone=conf["phone"],
        email=conf.get("email", ""),
        office=conf.get("office", ""),
        intake_url=intake_url,
    )
