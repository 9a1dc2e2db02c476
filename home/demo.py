"""Demo content of the home section: the home page, "Qu'est-ce que Café IA ?" and the privacy page."""
import json

from wagtail.models import Locale, Page, Site

from cafeia_site.demo import translate, upsert_page
from cafeia_site.models import FooterContent, SiteSettings
from cafeia_site.site_address import site_host_and_port

from .models import HomePage, StandardPage

HOME = {
    "title": "Café IA : parlons d'intelligence artificielle, ensemble",
    "hero_text": (
        "Des rencontres conviviales, près de chez vous, pour comprendre l'IA, en débattre "
        "et décider de ce que l'on en fait — avec, sans ou sur elle."
    ),
}
HOME_TR = {
    "ar": {
        HOME["title"]: "مقهى الذكاء الاصطناعي: لنتحدث معًا عن الذكاء الاصطناعي",
        HOME["hero_text"]: (
            "لقاءات ودّية قريبة منكم لفهم الذكاء الاصطناعي ومناقشته وتقرير ما نفعله به — "
            "معه أو من دونه أو بشأنه."
        ),
        "Proposer un compte rendu": "اقترحوا محضر لقاء",
        "Vous avez animé un café IA ?": "هل نشّطتم مقهى ذكاء اصطناعي؟",
        "Racontez ce qui s'y est dit : les questions, les idées, les propositions. Un modérateur relit avant publication.": (
            "احكوا ما قيل فيه: الأسئلة والأفكار والمقترحات. يراجع مشرفٌ المحتوى قبل نشره."
        ),
        "Le programme en bref": "البرنامج باختصار",
    },
    "en": {
        HOME["title"]: "Café IA: let's talk about artificial intelligence, together",
        HOME["hero_text"]: (
            "Friendly gatherings near you to understand AI, debate it and decide what we do "
            "with it — with it, without it, or about it."
        ),
        "Proposer un compte rendu": "Send a report",
        "Vous avez animé un café IA ?": "Did you run a café IA?",
        "Racontez ce qui s'y est dit : les questions, les idées, les propositions. Un modérateur relit avant publication.": (
            "Tell us what was said: the questions, the ideas, the proposals. A moderator reads it before it is published."
        ),
        "Le programme en bref": "The programme in short",
    },
}

FOOTER_ADDRESS = "Café IA\n(adresse de démonstration)"
FOOTER_LINKS = json.dumps([
    {"type": "link", "value": {"label": "La lettre en RSS", "url": "https://cafeia.example/fr/lettre/rss/"},
     "id": "5b0f3f0e-6a3c-4f4e-9a57-3d1b7c2f0a11"},
])
FOOTER_TR = {
    "ar": {FOOTER_ADDRESS: "مقهى الذكاء الاصطناعي\n(عنوان تجريبي)", "La lettre en RSS": "الرسالة عبر RSS"},
    "en": {FOOTER_ADDRESS: "Café IA\n(demo address)", "La lettre en RSS": "The letter as RSS"},
}

PRINCIPLES = [
    ("Accueil", "Chacun a sa place, chacun est écouté, et l'on repart plus riche qu'on est venu."),
    ("Évolution permanente", "Le programme change au fil des idées de celles et ceux qui le font vivre."),
    ("Productions libres", "Ce qui est produit se partage sous licence CC BY-NC : on cite, on ne vend pas."),
    ("Frugalité", "Peu de moyens, peu de données, un impact minimal sur l'environnement."),
    ("Un commun", "Les personnes, formats et ressources s'additionnent en un savoir partagé sur l'IA."),
    ("Proximité", "D'abord en présence, au plus près des lieux de vie de chacun."),
    ("Organisation distribuée", "Pair à pair : chacun peut proposer, animer, améliorer."),
    ("Essaimage", "Ce qui marche quelque part est partagé pour servir ailleurs."),
    ("Transparence", "Une carte, un annuaire, des comptes rendus et une synthèse chaque année."),
]
PRINCIPLES_TR = {
    "ar": [
        ("الترحيب", "لكل شخص مكانه ويُستمع إليه، ويخرج الجميع أغنى مما دخلوا."),
        ("تطور مستمر", "يتغير البرنامج بأفكار من يُحيونه."),
        ("إنتاجات حرة", "ما يُنتج يُتقاسم بترخيص CC BY-NC: نذكر المصدر ولا نبيع."),
        ("الاقتصاد في الموارد", "وسائل قليلة، بيانات قليلة، وأثر بيئي أدنى."),
        ("ملك مشترك", "تتراكم الأشخاص والصيغ والموارد في معرفة مشتركة حول الذكاء الاصطناعي."),
        ("القرب", "حضوريًا أولًا، في أقرب مكان من حياة كل شخص."),
        ("تنظيم موزّع", "من نظير إلى نظير: يمكن لكل شخص أن يقترح وينشّط ويحسّن."),
        ("الانتشار", "ما ينجح في مكان يُتقاسم ليفيد في مكان آخر."),
        ("الشفافية", "خريطة ودليل ومحاضر لقاءات وتوليفة كل سنة."),
    ],
    "en": [
        ("Welcome", "Everyone has a place, everyone is heard, and everyone leaves richer than they came."),
        ("Always evolving", "The programme changes with the ideas of the people who run it."),
        ("Free productions", "What is produced is shared under CC BY-NC: credit it, do not sell it."),
        ("Frugality", "Few means, little data, a minimal footprint on the environment."),
        ("A commons", "People, formats and resources add up to shared knowledge about AI."),
        ("Proximity", "In person first, as close as possible to where people live."),
        ("Distributed", "Peer to peer: anyone can propose, run or improve a café."),
        ("Spreading", "What works somewhere is shared so it can serve elsewhere."),
        ("Transparency", "A map, a directory, reports and a synthesis every year."),
    ],
}

ABOUT = {
    "title": "Qu'est-ce que Café IA ?",
    "introduction": (
        "Café IA est un programme national qui multiplie les lieux où chacun peut comprendre "
        "l'intelligence artificielle, en débattre et agir. Bibliothèques, associations, centres "
        "sociaux, tiers-lieux et instituts de recherche organisent des cafés partout en France "
        "et dans des pays partenaires comme le Maroc."
    ),
}
ABOUT_TR = {
    "ar": {
        ABOUT["title"]: "ما هو مقهى الذكاء الاصطناعي؟",
        ABOUT["introduction"]: (
            "مقهى الذكاء الاصطناعي برنامج وطني يضاعف الأماكن التي يستطيع فيها الجميع فهم الذكاء "
            "الاصطناعي ومناقشته والتصرف. تنظّم المكتبات والجمعيات والمراكز الاجتماعية والفضاءات "
            "الثالثة ومعاهد البحث مقاهي في كل أنحاء فرنسا وفي بلدان شريكة مثل المغرب."
        ),
        "Nos principes": "مبادئنا",
    },
    "en": {
        ABOUT["title"]: "What is Café IA?",
        ABOUT["introduction"]: (
            "Café IA is a national programme that multiplies the places where anyone can understand "
            "artificial intelligence, debate it and act. Libraries, associations, social centres, "
            "third places and research institutes run cafés all over France and in partner "
            "countries such as Morocco."
        ),
        "Nos principes": "Our principles",
    },
}

PRIVACY = {
    "title": "Données personnelles",
    "introduction": (
        "Nous collectons le moins possible. L'adresse e-mail d'une contribution ne sert qu'à la "
        "confirmer et à vous tenir informé de sa modération ; elle n'est jamais publiée. Les "
        "contributions non confirmées sont effacées au bout de 7 jours. Écrivez-nous pour "
        "consulter ou supprimer vos données."
    ),
}
PRIVACY_TR = {
    "ar": {
        PRIVACY["title"]: "المعطيات الشخصية",
        PRIVACY["introduction"]: (
            "نجمع أقل قدر ممكن. لا يُستعمل البريد الإلكتروني المرفق بمساهمة إلا لتأكيدها وإخباركم "
            "بمآل مراجعتها، ولا يُنشر أبدًا. تُحذف المساهمات غير المؤكدة بعد 7 أيام. راسلونا "
            "للاطلاع على معطياتكم أو حذفها."
        ),
    },
    "en": {
        PRIVACY["title"]: "Personal data",
        PRIVACY["introduction"]: (
            "We collect as little as we can. The e-mail address of a contribution is only used to "
            "confirm it and to keep you informed of its moderation; it is never published. "
            "Unconfirmed contributions are erased after 7 days. Write to us to see or delete your data."
        ),
    },
}


OPEN_DATA = {
    "title": "Données ouvertes",
    "introduction": (
        "Ce que publie Café IA se réutilise : la carte, l'agenda, les comptes rendus, les ressources et la "
        "synthèse annuelle sont disponibles en formats ouverts, sous licence CC BY-NC 4.0 sauf mention contraire."
    ),
}
OPEN_DATA_TR = {
    "ar": {
        OPEN_DATA["title"]: "البيانات المفتوحة",
        OPEN_DATA["introduction"]: (
            "ما ينشره مقهى الذكاء الاصطناعي قابل لإعادة الاستعمال: الخريطة والأجندة والمحاضر والموارد والتوليفة "
            "السنوية متاحة بصيغ مفتوحة، بترخيص CC BY-NC 4.0 ما لم يُذكر خلاف ذلك."
        ),
    },
    "en": {
        OPEN_DATA["title"]: "Open data",
        OPEN_DATA["introduction"]: (
            "What Café IA publishes can be reused: the map, the agenda, the reports, the resources and the yearly "
            "synthesis are available in open formats, under CC BY-NC 4.0 unless stated otherwise."
        ),
    },
}
FEEDS = [
    ("/data/cafes.geojson", "GeoJSON"), ("/data/cafes.ics", "iCalendar"), ("/data/cafes.csv", "CSV"),
    ("/data/synthese.json", "JSON"), ("/data/synthese.csv", "CSV"), ("/fr/lettre/rss/", "RSS"),
    ("/fr/lettre/atom/", "Atom"), ("/api/v2/pages/", "API JSON"),
]


def _principle_strings() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for code, rows in PRINCIPLES_TR.items():
        out[code] = {}
        for (fr_title, fr_text), (title, text) in zip(PRINCIPLES, rows, strict=True):
            out[code][fr_title] = title
            out[code][fr_text] = text
    return out


def _merge(*dicts):
    merged: dict[str, dict[str, str]] = {}
    for d in dicts:
        for code, strings in d.items():
            merged.setdefault(code, {}).update(strings)
    return merged


def build(context: dict, stdout=None) -> None:
    fr = Locale.objects.get(language_code="fr")
    root = Page.get_first_root_node()
    # Wagtail's own "Welcome" page is replaced by ours.
    for page in root.get_children().exclude(content_type__model="homepage"):
        if page.slug == "home":
            page.delete()
    home = root.get_children().filter(locale=fr, content_type__app_label="home").first()
    contribute_body = json.dumps(
        [
            {
                "type": "call_to_action",
                "value": {
                    "title": "Vous avez animé un café IA ?",
                    "text": "Racontez ce qui s'y est dit : les questions, les idées, les propositions. Un modérateur relit avant publication.",
                    "link_page": None,
                    "link_url": "",
                    "link_form": "compte-rendu",
                    "link_label": "Proposer un compte rendu",
                },
            },
        ]
    )
    if home is None:
        home = HomePage(slug="accueil", locale=fr, title=HOME["title"], hero_text=HOME["hero_text"])
        root.add_child(instance=home)
    home = home.specific
    home.title, home.hero_text = HOME["title"], HOME["hero_text"]
    if not home.body:
        home.body = contribute_body
    home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port = site_host_and_port()
    site.root_page, site.site_name = home, "Café IA"
    site.save()
    Site.objects.exclude(pk=site.pk).delete()
    # The footer's text is a translatable snippet chosen by the settings (site settings cannot be translated).
    footer, _ = FooterContent.objects.update_or_create(
        name="Pied de page", locale=fr, defaults={"postal_address": FOOTER_ADDRESS, "social_links": FOOTER_LINKS},
    )
    translate(footer, FOOTER_TR)
    SiteSettings.objects.update_or_create(
        site=site, defaults={"contact_email": "contact@cafeia.example", "footer": footer},
    )

    principles = [{"type": "heading", "value": {"text": "Nos principes", "level": "h2"}}] + [
        {"type": "principle", "value": {"title": t, "text": x}} for t, x in PRINCIPLES
    ]
    about = upsert_page(
        home, StandardPage, slug="quest-ce-que-cafe-ia", show_in_menus=True,
        body=json.dumps(principles), **ABOUT,
    )
    privacy = upsert_page(home, StandardPage, slug="donnees-personnelles", **PRIVACY)
    feeds = "".join(f'<li><a href="{url}">{url}</a> ({kind})</li>' for url, kind in FEEDS)
    open_data = upsert_page(
        home, StandardPage, slug="donnees-ouvertes",
        body=json.dumps([{"type": "text", "value": f"<ul>{feeds}</ul>"}, {"type": "api_examples", "value": None}]),
        **OPEN_DATA,
    )

    translate(home, HOME_TR)
    translate(about, _merge(ABOUT_TR, _principle_strings()))
    translate(privacy, PRIVACY_TR)
    translate(open_data, OPEN_DATA_TR)
    context.update(home=home, about=about, privacy=privacy, site=site)
