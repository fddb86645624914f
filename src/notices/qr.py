"""QR codes for the letter insert: vector where the format allows, quiet zone, ≥ 2 cm printed."""

from __future__ import annotations

import io

import segno
from django.conf import settings

# segno's PDF and EPS units are points (1/72 in); SVG takes a unit; PNG is pixels at a DPI.
MODULE_MM = 0.8  # a version 2–3 code with its 4-module quiet zone prints at 2.6–3.0 cm
POINTS_PER_MM = 72 / 25.4
PNG_DPI = 300
BORDER = 4  # the quiet zone the standard asks for
EPS_MODULE_PT = 2  # 0.71 mm

CONTENT_TYPES = {
    "svg": "image/svg+xml",
    "png": "image/png",
    "pdf": "application/pdf",
    "eps": "application/postscript",
}


def notice_url(code: str) -> str:
    """Return the public URL printed beside the code."""
    return f"{settings.TABUNKA_PUBLIC_URL}/n/{code}"


def make(code: str) -> segno.QRCode:
    """Return the QR code of a notice (error correction M survives a smudged envelope)."""
    return segno.make_qr(notice_url(code), error="m", boost_error=True)


def render(code: str, kind: str) -> bytes:
    """Return the code as a file of the given kind."""
    qr = make(code)
    out = io.BytesIO()
    if kind == "svg":
        qr.save(out, kind="svg", scale=MODULE_MM, unit="mm", border=BORDER, title=notice_url(code))
    elif kind == "png":
        scale = round(MODULE_MM / 25.4 * PNG_DPI)
        qr.save(out, kind="png", scale=scale, border=BORDER, dpi=PNG_DPI)
    elif kind == "pdf":
        qr.save(out, kind="pdf", scale=MODULE_MM * POINTS_PER_MM, border=BORDER)
    elif kind == "eps":  # segno writes EPS as text
        text = io.StringIO()
        # Whole points per module keep the DSC bounding box in integers, as the convention wants.
        qr.save(text, kind="eps", scale=EPS_MODULE_PT, border=BORDER)
        return text.getvalue().encode("ascii")
    else:
        raise ValueError(kind)
    return out.getvalue()


def printed_size_mm(code: str) -> float:
    """Return the printed width of the code, quiet zone included, in millimetres."""
    width, _ = make(code).symbol_size(scale=1, border=BORDER)
    return width * MODULE_MM
