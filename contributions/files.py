"""Files sent with contributions: private until approval, then Wagtail images and documents; deleted with every copy."""
import logging
import os
import posixpath
from functools import partial

from django.core.files import File
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from .choices import FileKind
from .models import ContributionFile

COLLECTION_NAME = "Contributions"
logger = logging.getLogger(__name__)


def _collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def _public_image(record: ContributionFile, collection):
    Image = get_image_model()
    with record.file.open("rb") as handle:
        image = Image(title=(record.alt_text or record.original_name)[:255], description=record.alt_text[:255],
                      collection=collection)
        # The private file's random name: nothing about the contributor in the public URL.
        image.file.save(posixpath.basename(record.file.name), ImageFile(handle), save=False)
        image._set_image_file_metadata()
        image.save()
    return image


def _public_document(record: ContributionFile, collection):
    Document = get_document_model()
    with record.file.open("rb") as handle:
        document = Document(title=record.original_name[:255], collection=collection)
        document.file.save(record.original_name, File(handle), save=False)
        document._set_document_file_metadata()
        document.save()
    return document


def files_publish(contribution) -> tuple[list, list]:
    """The public copies of a contribution's files, made once: (record, image) and (record, document) pairs."""
    photos, documents = [], []
    collection = None
    for record in contribution.files.select_related("image", "document"):
        photo = record.kind == FileKind.PHOTO
        field = "image" if photo else "document"
        if getattr(record, field) is None:
            collection = collection or _collection()
            try:
                setattr(record, field, _public_image(record, collection) if photo else _public_document(record, collection))
            except FileNotFoundError:
                # Lost from the private storage: the page is approved without it rather than not at all.
                logger.error("Contribution file %s is missing from the private storage: not published", record.pk)
                continue
            record.save(update_fields=[field])
        (photos if photo else documents).append((record, getattr(record, field)))
    return photos, documents


def files_delete(records) -> int:
    """Deletes every copy of these files (private original, public image or document, renditions); returns
    how many had a public copy. Files leave the disk once the transaction commits, so a rollback loses none."""
    public = 0
    for record in list(records.select_related("image", "document")):
        for copy in (record.image, record.document):
            if copy is not None:
                # Wagtail's post_delete handlers remove the file and each rendition's file on commit.
                copy.delete()
                public += 1
        transaction.on_commit(partial(_delete_private_file, record.file.storage, record.file.name))
        record.delete()
    return public


def _delete_private_file(storage, name):
    storage.delete(name)
    folder = posixpath.dirname(name)
    try:
        if storage.listdir(folder) == ([], []):
            # The contribution's own folder goes with its last file.
            os.rmdir(storage.path(folder))
    except (NotImplementedError, OSError):
        pass  # storages without folders, or a folder already gone
