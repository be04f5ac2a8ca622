"""Draw favicon.ico (the white heart on teal of src/favicon.svg) with the standard library only.

Run by `make assets`. An .ico holds a bottom-up 32-bit BMP with a 1-bit AND mask.
"""

import struct
import sys
from pathlib import Path

SIZE = 32
TEAL = (0x10, 0x61, 0x65)
WHITE = (0xFF, 0xFF, 0xFF)


def in_heart(x: float, y: float) -> bool:
    # The classic heart curve (x² + y² − 1)³ − x²y³ ≤ 0, scaled to the icon.
    u, v = (x - 16) / 8.5, (17.5 - y) / 8.5
    return (u * u + v * v - 1) ** 3 - u * u * v ** 3 <= 0


def in_rounded_square(x: float, y: float, radius: float = 6) -> bool:
    cx = min(max(x, radius), SIZE - radius)
    cy = min(max(y, radius), SIZE - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def pixel(x: int, y: int) -> bytes:
    # Sample 4×4 points a pixel for smooth edges.
    points = [(x + (i + 0.5) / 4, y + (j + 0.5) / 4) for i in range(4) for j in range(4)]
    inside = [p for p in points if in_rounded_square(*p)]
    if not inside:
        return bytes((0, 0, 0, 0))
    white = sum(in_heart(*p) for p in inside) / len(inside)
    r, g, b = (round(t + (w - t) * white) for t, w in zip(TEAL, WHITE))
    return bytes((b, g, r, round(255 * len(inside) / len(points))))


def ico() -> bytes:
    rows = [b"".join(pixel(x, y) for x in range(SIZE)) for y in reversed(range(SIZE))]
    mask = bytes(SIZE * SIZE // 8)
    bitmap = struct.pack("<IiiHHIIiiII", 40, SIZE, SIZE * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    image = bitmap + b"".join(rows) + mask
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", SIZE, SIZE, 0, 0, 1, 32, len(image), 6 + 16)
    return header + entry + image


if __name__ == "__main__":
    Path(sys.argv[1]).write_bytes(ico())
