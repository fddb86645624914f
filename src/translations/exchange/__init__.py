"""Exchange files for outside translators, read and written with translate-toolkit.

Content (one notice and its parts, one language): XLIFF 1.2, XLIFF 2.0 and PO. The memory: TMX.
The glossary: TBX. Units are named `app.model:pk.field`, so an import finds its field again.
"""

from translations.exchange.content import (
    CONTENT_FORMATS,
    Report,
    export_content,
    import_content,
    read_units,
)
from translations.exchange.terms import export_tbx, import_tbx
from translations.exchange.tm import export_tmx, import_tmx

__all__ = [
    "CONTENT_FORMATS",
    "Report",
    "export_content",
    "export_tbx",
    "export_tmx",
    "import_content",
    "import_tbx",
    "import_tmx",
    "read_units",
]
