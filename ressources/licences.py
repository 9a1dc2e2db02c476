"""The licences a resource can carry: label, badge, deed link, and the attribution line owed."""
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


@dataclass(frozen=True)
class Licence:
    code: str
    label: str  # lazy: translated when displayed
    badge: str  # short, language-neutral text for the badge
    deed_url: str  # the human-readable deed; empty when there is none
    name: str  # the licence's own name, as cited in an attribution


DEFAULT_LICENCE = "cc-by-nc-4.0"

LICENCES: dict[str, Licence] = {
    licence.code: licence
    for licence in [
        Licence(
            "cc-by-nc-4.0", gettext_lazy("Creative Commons Attribution – Pas d'utilisation commerciale 4.0"),
            "CC BY-NC 4.0", "https://creativecommons.org/licenses/by-nc/4.0/", "CC BY-NC 4.0",
        ),
        Licence(
            "cc-by-4.0", gettext_lazy("Creative Commons Attribution 4.0"),
            "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0",
        ),
        Licence(
            "cc-by-sa-4.0", gettext_lazy("Creative Commons Attribution – Partage dans les mêmes conditions 4.0"),
            "CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/", "CC BY-SA 4.0",
        ),
        Licence(
            "cc0", gettext_lazy("CC0 – Domaine public"),
            "CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0",
        ),
        Licence(
            "permission", gettext_lazy("Tous droits réservés, utilisé avec permission"),
            "©", "", "",
        ),
        Licence(
            "author-terms", gettext_lazy("Voir les conditions de l'auteur"),
            "©", "", "",
        ),
    ]
}

LICENCE_CHOICES = [(code, licence.label) for code, licence in LICENCES.items()]


def get_licence(code: str) -> Licence:
    """The licence for this code; an unknown code (old data) falls back to the default."""
    return LICENCES.get(code) or LICENCES[DEFAULT_LICENCE]


def attribution(resource, *, url: str = "") -> str:
    """The line to copy when reusing the resource: title, who made it, where, under which licence.

    `url` is where the resource can be found when it has no source URL of its own
    (its page on this site, given by the caller who knows the request).
    """
    licence = get_licence(resource.licence)
    parts = [f"« {resource.title} »"]
    makers = ", ".join(p for p in (resource.authors.strip(), resource.organisation.strip()) if p)
    if makers:
        parts.append(makers)
    source = resource.source_url or url
    if source:
        parts.append(source)
    if licence.deed_url:
        parts.append(_("sous licence %(name)s (%(url)s)") % {"name": licence.name, "url": licence.deed_url})
    elif licence.code == "permission":
        parts.append(_("tous droits réservés, reproduit avec permission"))
    else:
        parts.append(_("selon les conditions de l'auteur"))
    return " — ".join(parts)
