"""Peak memory of cleaning one photo, measured in a fresh process: Pillow's buffers escape tracemalloc.

    python tests/contributions/photo_memory.py make DIR [NAME ...]   # writes the sample photos
    python tests/contributions/photo_memory.py measure FILE [...]    # one JSON line per file
    CODE=/other/checkout python tests/contributions/photo_memory.py measure FILE   # that code's clean_photo

`measure` runs clean_photo on each file in its own process and reports the growth of the process's
peak resident memory (ru_maxrss) during the call, after Django is set up and the upload is read.
"""
import io
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

# name: (format, width, height, save options)
SAMPLES = {
    # The 116 KB PNG of 6300 × 6300 seen in the field.
    "png-6300.png": ("PNG", 6300, 6300, {}),
    # The largest of each format the former 40-megapixel limit let through.
    "png-40mp.png": ("PNG", 6324, 6324, {}),
    "webp-40mp.webp": ("WEBP", 6324, 6324, {"quality": 80}),
    "jpeg-40mp.jpg": ("JPEG", 6324, 6324, {"quality": 88}),
    "jpeg-progressive-40mp.jpg": ("JPEG", 6324, 6324, {"quality": 88, "progressive": True}),
    # The largest of each format the current limits let through.
    "png-16mp.png": ("PNG", 4000, 4000, {}),
    "png-3999.png": ("PNG", 3999, 3999, {}),
    "webp-6mp.webp": ("WEBP", 2449, 2449, {"quality": 80}),
    "jpeg-progressive-24mp.jpg": ("JPEG", 6000, 4000, {"quality": 88, "progressive": True}),
    # JPEG's worst case is just under twice the published size, decoded at full scale...
    "jpeg-progressive-3999.jpg": ("JPEG", 3999, 3999, {"quality": 88, "progressive": True}),
    "jpeg-3999.jpg": ("JPEG", 3999, 3999, {"quality": 88}),
    # ...a phone's photo, decoded at half scale...
    "jpeg-phone-12mp.jpg": ("JPEG", 4032, 3024, {"quality": 88}),
    # ...and the pixel limit itself, decoded at a quarter of its size.
    "jpeg-120mp.jpg": ("JPEG", 12648, 9486, {"quality": 80}),
}


def make(directory: Path, names=None) -> None:
    from PIL import Image

    directory.mkdir(parents=True, exist_ok=True)
    for name in names or SAMPLES:
        image_format, width, height, options = SAMPLES[name]
        if (directory / name).exists():
            continue
        # Smooth gradients: real pixel counts in files small enough for the 10 MB limit.
        red = Image.linear_gradient("L").resize((width, height))
        green = Image.linear_gradient("L").transpose(Image.Transpose.ROTATE_90).resize((width, height))
        blue = Image.radial_gradient("L").resize((width, height))
        Image.merge("RGB", (red, green, blue)).save(directory / name, format=image_format, **options)


def make_apart(directory: Path, names) -> None:
    """make(), in its own process: drawing a 120-megapixel sample takes half a gigabyte."""
    subprocess.run([sys.executable, __file__, "make", str(directory), *names], check=True)


def _measure_here(path: Path) -> dict:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cafeia_site.settings.test")
    django.setup()
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cafeia_site.uploads import clean_photo

    upload = SimpleUploadedFile(path.name, path.read_bytes())
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        clean = clean_photo(upload)
        from PIL import Image

        width, height = Image.open(io.BytesIO(clean.content.read())).size
        outcome = f"accepted {width}x{height}"
    except ValidationError as exc:
        outcome = "refused: " + " ".join(exc.messages)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"file": path.name, "bytes": path.stat().st_size, "peak_mb": round((after - before) / 1024, 1),
            "outcome": outcome}


def measure(path: Path, cwd: Path | None = None) -> dict:
    """Runs the measurement in a new Python process, on the code of `cwd` (by default this project)."""
    cwd = cwd or Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, __file__, "_one", str(path)],
        cwd=cwd, capture_output=True, text=True, check=True,
        env={**os.environ, "PYTHONPATH": str(cwd), "PYTHONWARNINGS": "ignore"},
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "make":
        make(Path(args[0]), args[1:])
    elif command == "_one":
        print(json.dumps(_measure_here(Path(args[0]))))
    elif command == "measure":
        for arg in args:
            print(json.dumps(measure(Path(arg).resolve(), Path(os.environ["CODE"]) if "CODE" in os.environ else None)))
