"""Every demo notice's printed code decodes with a real decoder and leads to a working page."""

from __future__ import annotations

import io
import re

import pypdfium2
import pytest
import resvg_py
import zxingcpp
from django.conf import settings
from django.test import Client
from PIL import Image

from notices.models import Notice, NoticeStatus

pytestmark = pytest.mark.django_db


def decode(image: Image.Image) -> str:
    results = zxingcpp.read_barcodes(image.convert("L"))
    assert len(results) == 1, "expected exactly one code"
    assert results[0].format == zxingcpp.BarcodeFormat.QRCode
    return results[0].text


def rasterize_svg(data: bytes) -> Image.Image:
    # The SVG is sized in millimetres, so resvg needs the print resolution to lay it out.
    png = resvg_py.svg_to_bytes(svg_string=data.decode(), dpi=300, background="#ffffff")
    return Image.open(io.BytesIO(bytes(png)))


def rasterize_pdf(data: bytes) -> tuple[Image.Image, float]:
    pdf = pypdfium2.PdfDocument(data)
    page = pdf[0]
    width_pt = page.get_width()
    image = page.render(scale=4).to_pil()
    return image, width_pt


def follow(client: Client, url: str) -> int:
    assert url.startswith(settings.TABUNKA_PUBLIC_URL + "/n/")
    path = url.removeprefix(settings.TABUNKA_PUBLIC_URL)
    return client.get(path, HTTP_ACCEPT_LANGUAGE="vi").status_code


def demo_codes() -> list[str]:
    from notices.demo_loader import DEMO_DIR

    codes = []
    for path in sorted(DEMO_DIR.glob("*.yaml")):
        match = re.search(r"^code:\s*(\w+)", path.read_text(encoding="utf-8"), re.M)
        if match:
            codes.append(match.group(1))
    return codes


def test_there_are_at_least_eight_demo_notices() -> None:
    assert len(demo_codes()) >= 8
    assert Notice.objects.filter(
        code__in=demo_codes(), status=NoticeStatus.PUBLISHED
    ).count() == len(demo_codes())


@pytest.mark.parametrize("code", demo_codes())
def test_png_decodes_and_prints_at_least_2cm(client: Client, code: str) -> None:
    response = client.get(f"/n/{code}/qr.png")
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    dpi = image.info["dpi"][0]
    assert image.width / dpi * 25.4 >= 20
    url = decode(image)
    assert url == f"{settings.TABUNKA_PUBLIC_URL}/n/{code}"
    assert follow(client, url) == 200


@pytest.mark.parametrize("code", demo_codes())
def test_svg_is_vector_decodes_and_prints_at_least_2cm(client: Client, code: str) -> None:
    response = client.get(f"/n/{code}/qr.svg")
    assert response["Content-Type"] == "image/svg+xml"
    head = re.search(rb'<svg[^>]*width="([\d.]+)mm"', response.content)
    assert head and float(head.group(1)) >= 20
    assert b"<image" not in response.content  # vector paths, no embedded bitmap
    url = decode(rasterize_svg(response.content))
    assert follow(client, url) == 200


@pytest.mark.parametrize("code", demo_codes())
def test_pdf_decodes_and_prints_at_least_2cm(client: Client, code: str) -> None:
    response = client.get(f"/n/{code}/qr.pdf")
    assert response["Content-Type"] == "application/pdf"
    image, width_pt = rasterize_pdf(response.content)
    assert width_pt / 72 * 25.4 >= 20
    url = decode(image)
    assert follow(client, url) == 200


def test_eps_is_vector_with_a_2cm_bounding_box(client: Client) -> None:
    code = demo_codes()[0]
    response = client.get(f"/n/{code}/qr.eps")
    assert response.content.startswith(b"%!PS-Adobe-3.0 EPSF-3.0")
    box = re.search(rb"%%BoundingBox: 0 0 (\d+) (\d+)", response.content)
    assert box and int(box.group(1)) / 72 * 25.4 >= 20


def test_unknown_format_and_unknown_code_are_404(client: Client) -> None:
    code = demo_codes()[0]
    assert client.get(f"/n/{code}/qr.gif").status_code == 404
    assert client.get("/n/XXXXXX/qr.png").status_code == 404
