"""News-style illustrations drawn with Pillow, so the demo needs nothing from the internet.

Each picture is drawn at twice its final size and scaled down: Pillow's shapes have no anti-aliasing.
"""

import io
import math
import random
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFilter

SIZE = (1600, 900)
W, H = SIZE[0] * 2, SIZE[1] * 2
CREDIT = "Illustration: Newsroom demo"


@dataclass(frozen=True)
class Picture:
    key: str
    draw: Callable[[random.Random], Image.Image]
    alt_text: str
    caption: str


def vertical_gradient(*stops, size=(W, H)):
    """Colours from top to bottom, blended evenly."""
    strip = Image.new("RGB", (1, len(stops)))
    strip.putdata(list(stops))
    return strip.resize(size, Image.Resampling.BICUBIC)


def glow(canvas, center, radius, colour, strength=255):
    """A soft disc of light (sun, lamp) laid over the canvas."""
    # Pillow's radial gradient reaches 181 at the middle of each edge (255 in the corners).
    fade = Image.radial_gradient("L").point(lambda v: int(strength * max(0.0, 1 - v / 181) ** 2))
    mask = fade.resize((radius * 2, radius * 2), Image.Resampling.BICUBIC)
    canvas.paste(Image.new("RGB", mask.size, colour), (center[0] - radius, center[1] - radius), mask)


def layer(canvas, paint, blur=0):
    """Draw translucent shapes on their own layer, then lay it on the canvas."""
    overlay = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
    paint(ImageDraw.Draw(overlay))
    if blur:
        overlay = overlay.filter(ImageFilter.GaussianBlur(blur))
    canvas.paste(overlay, (0, 0), overlay)


def star(cx, cy, radius, points=5):
    return [
        (
            cx + math.sin(math.pi * i / points) * (radius if i % 2 == 0 else radius * 0.4),
            cy - math.cos(math.pi * i / points) * (radius if i % 2 == 0 else radius * 0.4),
        )
        for i in range(points * 2)
    ]


def flags(rng):
    canvas = vertical_gradient((70, 130, 200), (150, 195, 235), (215, 232, 245))
    draw = ImageDraw.Draw(canvas)
    # A glass office building, its windows catching the sky.
    draw.rectangle((1900, 200, W, H), fill=(60, 85, 115))
    for x in range(1940, W, 110):
        for y in range(300, H, 130):
            shade = rng.randint(110, 190)
            draw.rectangle((x, y, x + 80, y + 95), fill=(shade - 40, shade, min(255, shade + 50)))
    draw.rectangle((0, 1560, W, H), fill=(170, 170, 165))
    for i, x in enumerate(range(120, 1800, 360)):
        draw.rectangle((x, 330, x + 20, 1570), fill=(200, 200, 205))
        top, flag_w, flag_h = 370 + (i % 2) * 30, 310, 215
        wave = [(x + 20 + dx, top + 16 * math.sin(dx / 55 + i)) for dx in range(0, flag_w + 1, 12)]
        outline = wave + [(px, py + flag_h) for px, py in reversed(wave)]
        draw.polygon(outline, fill=(0, 51, 153))
        cx, cy = x + 20 + flag_w / 2, top + flag_h / 2
        for s in range(12):
            angle = 2 * math.pi * s / 12
            sx = cx + 70 * math.cos(angle)
            sy = cy + 70 * math.sin(angle) + 16 * math.sin((sx - x - 20) / 55 + i)
            draw.polygon(star(sx, sy, 14), fill=(255, 204, 0))
    return canvas


def skyline(rng):
    canvas = vertical_gradient((40, 30, 80), (150, 70, 120), (245, 140, 90), (250, 200, 130))
    glow(canvas, (2300, 1250), 500, (255, 220, 150), 200)
    draw = ImageDraw.Draw(canvas)
    for depth, colour in ((0, (70, 50, 90)), (1, (30, 25, 45))):
        x = -50
        while x < W:
            width = rng.randint(120, 320)
            top = rng.randint(700, 1150) + depth * 200
            draw.rectangle((x, top, x + width, H), fill=colour)
            if depth and rng.random() < 0.3:
                draw.polygon([(x, top), (x + width / 2, top - 160), (x + width, top)], fill=colour)
            if depth:
                for wx in range(x + 25, x + width - 30, 50):
                    for wy in range(top + 40, H, 70):
                        if rng.random() < 0.35:
                            draw.rectangle((wx, wy, wx + 22, wy + 32), fill=(255, 210, 120))
            x += width + rng.randint(0, 30)
    return canvas


def hemicycle(rng):
    canvas = vertical_gradient((20, 30, 60), (35, 55, 100))
    draw = ImageDraw.Draw(canvas)
    groups = [
        (200, 40, 50),
        (230, 110, 120),
        (90, 170, 80),
        (250, 200, 40),
        (60, 120, 210),
        (30, 60, 140),
        (120, 80, 50),
    ]
    cx, cy = W / 2, 1600
    draw.ellipse((cx - 300, cy - 300, cx + 300, cy + 300), fill=(50, 70, 120))
    draw.rectangle((cx - 180, cy - 120, cx + 180, cy - 40), fill=(190, 160, 110))
    for row in range(11):
        radius = 420 + row * 95
        seats = int(math.pi * radius / 60)
        for i in range(seats + 1):
            angle = math.pi * i / seats
            group = groups[min(len(groups) - 1, int(i / (seats + 1) * len(groups)))]
            sx, sy = cx - radius * math.cos(angle), cy - radius * math.sin(angle)
            draw.ellipse((sx - 22, sy - 22, sx + 22, sy + 22), fill=group)
    return canvas


def chart(rng):
    canvas = vertical_gradient((245, 243, 236), (228, 232, 238))
    draw = ImageDraw.Draw(canvas)
    for y in range(300, 1700, 200):
        draw.line((200, y, 3000, y), fill=(205, 210, 218), width=4)
    value, points = 900, []
    for i in range(12):
        x = 300 + i * 225
        value = max(350, min(1500, value + rng.randint(-230, 260)))
        draw.rectangle((x - 70, 1700 - value, x + 70, 1700), fill=(40, 90, 150) if i % 3 else (220, 120, 60))
        points.append((x, 1700 - value - 180))
    draw.line(points, fill=(30, 30, 40), width=14, joint="curve")
    for x, y in points:
        draw.ellipse((x - 26, y - 26, x + 26, y + 26), fill=(255, 255, 255), outline=(30, 30, 40), width=10)
    draw.line((200, 1700, 3000, 1700), fill=(60, 60, 70), width=8)
    return canvas


def turbine(draw, x, base, height, angle, colour):
    draw.polygon([(x - 14, base), (x - 6, base - height), (x + 6, base - height), (x + 14, base)], fill=colour)
    hub = (x, base - height)
    for blade in range(3):
        a = angle + blade * 2 * math.pi / 3
        tip = (hub[0] + height * 0.55 * math.cos(a), hub[1] + height * 0.55 * math.sin(a))
        side = (hub[0] + 28 * math.cos(a + 1.4), hub[1] + 28 * math.sin(a + 1.4))
        draw.polygon([hub, side, tip], fill=colour)
    draw.ellipse((hub[0] - 16, hub[1] - 16, hub[0] + 16, hub[1] + 16), fill=colour)


def wind(rng):
    canvas = vertical_gradient((150, 190, 230), (225, 235, 240), (250, 230, 200))
    glow(canvas, (700, 900), 420, (255, 240, 200), 220)
    draw = ImageDraw.Draw(canvas)
    for hill, colour in enumerate(((120, 165, 110), (85, 140, 80), (60, 110, 60))):
        top = 1150 + hill * 170
        draw.ellipse((-600 + hill * 900, top, 2400 + hill * 700, top + 1600), fill=colour)
        draw.ellipse((1200 - hill * 1100, top + 80, 4200 - hill * 800, top + 1800), fill=colour)
        if hill < 2:
            for _ in range(3):
                x = rng.randint(300, 2900)
                turbine(draw, x, top + 140, 520 + hill * 220, rng.random() * 6, (245, 245, 245))
    return canvas


def sea(rng):
    canvas = vertical_gradient((250, 200, 170), (250, 225, 200), (120, 160, 190))
    glow(canvas, (1600, 1000), 380, (255, 235, 190), 255)
    draw = ImageDraw.Draw(canvas)
    sea_colour = vertical_gradient((90, 140, 175), (30, 70, 110), size=(W, H - 1000))
    canvas.paste(sea_colour, (0, 1000))
    for _ in range(140):
        x, y = rng.randint(0, W), rng.randint(1030, H)
        length = 40 + (y - 1000) // 4
        draw.line((x, y, x + length, y), fill=(150, 190, 215), width=4 + (y - 1000) // 150)
    draw.polygon([(1100, 1330), (1540, 1330), (1480, 1400), (1160, 1400)], fill=(40, 40, 45))
    draw.rectangle((1300, 1220, 1400, 1330), fill=(230, 230, 225))
    draw.polygon([(2650, 1000), (3200, 1000), (3200, 940), (2800, 960)], fill=(60, 60, 65))
    draw.polygon([(2880, 960), (2900, 640), (2960, 640), (2980, 960)], fill=(240, 240, 235))
    for y in range(700, 960, 70):
        draw.rectangle((2890, y, 2970, y + 30), fill=(200, 50, 50))
    draw.rectangle((2895, 600, 2965, 640), fill=(255, 230, 140))
    return canvas


def fields(rng):
    canvas = vertical_gradient((120, 180, 235), (200, 225, 245))
    glow(canvas, (2600, 350), 300, (255, 250, 210), 255)
    draw = ImageDraw.Draw(canvas)
    colours = [(230, 200, 80), (140, 175, 70), (245, 225, 60), (200, 170, 90), (110, 150, 70)]
    horizon, vanishing = 850, 1600
    edges = sorted(rng.sample(range(-3000, 6200), 11))
    for i, (left, right) in enumerate(zip(edges, edges[1:], strict=False)):
        draw.polygon([(vanishing, horizon), (right, H), (left, H)], fill=colours[i % len(colours)])
    for x in range(0, W, 90):
        size = rng.randint(50, 90)
        draw.ellipse((x, horizon - size * 1.6, x + size, horizon + 10), fill=(60, 100, 60))
    return canvas


def pylons(rng):
    canvas = vertical_gradient((70, 40, 90), (210, 90, 70), (250, 170, 80), (255, 210, 130))
    glow(canvas, (900, 1350), 450, (255, 220, 150), 220)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, 1500, W, H), fill=(40, 30, 40))
    tops = []
    for x, height in ((500, 1100), (1600, 850), (2500, 650), (3100, 500)):
        base, top, half = 1520, 1520 - height, height * 0.18
        colour, width = (30, 25, 35), max(6, height // 80)
        draw.line((x - half, base, x, top), fill=colour, width=width)
        draw.line((x + half, base, x, top), fill=colour, width=width)
        for step in range(1, 7):
            y = base - height * step / 7
            span = half * (1 - step / 7)
            draw.line((x - span, y, x + span, y - height / 7), fill=colour, width=width // 2)
            draw.line((x + span, y, x - span, y - height / 7), fill=colour, width=width // 2)
        for arm in (0.25, 0.4):
            draw.line(
                (x - half * 1.6, top + height * arm, x + half * 1.6, top + height * arm), fill=colour, width=width
            )
        tops.append((x, top + height * 0.25, half * 1.6))
    for side in (-1, 1):
        for (x1, y1, s1), (x2, y2, s2) in zip(tops, tops[1:], strict=False):
            a, b = (x1 + side * s1, y1), (x2 + side * s2, y2)
            sag = [
                (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t + 80 * math.sin(math.pi * t))
                for t in (i / 20 for i in range(21))
            ]
            draw.line(sag, fill=(30, 25, 35), width=5)
    return canvas


def columns(rng):
    canvas = vertical_gradient((110, 160, 210), (190, 215, 235))
    draw = ImageDraw.Draw(canvas)
    stone, shadow = (235, 225, 205), (200, 188, 165)
    draw.polygon([(500, 600), (1600, 250), (2700, 600)], fill=stone)
    draw.rectangle((450, 600, 2750, 700), fill=shadow)
    for x in range(580, 2700, 260):
        draw.rectangle((x, 700, x + 120, 1450), fill=stone)
        draw.rectangle((x + 85, 700, x + 120, 1450), fill=shadow)
        draw.rectangle((x - 20, 700, x + 140, 740), fill=shadow)
    for i, x in enumerate((840, 1620, 2400)):
        draw.rectangle((x, 760, x + 120, 1250), fill=(180, 40, 50) if i != 1 else (30, 60, 120))
        draw.polygon([(x, 1250), (x + 60, 1200), (x + 120, 1250)], fill=stone)
    for step in range(5):
        draw.rectangle(
            (400 - step * 40, 1450 + step * 70, 2800 + step * 40, 1520 + step * 70), fill=stone if step % 2 else shadow
        )
    return canvas


def speech(rng):
    canvas = vertical_gradient((250, 240, 225), (240, 225, 205))

    def paint(draw):
        for _ in range(9):
            x, y, r = rng.randint(200, 3000), rng.randint(200, 1600), rng.randint(180, 480)
            colour = rng.choice([(220, 90, 60), (240, 170, 60), (60, 110, 160), (150, 60, 90)])
            draw.ellipse((x - r * 1.3, y - r, x + r * 1.3, y + r), fill=colour + (150,))
            draw.polygon(
                [(x - r * 0.4, y + r * 0.8), (x - r * 0.9, y + r * 1.4), (x, y + r * 0.9)], fill=colour + (150,)
            )
            for line in range(3):
                ly = y - r * 0.35 + line * r * 0.3
                draw.rounded_rectangle(
                    (x - r * 0.8, ly, x + r * (0.8 - 0.3 * (line == 2)), ly + r * 0.1),
                    radius=12,
                    fill=(255, 255, 255, 190),
                )

    layer(canvas, paint)
    return canvas


def rails(rng):
    canvas = vertical_gradient((170, 200, 230), (235, 225, 210))
    draw = ImageDraw.Draw(canvas)
    horizon, vanishing = 900, 1600
    x = 600
    while x < 2600:
        width, height = rng.randint(60, 160), rng.randint(60, 300)
        draw.rectangle((x, horizon - height, x + width, horizon), fill=(140, 150, 170))
        x += width + rng.randint(0, 20)
    draw.polygon([(0, H), (0, horizon), (W, horizon), (W, H)], fill=(150, 140, 120))
    draw.polygon([(vanishing - 20, horizon), (vanishing + 20, horizon), (2700, H), (500, H)], fill=(110, 100, 90))
    for i in range(1, 30):
        t = (i / 30) ** 2
        y = horizon + (H - horizon) * t
        half = 20 + 1080 * t
        draw.line((vanishing - half * 1.1, y, vanishing + half * 1.1, y), fill=(80, 60, 45), width=max(3, int(30 * t)))
    for offset in (-0.55, 0.55):
        draw.line((vanishing + offset * 20, horizon, vanishing + offset * 1100, H), fill=(200, 200, 210), width=18)
    return canvas


def heat(rng):
    canvas = vertical_gradient((255, 200, 110), (250, 150, 70), (240, 120, 60))
    glow(canvas, (1600, 700), 700, (255, 245, 200), 255)
    draw = ImageDraw.Draw(canvas)
    draw.ellipse((1400, 500, 1800, 900), fill=(255, 250, 225))
    draw.rectangle((0, 1150, W, H), fill=(190, 140, 90))
    for _ in range(60):
        x, y = rng.randint(0, W), rng.randint(1180, H)
        path = [(x, y)]
        for _ in range(rng.randint(3, 7)):
            x, y = x + rng.randint(-160, 160), y + rng.randint(-20, 60)
            path.append((x, y))
        draw.line(path, fill=(130, 90, 60), width=rng.randint(4, 10))
    return canvas


PICTURES = {
    picture.key: picture
    for picture in [
        Picture(
            "flags",
            flags,
            alt_text="European flags on poles in front of a glass office building",
            caption="The European quarter on a summit day.",
        ),
        Picture(
            "skyline",
            skyline,
            alt_text="A city skyline at dusk, its office windows lit",
            caption="Evening over a European capital.",
        ),
        Picture(
            "hemicycle",
            hemicycle,
            alt_text="A parliament chamber seen from above, its seats in coloured blocks",
            caption="Seats in a parliament's chamber, by political group.",
        ),
        Picture(
            "chart",
            chart,
            alt_text="A bar chart with a black line tracing rising and falling values",
            caption="Prices, output, rates: the figures behind the story.",
        ),
        Picture(
            "wind",
            wind,
            alt_text="Wind turbines on rolling green hills at sunrise",
            caption="Wind farms now supply a large share of Europe's power.",
        ),
        Picture(
            "sea",
            sea,
            alt_text="A small boat on a calm sea at dawn, a lighthouse on the shore",
            caption="Dawn over the sea.",
        ),
        Picture(
            "fields",
            fields,
            alt_text="Striped fields of wheat and rapeseed under a summer sun",
            caption="Farmland in early summer.",
        ),
        Picture(
            "pylons",
            pylons,
            alt_text="Electricity pylons and power lines against an orange evening sky",
            caption="High-voltage lines carry power across borders.",
        ),
        Picture(
            "columns",
            columns,
            alt_text="A museum façade with columns and tall red and blue banners",
            caption="A museum opens its doors.",
        ),
        Picture("speech", speech, alt_text="Overlapping speech bubbles in warm colours", caption="Opinion and debate."),
        Picture(
            "rails",
            rails,
            alt_text="Railway tracks running towards a city on the horizon",
            caption="Rail links cross the continent.",
        ),
        Picture(
            "heat",
            heat,
            alt_text="A blazing sun over dry, cracked ground",
            caption="Heat and drought are coming earlier each year.",
        ),
    ]
}


def draw_picture(key: str) -> bytes:
    """The picture with this key, as 1600×900 JPEG bytes. The same key always gives the same picture."""
    canvas = PICTURES[key].draw(random.Random(key)).resize(SIZE, Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=88, optimize=True)
    return buffer.getvalue()
