from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "notices"

    def ready(self) -> None:
        from notices import staff_nav

        staff_nav.register()
        # Any saved notice or translation makes the cached public pages out of date.
        from notices import cache

        cache.connect_signals()
        # The Easy-Japanese check (writing, a lower layer) accepts the catalog's names.
        from writing import terms

        terms.register("notices.catalog", catalog_names)


def catalog_names() -> list[str]:
    """Return office names (and their parts), addresses and topic names, ja and ja-easy."""
    from core import languages
    from notices.models import Office, Topic
    from translations.services import TranslationTable
    from writing.terms import name_parts

    offices, topics = list(Office.objects.all()), list(Topic.objects.all())
    table = TranslationTable([*offices, *topics], [languages.EASY], public=False)
    names: list[str] = []
    for obj, fields in [(o, ("name", "address")) for o in offices] + [
        (t, ("name",)) for t in topics
    ]:
        for field in fields:
            row = table.get(obj, field, languages.EASY)
            for value in (getattr(obj, field), row.text if row else ""):
                if value:
                    names += name_parts(value) if field == "name" else [value]
    return names
