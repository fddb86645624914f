from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    name = "translations"

    def ready(self) -> None:
        from translations import staff_nav

        staff_nav.register()
        # The Easy-Japanese check (writing) accepts what the glossary prescribes for ja-easy.
        from writing import terms

        terms.register("translations.glossary", glossary_terms)


def glossary_terms() -> set[str]:
    """Return the glossary's Easy-Japanese targets and the terms it keeps with a reading."""
    from core import languages
    from translations.models import GlossaryTerm
    from writing.terms import glossary_known_terms

    rows = GlossaryTerm.objects.filter(language=languages.EASY).values_list("term", "translation")
    return glossary_known_terms(rows)
