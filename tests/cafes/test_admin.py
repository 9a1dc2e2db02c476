"""The admin screens of the section open: café editor with the geo widget, the directory snippets."""
import pytest
from django.contrib.auth import get_user_model

from tests.factories import AnimatorFactory, OrganisationFactory

from .factories import country

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree")]


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin-cafes-2", "b@example.org", "pw")
    client.force_login(user)
    return client


def test_cafe_edit_form_has_the_geo_widget_and_the_decimal_fields(admin_client, module_site_tree):
    cafe = module_site_tree.cafe
    html = admin_client.get(f"/admin/pages/{cafe.pk}/edit/").content.decode()
    assert 'name="location"' in html and 'name="latitude"' in html and 'name="longitude"' in html
    assert "approximate_location" in html


def test_pages_can_be_added_where_the_tree_allows(admin_client, module_site_tree):
    france = country("FR")
    assert admin_client.get(f"/admin/pages/add/cafes/cafepage/{france.pk}/").status_code == 200
    assert admin_client.get(f"/admin/pages/add/cafes/cafereportpage/{france.pk}/").status_code == 200
    cafe = module_site_tree.cafe
    assert admin_client.get(f"/admin/pages/add/cafes/cafereportpage/{cafe.pk}/").status_code == 200
    assert admin_client.get(f"/admin/pages/add/cafes/countrypage/{cafe.pk}/").status_code != 200  # refused: not a child type of a café


def test_directory_snippets_are_listed(admin_client):
    OrganisationFactory(name="Association Latitudes")
    AnimatorFactory(name="Claire Moreau")
    assert "Association Latitudes" in admin_client.get("/admin/snippets/cafes/organisation/").content.decode()
    assert "Claire Moreau" in admin_client.get("/admin/snippets/cafes/animator/").content.decode()
