"""The admin: brute-force lockout on Wagtail's login, and one test per permission rule."""
import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import override_settings
from wagtail.models import GroupPagePermission, Page

from home.models import StandardPage
from tests.factories import site_tree

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture
def staff_user():
    user = get_user_model().objects.create_user("camille", "camille@example.org", "un-mot-de-passe-solide-42")
    user.is_staff = True
    user.save()
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    user.user_permissions.add(access_admin)
    return user


def _post_login(client, username, password, language="fr"):
    return client.post(LOGIN, {"username": username, "password": password}, HTTP_ACCEPT_LANGUAGE=language)


def test_the_right_password_logs_in_through_wagtails_login(client, staff_user):
    response = _post_login(client, "camille", "un-mot-de-passe-solide-42")
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_repeated_failures_lock_out_the_username_from_that_address(client, staff_user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = _post_login(client, "camille", "mauvais")
        assert response.status_code == 200  # the login form again, with its error
    response = _post_login(client, "camille", "mauvais")
    assert response.status_code == 429
    assert "Connexion bloquée" in response.content.decode()
    # Even the right password is refused now: the lockout happens before the password check.
    response = _post_login(client, "camille", "un-mot-de-passe-solide-42")
    assert response.status_code == 429
    assert client.get("/admin/").status_code == 302
    assert AccessAttempt.objects.filter(username="camille", ip_address="127.0.0.1").exists()


def test_the_lockout_is_per_username_and_address_not_global(client, staff_user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _post_login(client, "camille", "mauvais")
    other = get_user_model().objects.create_user("nadia", "nadia@example.org", "un-autre-mot-de-passe-7")
    other.is_superuser = other.is_staff = True
    other.save()
    assert _post_login(client, "nadia", "un-autre-mot-de-passe-7").status_code == 302
    # The same username from another address is not locked out either.
    response = client.post(
        LOGIN, {"username": "camille", "password": "un-mot-de-passe-solide-42"}, REMOTE_ADDR="203.0.113.9"
    )
    assert response.status_code == 302


@pytest.mark.parametrize(("language", "text"), [("ar", "تم حظر تسجيل الدخول"), ("en", "Sign-in blocked")])
def test_the_lockout_page_is_translated(client, staff_user, settings, language, text):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = _post_login(client, "camille", "mauvais", language=language)
    assert response.status_code == 429
    assert text in response.content.decode()


@override_settings(CAFEIA_TRUSTED_PROXIES=1)
def test_behind_one_proxy_the_lockout_follows_the_forwarded_address(client, staff_user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": "camille", "password": "x"}, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert AccessAttempt.objects.filter(ip_address="198.51.100.7").exists()
    # Another visitor behind the same proxy (same REMOTE_ADDR) is not locked out.
    response = client.post(
        LOGIN, {"username": "camille", "password": "un-mot-de-passe-solide-42"}, HTTP_X_FORWARDED_FOR="198.51.100.8"
    )
    assert response.status_code == 302


# --- Permission audit: one test per rule -------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    for url in ("/admin/", "/admin/pages/", "/admin/users/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(LOGIN)


def test_users_without_admin_access_cannot_reach_the_admin(client):
    contributor = get_user_model().objects.create_user("lea", "lea@example.org", "mot-de-passe-contributrice-3")
    client.force_login(contributor)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    assert client.get("/admin/pages/").status_code == 302


def test_editors_cannot_list_or_change_users(client):
    editor = get_user_model().objects.create_user("sami", "sami@example.org", "mot-de-passe-editeur-5")
    editor.groups.add(Group.objects.get(name="Editors"))
    victim = get_user_model().objects.create_user("ines", "ines@example.org", "mot-de-passe-ines-9")
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200  # an editor does reach the admin...
    for url in ("/admin/users/", f"/admin/users/{victim.pk}/", "/admin/users/add/", "/admin/groups/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert not response["Location"].startswith(url)
    response = client.post(f"/admin/users/{victim.pk}/", {"username": "ines", "email": "pirate@example.org"})
    assert response.status_code in (302, 403)
    victim.refresh_from_db()
    assert victim.email == "ines@example.org"


@pytest.fixture
def subtree_moderator():
    """A group with every page permission on one subtree only, like a country's moderators."""
    home = site_tree(sections=False).home["fr"]
    inside = home.add_child(instance=StandardPage(title="Maroc", slug="audit-maroc", live=True))
    outside = home.add_child(instance=StandardPage(title="Sénégal", slug="audit-senegal", live=True))
    group = Group.objects.create(name="Modération Maroc (audit)")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page", "delete_page"):
        GroupPagePermission.objects.create(
            group=group, page=inside, permission=Permission.objects.get(codename=codename)
        )
    user = get_user_model().objects.create_user("youssef", "youssef@example.org", "mot-de-passe-moderateur-8")
    user.groups.add(group)
    return user, inside, outside


def test_subtree_moderators_edit_inside_their_subtree(client, subtree_moderator):
    user, inside, _outside = subtree_moderator
    client.force_login(user)
    assert client.get(f"/admin/pages/{inside.pk}/edit/").status_code == 200


def test_subtree_moderators_cannot_act_outside_their_subtree(client, subtree_moderator):
    user, _inside, outside = subtree_moderator
    client.force_login(user)
    for url in (
        f"/admin/pages/{outside.pk}/edit/",
        f"/admin/pages/{outside.pk}/delete/",
        f"/admin/pages/{outside.pk}/unpublish/",
        f"/admin/pages/add/home/standardpage/{outside.pk}/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
    response = client.post(f"/admin/pages/{outside.pk}/delete/")
    assert response.status_code in (302, 403)
    outside.refresh_from_db()
    assert outside.live
    assert Page.objects.filter(pk=outside.pk).exists()


def test_the_test_clients_login_still_works_and_http_logins_are_still_counted(client, staff_user, settings):
    assert client.login(username="camille", password="un-mot-de-passe-solide-42")
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _post_login(client, "camille", "mauvais")
    assert _post_login(client, "camille", "un-mot-de-passe-solide-42").status_code == 429


@pytest.mark.parametrize("password", ["court1", "12345678901", "password123", "camille2026"])
def test_weak_passwords_are_refused_by_the_validators(staff_user, password):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password(password, user=staff_user)
