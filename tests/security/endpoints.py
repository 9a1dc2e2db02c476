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

# Forms that accept POST: (url, valid-looking data). The integrator adds the contribution
# forms and the lettre subscription here.
PUBLIC_FORM_ENDPOINTS: list[tuple[str, dict]] = []
