"""The public endpoints every security test walks. Add each new public URL here, once.

`PUBLIC_GET_ENDPOINTS`: pages that are read (GET/HEAD only); each gets the header, bad-input
and wrong-method tests. `TEXT_PARAMS` maps an endpoint to the query parameters it reads, so
the bad-input tests put their payloads where the view really looks.
"""

PUBLIC_GET_ENDPOINTS = [
    "/fr/",
    "/ar/",
    "/en/",
    "/fr/quest-ce-que-cafe-ia/",
    "/fr/recherche/",
    "/ar/recherche/",
]

# Parameters each endpoint reads; every endpoint also gets an unknown parameter.
TEXT_PARAMS = {
    "/fr/recherche/": ["q", "page"],
    "/ar/recherche/": ["q", "page"],
}

# Forms that accept POST: (url, valid-looking data): the contribution forms and the lettre subscription.
PUBLIC_FORM_ENDPOINTS: list[tuple[str, dict]] = []

# The sections' pages, feeds and open data.
PUBLIC_GET_ENDPOINTS += [
    "/fr/cafes/",
    "/ar/cafes/",
    "/fr/cafes/agenda/",
    "/fr/cafes/maroc/",
    "/ar/cafes/maroc/",
    "/fr/lettre/",
    "/ar/lettre/",
    "/fr/ressources/",
    "/ar/ressources/",
    "/fr/contribuer/",
    "/data/cafes.geojson",
    "/data/cafes.csv",
    "/data/cafes.ics",
    "/data/synthese.json",
    "/data/synthese.csv",
    "/data/lieux.json",
]
TEXT_PARAMS.update({
    "/fr/cafes/": ["q", "near", "country", "region", "city", "mode", "audience", "organiser", "tag", "date", "date_from", "date_to", "when", "page"],
    "/fr/lettre/": ["tag", "year", "q", "page", "pays"],
    "/fr/ressources/": ["q", "kind", "audience", "duration", "group", "screens", "licence", "theme", "tag", "page"],
    "/data/cafes.geojson": ["country", "when", "tag", "date_from"],
    "/data/synthese.json": ["year", "country"],
    "/data/lieux.json": ["country", "q", "lang"],
})
PUBLIC_FORM_ENDPOINTS += [
    ("/fr/contribuer/temoignage/", {"person_name": "Awa", "role": "bibliothécaire", "body": "Un texte.", "email": "a@example.org", "consent": "on"}),
    ("/ar/contribuer/compte-rendu/", {"cafe_name": "مقهى", "cafe_city": "الرباط", "date": "2026-10-01", "summary": "نص", "email": "b@example.org", "consent": "on", "author_credit_mode": "anonymous"}),
    ("/fr/abonnement/", {"email": "c@example.org", "language": "fr", "consent": "on"}),
]
# Public forms that take no CSRF token, on purpose: see the test that says why.
CSRF_EXEMPT_FORMS = {"/fr/abonnement/"}
