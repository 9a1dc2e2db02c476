"""What a contributor does, for each kind and language: the values a person types, the files they attach,
and reading the messages the site sends them."""
import io
import quopri
import re
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

from PIL import Image

from .conftest import sent_mail

MEDIA_ROOT = Path(__file__).resolve().parents[2] / ".test-media" / "public"
GPS_TAG = 0x8825


def photo_with_gps(path: Path) -> Path:
    """A JPEG as a phone makes it: with the place it was taken in its EXIF."""
    image = Image.new("RGB", (640, 480), (180, 110, 60))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[GPS_TAG] = {1: "N", 2: (47.0, 35.0, 10.0), 3: "E", 4: (1.0, 20.0, 5.0)}
    image.save(path, format="JPEG", exif=exif)
    return path


def small_pdf(path: Path) -> Path:
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    return path


def has_gps(data: bytes) -> bool:
    with Image.open(io.BytesIO(data)) as image:
        return GPS_TAG in image.getexif()


def public_media_files() -> set[str]:
    return {str(p.relative_to(MEDIA_ROOT)) for p in MEDIA_ROOT.rglob("*") if p.is_file()} if MEDIA_ROOT.exists() else set()


def mails_to(address: str) -> list[str]:
    """The bodies of the messages sent to this address, oldest first, decoded."""
    out = []
    raws = [chunk for text in sent_mail() for chunk in text.split("-" * 79) if chunk.strip()]
    for raw in raws:
        message = message_from_bytes(raw.lstrip().encode(), policy=default_policy)
        if address not in (message.get("To") or ""):
            continue
        part = message.get_body(preferencelist=("plain",)) if message.is_multipart() else message
        out.append(part.get_content() if part is not None else quopri.decodestring(raw.encode()).decode())
    return out


def link_in(text: str, marker: str, *, unless: str = "\0") -> str:
    """The last link of the message with `marker` in it (and not `unless`)."""
    links = [u.rstrip(".,)>") for u in re.findall(r"https?://\S+", text) if marker in u and unless not in u]
    assert links, f"no link with {marker!r} in:\n{text}"
    return links[-1]


def form_values(kind: str, language: str, run: str, *, photo: Path, pdf: Path) -> tuple[dict, dict, str]:
    """(text fields by name, files by name, the title the page will have) for one kind in one language."""
    country = "MA" if language == "ar" else "FR"
    if kind == "compte-rendu":
        name = f"مقهى محطة القطار {run}" if language == "ar" else f"Café IA de la gare {run}"
        return ({
            "cafe_name": name, "cafe_city": "فاس" if language == "ar" else "Vierzon", "country": country,
            "date": "2026-11-20", "participants": "14",
            "summary": "نقاش حول المساعدات الصوتية." if language == "ar" else "Un échange vif sur les assistants vocaux.",
            "questions": "هل تُسجَّل محادثاتنا؟" if language == "ar" else "Nos conversations sont-elles enregistrées ?",
            "author_credit_mode": "anonymous", "photo_1_alt": "طاولة النقاش" if language == "ar" else "La table du débat",
            "photo_1_consent": True,
        }, {"photo_1": photo}, name)
    if kind == "format":
        title = f"محاكمة الخوارزمية {run}" if language == "ar" else f"Le procès de l'algorithme {run}"
        return ({
            "title": title, "summary": "لعبة أدوار." if language == "ar" else "Un jeu de rôle où le public juge une IA.",
            "authors": "جمعية الرباط" if language == "ar" else "Collectif de Touraine",
            "step_1_title": "تقديم القضية" if language == "ar" else "Présenter l'affaire", "licence_accepted": True,
            "country_code": country,
        }, {"document_1": pdf}, title)
    if kind == "temoignage":
        person = f"سلمى {run}" if language == "ar" else f"Camille {run}"
        return ({
            "person_name": person, "role": "أستاذة في فاس" if language == "ar" else "bibliothécaire à Blois",
            "body": "تعلمت أن أستمع قبل أن أشرح." if language == "ar" else "J'ai appris à écouter avant d'expliquer.",
            "country_code": country, "photo_1_alt": "صورة شخصية" if language == "ar" else "Portrait",
            "photo_1_consent": True,
        }, {"photo_1": photo}, person)
    title = f"مقهى الذكاء الاصطناعي في المكتبة {run}" if language == "ar" else f"Café IA du centre social {run}"
    return ({
        "title": title, "summary": "لقاء مفتوح للجميع." if language == "ar" else "Un café ouvert à tous.",
        "start": "2027-02-10T18:00", "end": "2027-02-10T20:00", "mode": "sur-place",
        "city": "فاس" if language == "ar" else "Orléans", "country": country,
        "organisation": "مكتبة فاس" if language == "ar" else "Centre social des Fontaines",
        "moderator_contact": "0600000000",
    }, {}, title)


def fill(form, values: dict, files: dict) -> None:
    for name, value in values.items():
        field = form.locator(f"[name={name}]")
        kind = field.first.get_attribute("type")
        tag = field.first.evaluate("e => e.tagName")
        if kind == "radio":
            form.locator(f"[name={name}][value={value}]").check()
        elif kind == "checkbox":
            field.check()
        elif tag == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    for name, path in files.items():
        form.locator(f"[name={name}]").set_input_files(str(path))


def send_and_confirm(tab, *, kind: str, language: str, run: str, tmp_path: Path) -> dict:
    """Fills and sends one form as a person would, confirms from the e-mail; returns what the contributor has."""
    email = f"contributrice-{kind}-{language}-{run}@example.org"
    values, files, title = form_values(
        kind, language, run, photo=photo_with_gps(tmp_path / "photo.jpg"), pdf=small_pdf(tmp_path / "deroule.pdf")
    )
    tab.goto(f"/{language}/contribuer/{kind}/")
    form = tab.locator("form.contribution-form")
    fill(form, values, files)
    send_filled(tab, form, email)
    return {"email": email, "title": title, "files": list(files), "status": link_in(mails_to(email)[-1], "/suivi/")}


def send_filled(tab, form, email: str) -> None:
    """Gives the address and the consent of a filled form, sends it as a person would, confirms from the e-mail."""
    form.locator("[name=email]").fill(email)
    form.locator("[name=consent]").check()
    tab.wait_for_timeout(1200)  # a person takes longer than the minimum fill time
    form.locator("button[type=submit]").click()
    tab.wait_for_url("**/contribuer/merci/")
    tab.goto(link_in(mails_to(email)[-1], "/confirmer/"))
    tab.locator("main form button[type=submit]").click()
    tab.wait_for_load_state()
