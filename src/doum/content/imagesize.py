"""Width and height of an image file from its first bytes (PNG, GIF, JPEG, WebP, SVG).

Small pure functions, no imaging library: the plugin only needs the size for <img> attributes.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

Size = tuple[int, int]
HEADER_BYTES = 64 * 1024  # JPEG may put EXIF before its size; SVG roots are near the top


def read_size(path: Path) -> Size | None:
    try:
        with path.open("rb") as stream:
            data = stream.read(HEADER_BYTES)
    except OSError:
        return None
    return image_size(data)


def image_size(data: bytes) -> Size | None:
    for reader in (png_size, gif_size, jpeg_size, webp_size, svg_size):
        if size := reader(data):
            return size
    return None


def png_size(data: bytes) -> Size | None:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


def gif_size(data: bytes) -> Size | None:
    if data[:6] not in (b"GIF87a", b"GIF89a") or len(data) < 10:
        return None
    return struct.unpack("<HH", data[6:10])


# Start-of-frame markers carry the size; C4 (Huffman), C8 (reserved), CC (arithmetic) do not.
_JPEG_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def jpeg_size(data: bytes) -> Size | None:
    if data[:2] != b"\xff\xd8":
        return None
    offset = 2
    while offset + 9 <= len(data):
        if data[offset] != 0xFF:
            return None
        marker = data[offset + 1]
        if marker == 0xFF:  # fill byte
            offset += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # markers without a length
            offset += 2
            continue
        length = struct.unpack(">H", data[offset + 2 : offset + 4])[0]
        if marker in _JPEG_SOF:
            height, width = struct.unpack(">HH", data[offset + 5 : offset + 9])
            return width, height
        offset += 2 + length
    return None


def webp_size(data: bytes) -> Size | None:
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP" or len(data) < 30:
        return None  # every kind of WebP has its size within the first 30 bytes
    chunk = data[12:16]
    if chunk == b"VP8 ":  # lossy: 14-bit sizes after the frame tag and start code
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L":  # lossless: 14-bit width-1 and height-1 packed after the signature
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X":  # extended: 24-bit canvas width-1 and height-1
        return int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1
    return None


_SVG_ROOT_RE = re.compile(rb"<svg\b([^>]*)>", re.IGNORECASE)
_ATTR_RE = r"""\b{}\s*=\s*["']\s*([^"']*)["']"""
_LENGTH_RE = re.compile(r"^([0-9]*\.?[0-9]+)\s*(px)?$")


def svg_size(data: bytes) -> Size | None:
    root = _SVG_ROOT_RE.search(data)
    if not root:
        return None
    attrs = root.group(1).decode("utf-8", "replace")
    width, height = (_svg_length(attrs, name) for name in ("width", "height"))
    if width and height:
        return width, height
    if box := re.search(_ATTR_RE.format("viewBox"), attrs):
        numbers = re.split(r"[\s,]+", box.group(1).strip())
        if len(numbers) == 4:
            try:
                box_width, box_height = float(numbers[2]), float(numbers[3])
            except ValueError:
                return None
            if box_width > 0 and box_height > 0:
                return round(box_width), round(box_height)
    return None


def _svg_length(attrs: str, name: str) -> int | None:
    # Percentages and units such as em cannot become pixel attributes; viewBox is used then.
    match = re.search(_ATTR_RE.format(name), attrs)
    length = _LENGTH_RE.match(match.group(1)) if match else None
    return round(float(length.group(1))) or None if length else None
