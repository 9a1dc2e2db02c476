"""Demo content of the library: the index and 14 resources, in French with ar and en translations."""
import json

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from cafeia_site.demo import translate, upsert_page

from .demo_content import INDEX, INDEX_TR, RESOURCES
from .demo_content_more import MORE_RESOURCES
from .models import ResourceDocument, ResourceIndexPage, ResourcePage, ResourceTheme

TEXT_FIELDS = ("title", "summary", "objectives", "materials", "variations", "tips")

# A minimal, valid one-page PDF: enough for the document list, its type and its size.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _strings(entry: dict) -> dict[str, dict[str, str]]:
    """{language: {French source: translation}} for one resource."""
    out: dict[str, dict[str, str]] = {}
    for code, tr in entry["tr"].items():
        strings = out.setdefault(code, {})
        for name in TEXT_FIELDS:
            if tr.get(name) and entry.get(name):
                strings[entry[name]] = tr[name]
        for (title, _minutes, text), (tr_title, tr_text) in zip(entry["steps"], tr.get("steps", []), strict=False):
            strings[title] = tr_title
            strings[text] = tr_text
    # wagtail-localize turns the line breaks of a multi-line text into <br/> in its segments.
    return {
        code: {src.replace("\n", "<br/>"): dst.replace("\n", "<br/>") for src, dst in strings.items()}
        for code, strings in out.items()
    }


def _demo_document():
    Document = get_document_model()
    title = "Fiche recette d'un café IA (démo)"
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save("fiche-recette-cafe-ia.pdf", ContentFile(DEMO_PDF), save=False)
        document._set_document_file_metadata()
        document.save()
    return document


def _upsert_resource(index: ResourceIndexPage, entry: dict) -> ResourcePage:
    fields = {k: v for k, v in entry.items() if k not in ("slug", "steps", "themes", "tags", "tr")}
    fields["steps"] = json.dumps(
        [{"type": "step", "value": {"title": t, "duration": m, "text": x}} for t, m, x in entry["steps"]]
    )
    existing = index.get_children().filter(slug=entry["slug"]).first()
    page = existing.specific if existing else ResourcePage(slug=entry["slug"], locale=index.locale)
    for name, value in fields.items():
        setattr(page, name, value)
    page.themes = [ResourceTheme(theme=code) for code in entry["themes"]]
    page.tags.set(entry["tags"])
    if existing is None:
        index.add_child(instance=page)
    page.full_clean()
    page.save_revision().publish()
    return page


def build(context: dict, stdout=None) -> None:
    home = context["home"]
    index = upsert_page(home, ResourceIndexPage, slug="ressources", show_in_menus=True, **INDEX)
    translate(index, INDEX_TR)
    resources = {}
    for entry in RESOURCES + MORE_RESOURCES:
        page = _upsert_resource(index, entry)
        if entry["slug"] == "la-recette-infaillible" and not page.documents.exists():
            page.documents = [ResourceDocument(document=_demo_document(), title="Fiche recette à imprimer")]
            page.save_revision().publish()
        translate(page, _strings(entry))
        resources[entry["slug"]] = page
    context.update(resource_index=index, resources=resources)
