"""The checked upload form of Wagtail documents (WAGTAILDOCS_DOCUMENT_FORM_BASE)."""
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from cafeia_site.uploads import check_upload


class ResourceDocumentForm(BaseDocumentForm):
    """Wagtail's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE), refusing disguised or oversized files."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        # Only a new upload is checked: an unchanged file was checked when it came in.
        if isinstance(file, UploadedFile):
            check_upload(file)
        return file

    class Meta(BaseDocumentForm.Meta):
        pass
