"""Screenshot <img>: size from the file header, lazy loading, async decoding."""

from __future__ import annotations

import base64
import re
import struct
import zlib
from pathlib import Path
from types import SimpleNamespace

import pytest

from doum.content.references import html_attributes
from doum.content.images import enhance
from doum.content.imagesize import gif_size, image_size, jpeg_size, png_size, svg_size, webp_size

IMG_RE = re.compile(r"<img\b[^>]*>")


def png(width: int, height: int) -> bytes:
    """A complete, valid grey PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def gif(width: int, height: int) -> bytes:
    """A complete one-colour GIF89a."""
    screen = struct.pack("<HHBBB", width, height, 0x80, 0, 0) + b"\x00\x00\x00\xff\xff\xff"
    image = b"\x2c" + struct.pack("<HHHHB", 0, 0, width, height, 0) + b"\x02\x02\x44\x01\x00"
    return b"GIF89a" + screen + image + b"\x3b"


def jpeg_header(width: int, height: int) -> bytes:
    """SOI, a JFIF APP0 and an EXIF-sized APP1 before the baseline start-of-frame."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    app1 = b"\xff\xe1" + struct.pack(">H", 2 + 3000) + b"\x00" * 3000
    sof0 = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + app1 + b"\xff\xff" + sof0


def riff(chunk: bytes, payload: bytes) -> bytes:
    body = b"WEBP" + chunk + struct.pack("<I", len(payload)) + payload
    return b"RIFF" + struct.pack("<I", len(body)) + body


def test_png_and_gif() -> None:
    assert png_size(png(33, 7)) == (33, 7)
    assert gif_size(gif(33, 7)) == (33, 7)
    assert image_size(png(1, 1)) == (1, 1)


def test_jpeg_after_exif_segments() -> None:
    assert jpeg_size(jpeg_header(640, 1136)) == (640, 1136)
    assert jpeg_size(b"\xff\xd8\xff\xda") is None  # no frame header in reach


def test_webp_lossy_lossless_and_extended() -> None:
    lossy = b"\x00\x00\x00" + b"\x9d\x01\x2a" + struct.pack("<HH", 400, 300)
    assert webp_size(riff(b"VP8 ", lossy)) == (400, 300)
    bits = (400 - 1) | ((300 - 1) << 14)
    lossless = b"\x2f" + struct.pack("<I", bits) + b"\x00" * 8  # image data follows
    assert webp_size(riff(b"VP8L", lossless)) == (400, 300)
    extended = b"\x10\x00\x00\x00" + (400 - 1).to_bytes(3, "little") + (300 - 1).to_bytes(3, "little")
    assert webp_size(riff(b"VP8X", extended)) == (400, 300)


@pytest.mark.parametrize("svg, size", [
    ('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40px">', (120, 40)),
    ("<?xml version='1.0'?>\n<svg viewBox='0 0 24 12.4' width='100%'>", (24, 12)),
    ('<svg viewBox="0,0,48,48">', (48, 48)),
    ('<svg width="2em" height="1em">', None),
])
def test_svg_size_from_attributes_or_viewbox(svg: str, size: tuple[int, int] | None) -> None:
    assert svg_size(svg.encode()) == size


def test_unknown_bytes_have_no_size() -> None:
    assert image_size(b"not an image") is None


@pytest.mark.browser
def test_real_jpeg_and_webp_from_chromium(new_page) -> None:
    page = new_page()
    urls = page.evaluate("""() => {
        const canvas = document.createElement("canvas");
        canvas.width = 123; canvas.height = 45;
        const context = canvas.getContext("2d");
        const transparent = canvas.toDataURL("image/webp");
        context.fillStyle = "#fee500"; context.fillRect(0, 0, 123, 45);
        return [canvas.toDataURL("image/jpeg"), canvas.toDataURL("image/webp"), transparent];
    }""")
    for url in urls:
        assert image_size(base64.b64decode(url.split(",", 1)[1])) == (123, 45), url[:30]


def test_enhance_adds_size_and_keeps_what_the_author_wrote(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets/shot.png").write_bytes(png(20, 10))
    page = SimpleNamespace(url="guide/app/")
    config = SimpleNamespace(docs_dir=str(tmp_path))
    html = ('<p><img alt="a" src="../../assets/shot.png" /></p>'
            '<img alt="b" src="../../assets/shot.png" loading="eager" width="5">'
            '<img alt="c" src="https://example.com/x.png">'
            '<img alt="d" src="../../assets/missing.png">')
    tags = [html_attributes(tag[4:]) for tag in IMG_RE.findall(enhance(html, page, config))]
    assert tags[0] == {"alt": "a", "src": "../../assets/shot.png", "width": "20", "height": "10",
                       "loading": "lazy", "decoding": "async"}
    assert (tags[1]["loading"], tags[1]["width"], "height" in tags[1]) == ("eager", "5", False)
    assert (tags[2]["loading"], "width" in tags[2]) == ("lazy", False)
    assert (tags[3]["decoding"], "width" in tags[3]) == ("async", False)


def test_default_site_screenshots_have_size_and_lazy_loading(default_site: Path) -> None:
    docs = Path(__file__).resolve().parents[2] / "docs"
    checked = 0
    for html_file in default_site.rglob("*.html"):
        for tag in IMG_RE.findall(html_file.read_text(encoding="utf-8")):
            attrs = html_attributes(tag[4:])
            if "assets/screens/" not in attrs.get("src", ""):
                continue
            name = attrs["src"].rsplit("assets/screens/", 1)[1]
            width, height = png_size((docs / "assets/screens" / name).read_bytes()[:24])
            assert (attrs["width"], attrs["height"]) == (str(width), str(height)), html_file
            assert (attrs["loading"], attrs["decoding"]) == ("lazy", "async"), html_file
            if html_file.relative_to(default_site).parts[0] != "en":  # English pages: English alt text
                assert re.search("[가-힣]", attrs["alt"]), f"Korean alt text: {html_file}"
            checked += 1
    assert checked >= 15  # the guide pages show about twenty screenshots


def test_committed_screenshots_stay_small() -> None:
    screens = sorted((Path(__file__).resolve().parents[2] / "docs/assets/screens").glob("*.png"))
    assert len(screens) >= 20
    too_big = {shot.name: shot.stat().st_size for shot in screens if shot.stat().st_size > 150_000}
    assert not too_big, f"screenshots over 150 KB: {too_big}"
