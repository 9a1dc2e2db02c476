"""Factories for tests without the demo: pages, snippets, images, and a minimal site on the test client's host.

Pages are created live, straight into the tree, without revisions (a test that needs a revision publishes one).
Slugs of pages under the root are unique, so that a tree built here never meets the demo's on a reused database.
`site_tree()` builds the public tree most view tests need; `translate_page()` adds a language to any page.
"""
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Collection, Locale, Page, Site

from cafeia_site.management.commands.load_demo import DEMO_ACCOUNTS
from cafeia_site.models import FooterContent, SiteSettings
from cafes.models import Animator, Audience, CafeIndexPage, CafePage, CountryPage, Organisation
from home.models import ArticleIndexPage, ArticlePage, HomePage, StandardPage, TestimonyIndexPage
from ressources.models import ResourceIndexPage, ResourcePage

TEST_HOST = "testserver"  # Django's test client


def locale(code: str = "fr") -> Locale:
    return Locale.objects.get(language_code=code)


class _LivePageFactory(wagtail_factories.PageFactory):
    """A live page under `parent` (required), in its parent's language unless told otherwise."""

    live = True
    locale = factory.LazyAttribute(lambda o: o.parent.locale)

    class Meta:
        abstract = True


class HomePageFactory(_LivePageFactory):
    title = "Café IA"
    slug = factory.Sequence(lambda n: f"accueil-essai-{n}")
    parent = factory.LazyFunction(Page.get_first_root_node)
    locale = factory.LazyFunction(locale)
    hero_text = "Des cafés pour parler d'intelligence artificielle."

    class Meta:
        model = HomePage


class StandardPageFactory(_LivePageFactory):
    title = factory.Sequence(lambda n: f"Page d'essai {n}")
    slug = factory.Sequence(lambda n: f"page-essai-{n}")
    introduction = "Une page simple."

    class Meta:
        model = StandardPage


class CafeIndexPageFactory(_LivePageFactory):
    title = "Les cafés IA"
    slug = "cafes"

    class Meta:
        model = CafeIndexPage


class CountryPageFactory(_LivePageFactory):
    title = "France"
    slug = "france"
    country_code = "FR"
    time_zone = "Europe/Paris"

    class Meta:
        model = CountryPage


def _next_week_at_six_pm():
    today = timezone.localdate() + dt.timedelta(days=7)
    return timezone.make_aware(dt.datetime.combine(today, dt.time(18, 0)))


class CafePageFactory(_LivePageFactory):
    title = factory.Sequence(lambda n: f"Café d'essai {n}")
    slug = factory.Sequence(lambda n: f"cafe-essai-{n}")
    start = factory.LazyFunction(_next_week_at_six_pm)
    end = factory.LazyAttribute(lambda o: o.start + dt.timedelta(minutes=90))
    city = "Testville"
    postcode = "99000"
    region = "Testrégion"
    latitude = Decimal("45.123456")
    longitude = Decimal("3.654321")

    class Meta:
        model = CafePage
        skip_postgeneration_save = True

    @factory.post_generation
    def audiences(self, create, codes, **kwargs):
        if create and codes:
            self.audiences.set(Audience.objects.filter(code__in=codes))
            self.save()

    @factory.post_generation
    def tags(self, create, names, **kwargs):
        if create and names:
            self.tags.set(list(names))
            self.save()


class ArticleIndexPageFactory(_LivePageFactory):
    title = "La lettre"
    slug = "lettre"

    class Meta:
        model = ArticleIndexPage


class ArticlePageFactory(_LivePageFactory):
    title = factory.Sequence(lambda n: f"Article d'essai {n}")
    slug = factory.Sequence(lambda n: f"article-essai-{n}")
    chapeau = "Un chapeau d'essai."
    body = "[]"

    class Meta:
        model = ArticlePage


class TestimonyIndexPageFactory(_LivePageFactory):
    title = "Témoignages"
    slug = "temoignages"

    class Meta:
        model = TestimonyIndexPage


class ResourceIndexPageFactory(_LivePageFactory):
    title = "Ressources"
    slug = "ressources"

    class Meta:
        model = ResourceIndexPage


class ResourcePageFactory(_LivePageFactory):
    title = factory.Sequence(lambda n: f"Ressource d'essai {n}")
    slug = factory.Sequence(lambda n: f"ressource-essai-{n}")
    summary = "Un résumé d'essai."
    duration_minutes = 45

    class Meta:
        model = ResourcePage


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Structure d'essai {n}")
    slug = factory.Sequence(lambda n: f"structure-essai-{n}")
    city = "Testville"
    locale = factory.LazyFunction(locale)

    class Meta:
        model = Organisation


class AnimatorFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Animatrice d'essai {n}")
    slug = factory.Sequence(lambda n: f"animatrice-essai-{n}")
    listed = True
    locale = factory.LazyFunction(locale)

    class Meta:
        model = Animator


class FooterContentFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Pied de page d'essai {n}")
    postal_address = "1 place de l'Essai\n99000 Testville"
    locale = factory.LazyFunction(locale)

    class Meta:
        model = FooterContent


class ImageFactory(wagtail_factories.ImageFactory):
    """An image in the root collection (wagtail-factories would make a second root)."""

    title = factory.Sequence(lambda n: f"Image d'essai {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)


def translate_page(page: Page, code: str, **fields) -> Page:
    """`page` in another language, live, under its parent's translation (or beside it, for a home page)."""
    # A published page has an alias in every language (cafeia_site.localisation): translating turns it into a
    # page of its own, as wagtail-localize does.
    alias = type(page).objects.filter(translation_key=page.translation_key, locale=locale(code), alias_of__isnull=False).first()
    if alias is not None:
        alias.alias_of = None
        translated = alias
    else:
        translated = page.copy_for_translation(locale(code), copy_parents=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.live, translated.has_unpublished_changes = True, False
    translated.save()
    return translated


def site_for(home: HomePage, *, hostname: str = TEST_HOST, port: int = 80) -> Site:
    """The only Site, on the test client's host, rooted at `home`. Others go (the test's transaction restores
    them): a reused database may hold the demo's Site on the same host. With its settings row."""
    Site.objects.all().delete()
    site = Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True, site_name="Café IA")
    # As the demo does: made on the first request otherwise, and its saving empties the cached header and footer.
    SiteSettings.objects.create(site=site, contact_email="contact@cafeia.example")
    return site


@dataclass
class SiteTree:
    """The pages `site_tree()` built, by language code where a page has translations."""

    site: Site
    home: dict[str, HomePage]
    about: dict[str, StandardPage] = field(default_factory=dict)
    cafes: dict[str, CafeIndexPage] = field(default_factory=dict)
    countries: dict[str, dict[str, CountryPage]] = field(default_factory=dict)  # country code → language → page
    cafe: CafePage | None = None
    organisation: Organisation | None = None
    lettre: dict[str, ArticleIndexPage] = field(default_factory=dict)
    article: ArticlePage | None = None
    testimonies: dict[str, TestimonyIndexPage] = field(default_factory=dict)
    resources: dict[str, ResourceIndexPage] = field(default_factory=dict)
    resource: ResourcePage | None = None


LANGUAGES = ("fr", "ar", "en")


def _in_languages(page: Page, languages, **by_language) -> dict[str, Page]:
    pages = {"fr": page}
    for code in languages:
        if code != "fr":
            pages[code] = translate_page(page, code, **by_language.get(code, {}))
    return pages


def site_tree(*, languages=LANGUAGES, sections: bool = True, cafe_fields: dict | None = None) -> SiteTree:
    """A home page in `languages` on its own Site; with `sections`, the public sections under it at the demo's
    addresses (/cafes/ with France and Maroc, /lettre/, /temoignages/, /ressources/, /quest-ce-que-cafe-ia/),
    each in every language, one café in France (fr), one article and one resource (fr)."""
    home = _in_languages(HomePageFactory(), languages, ar={"title": "مقهى الذكاء الاصطناعي"}, en={"title": "AI Café"})
    tree = SiteTree(site=site_for(home["fr"]), home=home)
    if not sections:
        return tree
    fr = home["fr"]
    tree.about = _in_languages(
        StandardPageFactory(parent=fr, title="Qu'est-ce que Café IA ?", slug="quest-ce-que-cafe-ia",
                            introduction="Nos principes : parler d'IA simplement."),
        languages, en={"title": "What is Café IA?", "introduction": "Our principles: talking about AI simply."},
    )
    tree.cafes = _in_languages(CafeIndexPageFactory(parent=fr), languages)
    tree.countries = {
        "FR": _in_languages(CountryPageFactory(parent=tree.cafes["fr"]), languages),
        "MA": _in_languages(
            CountryPageFactory(parent=tree.cafes["fr"], title="Maroc", slug="maroc", country_code="MA",
                               time_zone="Africa/Casablanca"),
            languages, ar={"title": "المغرب"},
        ),
    }
    tree.organisation = OrganisationFactory()
    tree.cafe = CafePageFactory(parent=tree.countries["FR"]["fr"], organiser=tree.organisation, **(cafe_fields or {}))
    tree.lettre = _in_languages(ArticleIndexPageFactory(parent=fr), languages)
    tree.article = ArticlePageFactory(parent=tree.lettre["fr"])
    tree.testimonies = _in_languages(TestimonyIndexPageFactory(parent=fr), languages)
    tree.resources = _in_languages(ResourceIndexPageFactory(parent=fr), languages)
    tree.resource = ResourcePageFactory(parent=tree.resources["fr"])
    return tree


def site_settings(site: Site, **fields) -> SiteSettings:
    row, _ = SiteSettings.objects.update_or_create(site=site, defaults=fields)
    return row


def demo_account(username: str):
    """One of the demo's staff accounts ("administrateur", "editor", "moderator", "moderateur-maroc"), with the
    same groups and rights as `load_demo` gives it (the groups come from migrations)."""
    groups, is_superuser = next((g, su) for name, g, su, _ in DEMO_ACCOUNTS if name == username)
    user, _ = get_user_model().objects.get_or_create(username=username, defaults={"email": f"{username}@cafeia.example"})
    user.is_staff, user.is_superuser = True, is_superuser
    user.save()
    user.groups.set(Group.objects.filter(name__in=groups))
    return user
