"""Upload checks shared by the document library and public forms: size, declared type vs real content."""
from collections.abc import Iterable
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_UPLOAD_SIZE = 20 * 1024 * 1024

# kind: (extensions, magic prefixes; None means "plain text")
KINDS: dict[str, tuple[tuple[str, ...], tuple[bytes, ...] | None]] = {
    "pdf": (("pdf",), (b"%PDF-",)),
    # Office Open XML and OpenDocument files are ZIP archives.
    "office": (("docx", "xlsx", "pptx", "odt", "ods", "odp"), (b"PK\x03\x04",)),
    "zip": (("zip",), (b"PK\x03\x04", b"PK\x05\x06")),
    "png": (("png",), (b"\x89PNG\r\n\x1a\n",)),
    "jpeg": (("jpg", "jpeg"), (b"\xff\xd8\xff",)),
    "text": (("txt", "csv"), None),
}
ALL_KINDS = tuple(KINDS)

# Windows PE, ELF, scripts with a shebang, Mach-O (both byte orders, and fat binaries).
EXECUTABLE_SIGNATURES = (
    b"MZ", b"\x7fELF", b"#!", b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe",
)
_TEXT_SAMPLE = 8192


def read_head(file, size: int) -> bytes:
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(size)
    file.seek(position)
    return head if isinstance(head, bytes) else head.encode()


def check_upload(file, allowed_kinds: Iterable[str] = ALL_KINDS, *, max_size: int = MAX_UPLOAD_SIZE) -> str:
    """Refuse a file that is too big, an executable, or not what its extension says; return its kind.

    `file` is an uploaded file (anything with `name`, `size`, `seek`, `read`). Raises
    ValidationError with a message the person who uploaded it can act on.
    """
    allowed_kinds = tuple(allowed_kinds)
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, 2)
        size = file.tell()
        file.seek(0)
    if size > max_size:
        raise ValidationError(
            _("Ce fichier pèse %(size)s : la limite est de %(max)s Mo.")
            % {"size": filesizeformat(size), "max": max_size // (1024 * 1024)},
            code="too_large",
        )
    head = read_head(file, _TEXT_SAMPLE)
    if head.startswith(EXECUTABLE_SIGNATURES):
        raise ValidationError(
            _("Ce fichier contient un programme exécutable : il est refusé, quel que soit son nom."),
            code="executable",
        )
    extension = PurePath(file.name or "").suffix.lower().lstrip(".")
    kind = next((k for k in allowed_kinds if extension in KINDS[k][0]), None)
    if kind is None:
        accepted = ", ".join(f".{ext}" for k in allowed_kinds for ext in KINDS[k][0])
        raise ValidationError(
            _("Les fichiers « .%(extension)s » ne sont pas acceptés. Formats acceptés : %(accepted)s.")
            % {"extension": extension or "?", "accepted": accepted},
            code="extension",
        )
    magic = KINDS[kind][1]
    if magic is None:
        looks_right = b"\x00" not in head
    else:
        looks_right = head.startswith(magic)
    if not looks_right:
        raise ValidationError(
            _("Ce fichier porte l'extension « .%(extension)s » mais son contenu n'est pas de ce type. "
              "Enregistrez-le à nouveau dans le bon format.") % {"extension": extension},
            code="mismatch",
        )
    return kind
