"""After a sent form, the contributor lands on a page that says what happens next, in their language."""
import pytest
from django.core import mail

from .conftest import common_fields
from .test_flow import TESTIMONY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_moderation_tree")]


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "ouvrez le lien qu'il contient pour la confirmer"), ("ar", "المساهمة مرة أخرى"), ("en", "Contribute again")],
)
def test_a_sent_testimony_lands_on_the_thanks_page_that_asks_to_confirm_by_email(
    client, django_capture_on_commit_callbacks, language, expected
):
    data = {**TESTIMONY, **common_fields(email="temoin@example.org")}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/{language}/contribuer/temoignage/", data, follow=True)
    assert response.redirect_chain == [(f"/{language}/contribuer/merci/", 302)]
    assert [t.name for t in response.templates][0] == "contributions/thanks.html"
    html = response.content.decode()
    assert expected in html.replace("&#x27;", "'")
    assert f'href="/{language}/contribuer/"' in html  # "contribute again" leads back to the forms
    assert [m.to for m in mail.outbox] == [["temoin@example.org"]]  # the e-mail the page speaks of was sent
