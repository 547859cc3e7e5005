#!/usr/bin/env python3
"""Generate the illustrative sample photos in public/data/images/.

A dev tool, not part of the build. The images are abstract (gradients, soft
shapes, a caption and an "Illustrative image" label) and stand in for real
photos in the sample dataset (public/data/galleries.json). Output is
deterministic: every image has a fixed seed.

Run (Pillow is the only dependency; keep it out of the repo):

    python3 -m venv /tmp/gen-venv && /tmp/gen-venv/bin/pip install pillow
    /tmp/gen-venv/bin/python scripts/gen-sample-images.py

For each photo it writes `<name>.jpg` (≤ 1200 px on the long side, JPEG
quality ~70, kept ≤ 60 KB) and `<name>-480.jpg` (480 px wide, for srcset),
then prints one line per photo with its true size, and the total bytes.
"""

import math
import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "public" / "data" / "images"
MAX_BYTES = 60 * 1024
SMALL_WIDTH = 480

FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation"]

# name, width, height, caption text, palette (top-left, bottom-right, accent), motif
PHOTOS = [
    # Gallery "impunity": the campaign to end impunity, 2011–2014.
    ("idei-launch-2011", 1200, 800, "Campaign launch, 2011", ("#1d3557", "#457b9d", "#f1c453"), "circles"),
    ("idei-vigil", 1200, 675, "Candles for journalists", ("#2b193d", "#b5485d", "#ffd166"), "candles"),
    ("idei-belarus", 800, 1200, "Minsk, Belarus", ("#0b3d3a", "#6a994e", "#f2e8cf"), "stripes"),
    ("idei-kazakhstan", 1200, 800, "Kazakhstan steppe", ("#6b4226", "#e9c46a", "#264653"), "horizon"),
    ("idei-drc", 1000, 1000, "Democratic Republic of Congo", ("#003049", "#2a9d8f", "#fcbf49"), "waves"),
    ("idei-profiles-2013", 1200, 900, "Profiles, 2013", ("#3d405b", "#e07a5f", "#f4f1de"), "grid"),
    ("un-day-2-november", 1000, 1000, "2 November", ("#023e8a", "#48cae4", "#ffffff"), "rings"),
    ("idei-lobbying-2014", 900, 1200, "Letters to governments", ("#264653", "#e76f51", "#f4a261"), "letters"),
    ("idei-results", 1200, 700, "Results", ("#132a13", "#4f772d", "#ecf39e"), "bars"),
    # Gallery "alliances": IFEX-ALC, AFEX and the network.
    ("alc-meeting", 1200, 800, "IFEX-ALC", ("#5f0f40", "#fb8b24", "#ffe5d9"), "circles"),
    ("alc-oas-iachr", 1200, 675, "OAS / IACHR", ("#14213d", "#fca311", "#e5e5e5"), "horizon"),
    ("un-geneva", 800, 1200, "United Nations", ("#03045e", "#0096c7", "#caf0f8"), "rings"),
    ("afex-launch-2013", 1000, 1000, "AFEX, 2013", ("#7f4f24", "#e09f3e", "#fff3b0"), "waves"),
    ("afex-exchange", 1200, 900, "Exchange", ("#335c67", "#9e2a2b", "#fff3b0"), "grid"),
    ("toronto-secretariat", 900, 1200, "Secretariat, Toronto", ("#22223b", "#9a8c98", "#f2e9e4"), "stripes"),
    ("peer-network", 1200, 800, "Peer to peer", ("#2d6a4f", "#95d5b2", "#081c15"), "network"),
    ("capacity-building", 1000, 1000, "Capacity building", ("#6d597a", "#eaac8b", "#ffffff"), "bars"),
]


def font(size, bold=False):
    names = ["DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf"] if bold else ["DejaVuSans.ttf", "LiberationSans-Regular.ttf"]
    for d in FONT_DIRS:
        for n in names:
            p = Path(d) / n
            if p.exists():
                return ImageFont.truetype(str(p), size)
    return ImageFont.load_default()


def rgb(h):
    h = h.lstrip("#")
    return tuple(int(h[i : i + 2], 16) for i in (0, 2, 4))


def gradient(w, h, c0, c1):
    """Diagonal gradient from c0 (top left) to c1 (bottom right)."""
    small = Image.new("RGB", (64, 64))
    px = small.load()
    for y in range(64):
        for x in range(64):
            t = (x + y) / 126
            px[x, y] = tuple(round(a + (b - a) * t) for a, b in zip(c0, c1))
    return small.resize((w, h), Image.BICUBIC)


def motif(img, kind, accent, rng):
    w, h = img.size
    layer = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    a = accent
    s = min(w, h)
    if kind == "circles":
        for _ in range(14):
            r = rng.uniform(0.04, 0.22) * s
            x, y = rng.uniform(0, w), rng.uniform(0, h)
            d.ellipse([x - r, y - r, x + r, y + r], fill=a + (rng.randint(30, 90),))
    elif kind == "candles":
        n = 9
        for i in range(n):
            x = w * (i + 0.5) / n
            top = h * rng.uniform(0.45, 0.6)
            d.rectangle([x - s * 0.02, top, x + s * 0.02, h * 0.88], fill=(250, 240, 225, 170))
            for k, alpha in ((0.09, 40), (0.05, 90), (0.025, 220)):
                r = s * k
                d.ellipse([x - r * 0.6, top - r * 1.6, x + r * 0.6, top], fill=a + (alpha,))
    elif kind == "stripes":
        for i in range(-h, w, int(s * 0.12)):
            d.polygon([(i, 0), (i + s * 0.05, 0), (i + s * 0.05 + h * 0.6, h), (i + h * 0.6, h)], fill=a + (45,))
    elif kind == "horizon":
        d.rectangle([0, h * 0.62, w, h], fill=(0, 0, 0, 60))
        r = s * 0.16
        d.ellipse([w * 0.68 - r, h * 0.42 - r, w * 0.68 + r, h * 0.42 + r], fill=a + (200,))
        for k in range(6):
            y = h * (0.66 + k * 0.05)
            d.line([(0, y), (w, y + rng.uniform(-10, 10))], fill=a + (60,), width=3)
    elif kind == "waves":
        for k in range(9):
            pts = []
            for x in range(0, w + 20, 20):
                y = h * (0.15 + k * 0.09) + math.sin(x / w * math.pi * 3 + k) * s * 0.04
                pts.append((x, y))
            d.line(pts, fill=a + (70 + k * 12,), width=max(3, s // 120))
    elif kind == "grid":
        cols, rows = 5, 4
        for i in range(cols):
            for j in range(rows):
                if rng.random() < 0.55:
                    x0, y0 = w * i / cols, h * j / rows
                    pad = s * 0.02
                    d.rounded_rectangle([x0 + pad, y0 + pad, x0 + w / cols - pad, y0 + h / rows - pad],
                                        radius=s * 0.02, fill=a + (rng.randint(25, 80),))
    elif kind == "rings":
        cx, cy = w / 2, h * 0.45
        for k in range(8, 0, -1):
            r = s * 0.06 * k
            d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=a + (40 + k * 12,), width=max(2, s // 150))
    elif kind == "letters":
        for _ in range(11):
            x, y = rng.uniform(-0.1, 0.9) * w, rng.uniform(-0.1, 0.8) * h
            ew, eh = s * 0.3, s * 0.2
            d.rectangle([x, y, x + ew, y + eh], fill=(255, 255, 255, 55), outline=a + (150,), width=3)
            d.line([(x, y), (x + ew / 2, y + eh * 0.55), (x + ew, y)], fill=a + (150,), width=3)
    elif kind == "bars":
        n = 8
        for i in range(n):
            bh = h * rng.uniform(0.15, 0.55)
            x0 = w * (0.08 + i * 0.84 / n)
            d.rectangle([x0, h * 0.8 - bh, x0 + w * 0.84 / n * 0.7, h * 0.8], fill=a + (110,))
    elif kind == "network":
        pts = [(rng.uniform(0.05, 0.95) * w, rng.uniform(0.05, 0.75) * h) for _ in range(22)]
        for i, p in enumerate(pts):
            for q in pts[i + 1 :]:
                if math.dist(p, q) < s * 0.3:
                    d.line([p, q], fill=a + (70,), width=2)
        for x, y in pts:
            r = s * 0.015
            d.ellipse([x - r, y - r, x + r, y + r], fill=a + (200,))
    layer = layer.filter(ImageFilter.GaussianBlur(radius=1.2))
    img.paste(layer, (0, 0), layer)


def label(img, text):
    w, h = img.size
    s = min(w, h)
    d = ImageDraw.Draw(img, "RGBA")
    pad = s * 0.05
    size = max(28, s // 14)
    big = font(size, bold=True)
    while size > 20 and d.textlength(text, font=big) > w - 2 * pad:
        size -= 2
        big = font(size, bold=True)
    small = font(max(18, s // 26))
    d.rectangle([0, h - s * 0.24, w, h], fill=(0, 0, 0, 110))
    d.text((pad, h - s * 0.2), text, font=big, fill=(255, 255, 255, 240))
    d.text((pad, h - s * 0.085), "Illustrative image · Mapline sample data", font=small, fill=(255, 255, 255, 200))


def save_jpeg(img, path, quality=70):
    while True:
        img.save(path, "JPEG", quality=quality, optimize=True, progressive=True)
        if path.stat().st_size <= MAX_BYTES or quality <= 35:
            return quality
        quality -= 5


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    total = 0
    for i, (name, w, h, text, palette, kind) in enumerate(PHOTOS):
        assert max(w, h) <= 1200
        rng = random.Random(1000 + i)
        c0, c1, acc = (rgb(c) for c in palette)
        img = gradient(w, h, c0, c1)
        motif(img, kind, acc, rng)
        label(img, text)
        main_path = OUT / f"{name}.jpg"
        q = save_jpeg(img, main_path)
        small = img.resize((SMALL_WIDTH, round(h * SMALL_WIDTH / w)), Image.LANCZOS)
        small_path = OUT / f"{name}-{SMALL_WIDTH}.jpg"
        save_jpeg(small, small_path)
        a, b = main_path.stat().st_size, small_path.stat().st_size
        total += a + b
        print(f"{name}.jpg {w}x{h} q{q} {a} B; {small_path.name} {small.size[0]}x{small.size[1]} {b} B")
    print(f"total {total} bytes in {len(PHOTOS) * 2} files", file=sys.stderr)


if __name__ == "__main__":
    main()
