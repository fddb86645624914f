"""The Consultation Plaza's contact data, read from one place: settings.TABUNKA_PLAZA.

The help box, the error pages and the notices' "Where" entry for the Plaza's office all render
from `contact()`, so a changed phone number is changed everywhere at once. The Plaza's pages live
in a higher app; core knows them only by the URL name the settings give.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from core import formatting


@dataclass(frozen=True)
class PlazaContact:
    phone: str  # as configured, e.g. 096-359-2020
    email: str
    office: str  # slug of the catalog office that is the Plaza
    intake_url: str  # "" when no intake page is installed
    opens: str = "9:00"
    closes: str = "17:00"

    @property
    def tel(self) -> str:
        """Return the tel: URI of the Plaza's phone."""
        return formatting.tel_uri(self.phone)

    def phone_for(self, code: str) -> str:
        """Return the phone number written for a reader of this language."""
        return formatting.format_phone(self.phone, code)

    @property
    def hours(self) -> str:
        """Return the opening hours and closing days in the active language."""
        # The closing days in this sentence are those of settings.TABUNKA_PLAZA_CALENDAR, which
        # decides when slots can be booked; core/tests/test_plaza_contact.py keeps them in step.
        return _(
            "Open %(opens)s–%(closes)s. Closed on the 2nd Tuesday of each month, on national "
            "holidays and from 29 December to 3 January."
        ) % {"opens": self.opens, "closes": self.closes}


def contact() -> PlazaContact:
    """Return the Plaza's contact data as configured."""
    conf = settings.TABUNKA_PLAZA
    try:
        intake_url = reverse(conf["intake"]) if conf.get("intake") else ""
    except NoReverseMatch:
        intake_url = ""
    # The opening calendar (settings.TABUNKA_PLAZA_CALENDAR) holds the hours per weekday.
    spans = getattr(settings, "TABUNKA_PLAZA_CALENDAR", {}).get("hours", {}).values()
    spans = [span for span in spans if span] or [["09:00", "17:00"]]
    return PlazaContact(
        phone=conf["phone"],
        email=conf.get("email", ""),
        office=conf.get("office", ""),
        intake_url=intake_url,
        opens=min(span[0] for span in spans).lstrip("0"),
        closes=max(span[1] for span in spans).lstrip("0"),
    )


def phone_for_office(slug: str) -> str:
    """Return the Plaza's phone if this catalog office is the Plaza, else ""."""
    here = contact()
    return here.phone if slug == here.office else ""
