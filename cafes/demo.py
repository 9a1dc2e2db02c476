"""Demo content of the café section: index, France and Maroc, 40+ cafés, directory, reports, in fr with ar/en."""
import datetime as dt
import json
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from cafeia_site.demo import translate, upsert_page
from cafeia_site.models import VocabularyTerm

from . import timing
from .demo_data import ANIMATORS, CAFES, CITY_TR, ORGANISATIONS, ORGANISATIONS_TR, PLACES, TERMS_TR, THEMES, TRANSLATED
from .models import (
    AccessibilityFeature,
    Animator,
    Audience,
    CafeIndexPage,
    CafePage,
    CafeReportPage,
    CafeSessionChange,
    CountryPage,
    Organisation,
)

INDEX = {
    "title": "Les cafés IA",
    "introduction": "Trouvez un café IA près de chez vous, sur place ou en ligne : la carte, la liste et l'agenda montrent les mêmes rendez-vous.",
}
INDEX_TR = {
    "ar": {INDEX["title"]: "مقاهي الذكاء الاصطناعي",
           INDEX["introduction"]: "اعثروا على مقهى ذكاء اصطناعي قريب منكم، حضوريًا أو عبر الإنترنت: الخريطة والقائمة والأجندة تعرض المواعيد نفسها."},
    "en": {INDEX["title"]: "The cafés IA",
           INDEX["introduction"]: "Find a café IA near you, on site or online: the map, the list and the agenda show the same gatherings."},
}
COUNTRIES = {
    "FR": {"slug": "france", "title": "France", "capital": "Paris", "time_zone": "Europe/Paris",
           "introduction": "Des bibliothèques, des associations, des mairies et des centres sociaux accueillent des cafés dans toute la France.",
           "contact_email": "contact@cafeia.example",
           "contact_address": "",
           "contact_text": "Une question sur un café, l'envie d'en organiser un ou de devenir partenaire : l'équipe nationale vous répond.",
           "moderators_text": "L'équipe nationale de modération de Café IA relit les contributions envoyées depuis la France."},
    "MA": {"slug": "maroc", "title": "Maroc", "capital": "Rabat", "time_zone": "Africa/Casablanca",
           "introduction": "Depuis fin 2024, des cafés IA se tiennent à Rabat, Ifrane et dans d'autres villes du royaume.",
           "contact_email": "maroc@cafeia.example",
           "contact_address": "Café IA Maroc\n(adresse de démonstration)\nRabat",
           "contact_text": "Vous voulez organiser un café IA au Maroc, recevoir les supports en arabe ou devenir partenaire ? Écrivez à l'équipe Maroc.",
           "moderators_text": "Les contributions du Maroc sont relues par l'équipe de modération Café IA Maroc : des bénévoles des structures partenaires de Rabat, d'Ifrane et de Casablanca."},
}
COUNTRIES_TR = {
    "ar": {"France": "فرنسا", "Maroc": "المغرب", "Paris": "باريس", "Rabat": "الرباط",
           COUNTRIES["FR"]["introduction"]: "تستضيف المكتبات والجمعيات والبلديات والمراكز الاجتماعية مقاهي في كل أنحاء فرنسا.",
           COUNTRIES["MA"]["introduction"]: "منذ أواخر 2024، تُعقد مقاهي الذكاء الاصطناعي في الرباط وإفران ومدن أخرى من المملكة.",
           COUNTRIES["FR"]["contact_text"]: "سؤال عن مقهى، أو رغبة في تنظيم مقهى أو في أن تصبحوا شركاء: يجيبكم الفريق الوطني.",
           COUNTRIES["FR"]["moderators_text"]: "يراجع الفريقُ الوطني للإشراف في مقهى الذكاء الاصطناعي المساهماتِ المرسلة من فرنسا.",
           COUNTRIES["MA"]["contact_address"]: "مقهى الذكاء الاصطناعي المغرب\n(عنوان تجريبي)\nالرباط",
           COUNTRIES["MA"]["contact_text"]: "هل تريدون تنظيم مقهى ذكاء اصطناعي في المغرب، أو الحصول على الموارد بالعربية، أو أن تصبحوا شركاء؟ راسلوا فريق المغرب.",
           COUNTRIES["MA"]["moderators_text"]: "يراجع مساهماتِ المغرب فريقُ الإشراف في مقهى الذكاء الاصطناعي المغرب: متطوعون من الهيئات الشريكة في الرباط وإفران والدار البيضاء."},
    "en": {"France": "France", "Maroc": "Morocco",
           COUNTRIES["FR"]["introduction"]: "Libraries, associations, town halls and social centres host cafés all over France.",
           COUNTRIES["MA"]["introduction"]: "Since late 2024, cafés IA have been held in Rabat, Ifrane and other cities of the kingdom.",
           COUNTRIES["FR"]["contact_text"]: "A question about a café, a wish to run one or to become a partner: the national team will answer.",
           COUNTRIES["FR"]["moderators_text"]: "The Café IA national moderation team reviews the contributions sent from France.",
           COUNTRIES["MA"]["contact_address"]: "Café IA Maroc\n(demo address)\nRabat",
           COUNTRIES["MA"]["contact_text"]: "Want to run a café IA in Morocco, get the materials in Arabic or become a partner? Write to the Morocco team.",
           COUNTRIES["MA"]["moderators_text"]: "Contributions from Morocco are reviewed by the Café IA Maroc moderation team: volunteers from partner organisations in Rabat, Ifrane and Casablanca."},
}
RECURRING = [
    # slug, title, weekday, summary, summary translations
    ("cafes-ressources", "Cafés ressources", 2,
     "Chaque mercredi en ligne : on découvre ensemble des ressources pour comprendre l'IA et en parler.",
     {"ar": ("مقاهي الموارد", "كل أربعاء عبر الإنترنت: نكتشف معًا موارد لفهم الذكاء الاصطناعي والحديث عنه."),
      "en": ("Resource cafés", "Every Wednesday online: we explore resources to understand AI and talk about it.")}),
    ("cafes-animations", "Cafés animations", 3,
     "Chaque jeudi en ligne : des animatrices et animateurs présentent leurs formats et partagent leur expérience.",
     {"ar": ("مقاهي التنشيط", "كل خميس عبر الإنترنت: يقدّم منشّطون ومنشّطات صيغهم ويتقاسمون تجربتهم."),
      "en": ("Facilitation cafés", "Every Thursday online: facilitators present their formats and share their experience.")}),
]
REPORTS = [
    # index in CAFES (or None: a café not listed, under Maroc), title, participants, summary, questions, proposals, themes
    (0, "Premier café IA à Blois", 35,
     "Une trentaine de personnes, des lycéens aux retraités, ont parlé de ce que l'IA change déjà dans leur quotidien.",
     ["Qui est responsable quand une IA se trompe ?", "Peut-on savoir si un texte a été écrit par une IA ?"],
     ["Organiser un café dans chaque médiathèque du département.", "Préparer une fiche simple sur les assistants conversationnels."],
     ["IA au quotidien", "responsabilité"]),
    (3, "Bordeaux : élus, agents et habitants autour de l'IA", 48,
     "Un échange très riche sur la façon dont chacun peut agir à son échelle face aux systèmes d'IA.",
     ["Comment une collectivité choisit-elle un outil d'IA ?", "Que deviennent nos données ?"],
     ["Associer les habitants aux choix d'outils numériques de la métropole."],
     ["démocratie", "services publics"]),
    (17, "Orléans : médiation numérique et IA", None,
     "Les médiateurs ont partagé leurs pratiques : accompagner sans faire à la place, et garder l'humain au centre.",
     ["Faut-il apprendre l'IA aux personnes qui débutent avec le numérique ?"],
     ["Créer un atelier commun entre centres sociaux.", "Partager les supports d'animation sous licence libre."],
     ["médiation", "inclusion"]),
    (None, "Meknès : un café IA à la maison des jeunes", 22,
     "Un café improvisé avec des étudiants et leurs enseignants, sur l'IA et l'emploi de demain.",
     ["L'IA va-t-elle remplacer les métiers que nous étudions ?"],
     ["Refaire un café chaque trimestre avec l'université."],
     ["travail"]),
]
REPORT_TR = {
    "ar": {"Premier café IA à Blois": "أول مقهى ذكاء اصطناعي في بلوا",
           "Qui est responsable quand une IA se trompe ?": "من المسؤول عندما يخطئ الذكاء الاصطناعي؟",
           "Meknès : un café IA à la maison des jeunes": "مكناس: مقهى ذكاء اصطناعي في دار الشباب",
           "L'IA va-t-elle remplacer les métiers que nous étudions ?": "هل سيحلّ الذكاء الاصطناعي محلّ المهن التي ندرسها؟",
           "Refaire un café chaque trimestre avec l'université.": "تنظيم مقهى كل ثلاثة أشهر مع الجامعة.",
           "Meknès": "مكناس"},
    "en": {"Premier café IA à Blois": "First café IA in Blois",
           "Qui est responsable quand une IA se trompe ?": "Who is responsible when an AI gets it wrong?",
           "Meknès : un café IA à la maison des jeunes": "Meknes: a café IA at the youth centre",
           "L'IA va-t-elle remplacer les métiers que nous étudions ?": "Will AI replace the jobs we are studying for?",
           "Refaire un café chaque trimestre avec l'université.": "Hold a café every quarter with the university."},
}


def _at(day: dt.date, hour: int, minute: int, tz: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=ZoneInfo(tz))


def _description(text: str) -> str:
    return json.dumps([{"type": "text", "value": f"<p>{text}</p>"}])


def _organisations(fr) -> dict[str, Organisation]:
    found = {}
    for slug, (name, kind, city, website, description) in ORGANISATIONS.items():
        org, _ = Organisation.objects.update_or_create(
            slug=slug, locale=fr, defaults={"name": name, "kind": kind, "city": city, "website": website, "description": description})
        found[slug] = org
        translate(org, ORGANISATIONS_TR)
    return found


def _animators(fr, organisations) -> dict[str, Animator]:
    found = {}
    for slug, name, org_key, listed, bio in ANIMATORS:
        person, _ = Animator.objects.update_or_create(
            slug=slug, locale=fr, defaults={"name": name, "organisation": organisations[org_key], "listed": listed, "bio": bio})
        found[slug] = person
    return found


def _cafe_fields(n, spec, today, organisations, animators):
    city, org_key, offset, hour, mode, audiences, theme, opts = spec
    postcode, region, lat, lng, _country = PLACES[city]
    theme_fr = THEMES[theme][0]
    tz = opts.get("tz", "Europe/Paris")
    start = _at(today + dt.timedelta(days=offset), hour, 0, tz)
    fields = {
        "title": f"Café IA à {city} : {theme_fr}",
        "summary": f"Une heure et demie pour parler de {theme_fr}, sans prérequis, autour d'un café.",
        "start": start,
        "end": start + dt.timedelta(minutes=90),
        "time_zone": tz,
        "recurrence_weekday": None,
        "recurrence_until": None,
        "status": opts.get("status", "prevu"),
        "mode": mode,
        "venue_name": opts.get("venue", f"Salle des fêtes de {city}" if n % 3 else f"Médiathèque de {city}"),
        "address": opts.get("address", f"{1 + n % 40} place de la Mairie"),
        "postcode": postcode,
        "city": city,
        "region": region,
        # Each café a little apart from its neighbours in the same town.
        "latitude": None,
        "longitude": None,
        "location": f"SRID=4326;POINT({lng + (n % 5) * 0.004:.6f} {lat + (n % 3) * 0.003:.6f})",
        "approximate_location": opts.get("approximate", False),
        "organiser": organisations[org_key],
        "capacity": opts.get("capacity"),
        "price": opts.get("price", ""),
        "registration_url": "",
        "contact": f"cafe-{slugify(city)}@cafeia.example",
        "meeting_url": opts.get("meeting_url", ""),
        "description": _description("On part des questions de chacun ; une animatrice ou un animateur veille à ce que toutes les voix soient entendues."),
    }
    return fields, audiences, [THEMES[theme][1]], [animators[a] for a in opts.get("animators", [])]


def _save_cafe(country, slug, fields, audiences, tags, animators, accessibility=(), changes=()) -> CafePage:
    """`accessibility`: feature codes; `changes`: (date, timing.SessionChange) pairs, the dates of a regular café
    that differ from its rhythm."""
    audience_rows = list(Audience.objects.filter(code__in=audiences))
    feature_rows = list(AccessibilityFeature.objects.filter(code__in=accessibility))
    existing = country.get_children().filter(slug=slug).first()
    if existing is None:
        cafe = CafePage(slug=slug, locale=country.locale, **fields)
    else:
        cafe = upsert_page(country, CafePage, slug=slug, **fields)
    cafe.audiences.set(audience_rows)
    cafe.accessibility_features.set(feature_rows)
    cafe.animators.set(animators)
    cafe.tags.set(tags)
    cafe.session_changes = [CafeSessionChange(date=day, change=change) for day, change in changes]
    if existing is None:
        country.add_child(instance=cafe)
    cafe.save_revision().publish()
    return cafe


def _regular_changes(first: dt.date, rhythm: timing.Rhythm, today: dt.date) -> list[tuple]:
    """A regular café's usual life: a holiday without session, then a session cancelled, both still to come."""
    coming = list(rhythm.rule_days(first, today + dt.timedelta(days=20), rhythm.until))
    return [(coming[1], timing.SessionChange.SKIPPED), (coming[2], timing.SessionChange.CANCELLED)] if len(coming) > 2 else []


def _cafe_translations(spec, fields) -> dict:
    city, _org, _offset, _hour, _mode, _aud, theme, _opts = spec
    _fr, _tag, theme_en, theme_ar = THEMES[theme]
    city_ar = CITY_TR["ar"].get(city, city)
    return {
        "ar": {fields["title"]: f"مقهى الذكاء الاصطناعي في {city_ar}: {theme_ar}",
               fields["summary"]: f"ساعة ونصف للحديث عن {theme_ar}، دون أي شرط مسبق، حول فنجان قهوة.",
               city: city_ar},
        "en": {fields["title"]: f"Café IA in {city}: {theme_en}",
               fields["summary"]: f"An hour and a half to talk about {theme_en}, no prior knowledge needed, over a coffee."},
    }


def build(context: dict, stdout=None) -> None:
    fr = Locale.objects.get(language_code="fr")
    home = context["home"]
    today = timezone.localdate()

    index = upsert_page(home, CafeIndexPage, slug="cafes", show_in_menus=True, **INDEX)
    translate(index, INDEX_TR)
    countries = {}
    for code, data in COUNTRIES.items():
        fields = {k: v for k, v in data.items() if k != "slug"}
        country = upsert_page(index, CountryPage, slug=data["slug"], country_code=code, **fields)
        translate(country, COUNTRIES_TR)
        countries[code] = country
    context["cafe_index"] = index
    context["countries"] = countries

    organisations = _organisations(fr)
    animators = _animators(fr, organisations)

    cafes = []
    for n, spec in enumerate(CAFES):
        fields, audiences, tags, people = _cafe_fields(n, spec, today, organisations, animators)
        city = spec[0]
        country = countries[PLACES[city][4]]
        slug = f"{slugify(city)}-{sum(1 for s in CAFES[:n] if s[0] == city) + 1}"
        cafe = _save_cafe(country, slug, fields, audiences, tags, people, spec[7].get("access", ()))
        cafes.append(cafe)
        if n in TRANSLATED:
            translate(cafe, _cafe_translations(spec, fields))

    # The two weekly online sessions of the programme, Wednesdays and Thursdays, 13:30–15:00 in Paris.
    for slug, title, weekday, summary, tr in RECURRING:
        first = today - dt.timedelta(days=56)
        first += dt.timedelta(days=(weekday - first.weekday()) % 7)
        start = _at(first, 13, 30, "Europe/Paris")
        fields = {
            "title": title, "summary": summary, "start": start, "end": _at(first, 15, 0, "Europe/Paris"),
            "time_zone": "Europe/Paris", "recurrence_weekday": weekday, "recurrence_until": today + dt.timedelta(days=200),
            "status": "prevu", "mode": "en-ligne", "venue_name": "", "address": "", "postcode": "", "city": "",
            "region": "", "location": "", "latitude": None, "longitude": None, "approximate_location": False,
            "organiser": organisations["cnnum"], "meeting_url": f"https://visio.cafeia.example/{slug}",
            "registration_url": f"https://cafeia.example/inscription/{slug}", "contact": "", "price": "", "capacity": 100,
            "description": _description(summary),
        }
        people = [animators["samir-benali"]] if weekday == 3 else []
        changes = _regular_changes(first, timing.Rhythm(weekday, None, fields["recurrence_until"]), today) if weekday == 2 else []
        # The Thursday session has a sign-language interpreter on screen.
        cafe = _save_cafe(countries["FR"], slug, fields, ["aidants-numeriques", "professionnels"], ["en ligne"], people,
                          ["lsf", "auditif"] if weekday == 3 else (), changes)
        translate(cafe, {code: {title: t, summary: s} for code, (t, s) in tr.items()})
    _monthly_cafe(countries["FR"], today, organisations)

    for cafe_n, title, participants, summary, questions, proposals, themes in REPORTS:
        parent = cafes[cafe_n] if cafe_n is not None else countries["MA"]
        date = cafes[cafe_n].start.date() if cafe_n is not None else today - dt.timedelta(days=70)
        extra = {} if cafe_n is not None else {"cafe_name": "Café IA de la maison des jeunes", "cafe_city": "Meknès", "cafe_region": "Fès-Meknès"}
        report = upsert_page(parent, CafeReportPage, slug=slugify(title)[:60], title=title, date=date, participants=participants,
                             summary=summary, author_credit="" if cafe_n == 3 else "L'équipe d'animation", **extra)
        report.questions.all().delete()
        report.proposals.all().delete()
        for i, text in enumerate(questions):
            report.questions.create(text=text, sort_order=i)
        for i, text in enumerate(proposals):
            report.proposals.create(text=text, sort_order=i)
        report.audiences.set(Audience.objects.filter(code__in=["tous-publics"]))
        report.themes.set(themes)
        report.quotes = json.dumps([{"type": "quote", "value": {"text": "On a enfin pris le temps d'en parler ensemble.", "attribution": ""}}])
        report.save_revision().publish()
        if cafe_n in (0, None) or (cafe_n in TRANSLATED):
            translate(report, REPORT_TR)
    translate_vocabulary(fr)
    if stdout is not None:
        stdout.write(f"    {len(cafes) + len(RECURRING) + 1} cafés, {len(REPORTS)} reports")


def _monthly_cafe(france, today: dt.date, organisations) -> CafePage:
    """The first Tuesday of every month at Quimper's médiathèque, since two months ago, with two dates changed."""
    postcode, region, lat, lng, _country = PLACES["Quimper"]
    back = today - dt.timedelta(days=60)
    first = timing.nth_weekday(back.year, back.month, 1, 1)
    rhythm = timing.Rhythm(1, 1, today + dt.timedelta(days=300))
    start = _at(first, 18, 0, "Europe/Paris")
    fields = {
        "title": "Café IA du premier mardi à Quimper", "start": start, "end": start + dt.timedelta(minutes=90),
        "summary": "Chaque premier mardi du mois, une question d'actualité sur l'IA et une heure et demie pour en débattre.",
        "time_zone": "Europe/Paris", "recurrence_weekday": 1, "recurrence_week": 1, "recurrence_until": rhythm.until,
        "status": "prevu", "mode": "sur-place", "venue_name": "Médiathèque de Quimper", "address": "2 rue de la Poste",
        "postcode": postcode, "city": "Quimper", "region": region, "latitude": None, "longitude": None,
        "location": f"SRID=4326;POINT({lng:.6f} {lat:.6f})", "approximate_location": False,
        "organiser": organisations["cnnum"], "capacity": 30, "price": "", "registration_url": "", "meeting_url": "",
        "contact": "", "description": _description("Chaque premier mardi du mois, une question d'actualité sur l'IA."),
    }
    return _save_cafe(france, "quimper-premier-mardi", fields, ["tous-publics"], ["IA au quotidien"], [], ["plain-pied", "moteur"],
                      _regular_changes(first, rhythm, today))


def translate_vocabulary(fr) -> None:
    """Arabic and English labels for the demo's tags and themes, through wagtail-localize (Vocabulaire → Traduire)."""
    names = set(TERMS_TR["ar"]) | set(TERMS_TR["en"])
    for term in VocabularyTerm.objects.filter(locale=fr, name__in=names):
        translate(term, {code: {term.label: labels[term.name]} for code, labels in TERMS_TR.items() if term.name in labels})
