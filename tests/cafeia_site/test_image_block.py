"""The image an editor puts in a page body shows with the alt text, caption and credit given in the editor."""
import json

import pytest

from home.models import StandardPage
from tests.factories import ImageFactory, site_tree

pytestmark = pytest.mark.django_db


def _page_with_image(*, alt_text="", decorative=False, caption="", credit=""):
    image = ImageFactory()
    page = StandardPage(
        title="Une page illustrée",
        slug="une-page-illustree",
        body=json.dumps([{"type": "image", "value": {
            "image": {"image": image.pk, "alt_text": alt_text, "decorative": decorative},
            "caption": caption, "credit": credit,
        }}]),
    )
    site_tree(sections=False).home["fr"].add_child(instance=page)
    page.save_revision().publish()
    return page


def test_an_image_in_a_page_body_has_its_alt_text_caption_and_credit(client):
    _page_with_image(alt_text="Un atelier au centre social", caption="L'atelier du jeudi", credit="Mairie de Blois")
    response = client.get("/fr/une-page-illustree/")
    assert response.status_code == 200
    assert "blocks/captioned_image.html" in [t.name for t in response.templates]
    figure = response.content.decode().split('<figure class="figure">', 1)[1].split("</figure>", 1)[0]
    assert 'alt="Un atelier au centre social"' in figure
    assert "<figcaption>L&#x27;atelier du jeudi" in figure
    assert '<small class="credit">© Mairie de Blois</small>' in figure


def test_a_decorative_image_has_an_empty_alt_and_no_empty_caption(client):
    _page_with_image(decorative=True)
    figure = client.get("/fr/une-page-illustree/").content.decode().split('<figure class="figure">', 1)[1]
    figure = figure.split("</figure>", 1)[0]
    assert 'alt=""' in figure
    assert "<figcaption" not in figure
