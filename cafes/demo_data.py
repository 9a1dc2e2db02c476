"""Demo data of the café section: places, organisations and translations (facts from public material, our own words)."""

# key: (name, kind, city, website, description)
ORGANISATIONS = {
    "loir-et-cher-tech": ("Loir-et-Cher Tech", "association", "Blois", "https://loiretchertech.example",
                          "Association qui fédère les acteurs du numérique du Loir-et-Cher et organise des rencontres ouvertes."),
    "inria-bordeaux": ("Inria, centre de Bordeaux", "recherche", "Bordeaux", "https://inria.example/bordeaux",
                       "Institut de recherche en sciences du numérique ; ses chercheurs viennent expliquer et écouter."),
    "bordeaux-metropole": ("Bordeaux Métropole", "collectivite", "Bordeaux", "",
                           "La métropole réunit élus, agents, médiateurs et habitants autour des usages de l'IA."),
    "reseau-canope": ("Réseau Canopé", "reseau", "Vanves", "https://canope.example",
                      "Réseau public de formation des enseignants, qui accueille des cafés sur place et à distance."),
    "emmaus-connect": ("Emmaüs Connect", "association", "Orléans", "",
                       "Association qui lutte contre l'exclusion numérique, présente dans de nombreuses villes."),
    "ville-antibes": ("Ville d'Antibes", "collectivite", "Antibes", "",
                      "La mairie organise des cafés pour ses agents et pour les habitants."),
    "mediatheque-nyons": ("Médiathèque de Nyons", "bibliotheque", "Nyons", "",
                          "Une médiathèque de la Drôme provençale qui reçoit médiateurs et professionnels de l'inclusion."),
    "bibliotheque-lyon": ("Bibliothèque municipale de Lyon", "bibliotheque", "Lyon", "",
                          "Des cafés du soir entre les rayonnages, pour tous les publics."),
    "centre-social-partages": ("Centre social Le Part'âges", "centre-social", "Orléans", "",
                               "Un centre social qui s'appuie sur ses conseillers numériques pour animer les échanges."),
    "cnnum": ("Conseil national du numérique", "reseau", "Paris", "https://cnnumerique.example",
              "Il coordonne le programme, anime les cafés en ligne et partage les formats."),
    "universite-al-akhawayn": ("Université Al Akhawayn", "recherche", "Ifrane", "",
                               "Université marocaine dont des enseignants organisent des cafés à Ifrane, Rabat et ailleurs."),
    "association-latitudes": ("Association Latitudes", "association", "Paris", "",
                              "Association d'éducation au numérique responsable, autrice d'ateliers sans écran."),
    "tiers-lieu-casablanca": ("Tiers-lieu Dar Nour", "centre-social", "Casablanca", "",
                              "Un tiers-lieu de quartier qui ouvre ses portes aux débats sur le numérique."),
}

ORGANISATIONS_TR = {
    "ar": {
        "Association qui fédère les acteurs du numérique du Loir-et-Cher et organise des rencontres ouvertes.": "جمعية تجمع فاعلي الرقمنة في لوار-إي-شير وتنظم لقاءات مفتوحة.",
        "Institut de recherche en sciences du numérique ; ses chercheurs viennent expliquer et écouter.": "معهد بحث في علوم الرقمنة؛ يأتي باحثوه للشرح والإصغاء.",
        "Réseau public de formation des enseignants, qui accueille des cafés sur place et à distance.": "شبكة عمومية لتكوين المدرّسين تستضيف مقاهي حضورية وعن بُعد.",
        "Il coordonne le programme, anime les cafés en ligne et partage les formats.": "ينسّق البرنامج وينشّط المقاهي عبر الإنترنت ويتقاسم الصيغ.",
        "Université marocaine dont des enseignants organisent des cafés à Ifrane, Rabat et ailleurs.": "جامعة مغربية ينظّم أساتذتها مقاهي في إفران والرباط وغيرهما.",
        "Un tiers-lieu de quartier qui ouvre ses portes aux débats sur le numérique.": "فضاء ثالث في الحي يفتح أبوابه للنقاش حول الرقمنة.",
        "Université Al Akhawayn": "جامعة الأخوين",
        "Tiers-lieu Dar Nour": "الفضاء الثالث دار النور",
        "Ifrane": "إفران",
        "Casablanca": "الدار البيضاء",
        "Conseil national du numérique": "المجلس الوطني للرقمنة (فرنسا)",
    },
    "en": {
        "Association qui fédère les acteurs du numérique du Loir-et-Cher et organise des rencontres ouvertes.": "An association bringing together the digital players of Loir-et-Cher, running open meetings.",
        "Institut de recherche en sciences du numérique ; ses chercheurs viennent expliquer et écouter.": "A research institute in computer science; its researchers come to explain and to listen.",
        "Réseau public de formation des enseignants, qui accueille des cafés sur place et à distance.": "The public network for teacher training, hosting cafés on site and online.",
        "Il coordonne le programme, anime les cafés en ligne et partage les formats.": "It coordinates the programme, runs the online cafés and shares the formats.",
        "Université marocaine dont des enseignants organisent des cafés à Ifrane, Rabat et ailleurs.": "A Moroccan university whose teachers run cafés in Ifrane, Rabat and elsewhere.",
        "Un tiers-lieu de quartier qui ouvre ses portes aux débats sur le numérique.": "A neighbourhood third place that opens its doors to debates about digital life.",
        "Université Al Akhawayn": "Al Akhawayn University",
        "Conseil national du numérique": "French Digital Council",
    },
}

# Invented, neutral names. (slug, name, organisation key, listed, bio)
ANIMATORS = [
    ("claire-moreau", "Claire Moreau", "loir-et-cher-tech", True, "Médiatrice numérique, elle anime des cafés depuis le premier à Blois."),
    ("youssef-amrani", "Youssef Amrani", "universite-al-akhawayn", True, "Enseignant, il anime les cafés de Rabat et d'Ifrane en français et en arabe."),
    ("helene-garnier", "Hélène Garnier", "bibliotheque-lyon", True, "Bibliothécaire, elle aime les débats où chacun repart avec une question de plus."),
    ("samir-benali", "Samir Benali", "cnnum", True, "Il anime les Cafés animations du jeudi."),
    ("thomas-petit", "Thomas Petit", "inria-bordeaux", False, "Chercheur."),
]

# city: (postcode, region, latitude, longitude, country code)
PLACES = {
    "Blois": ("41000", "Loir-et-Cher", 47.586100, 1.335900, "FR"),
    "Bordeaux": ("33000", "Gironde", 44.837800, -0.579200, "FR"),
    "Nyons": ("26110", "Drôme", 44.360800, 5.140000, "FR"),
    "Chantraine": ("88000", "Vosges", 48.168600, 6.436700, "FR"),
    "Vanves": ("92170", "Hauts-de-Seine", 48.821500, 2.289700, "FR"),
    "Paris": ("75011", "Paris", 48.857800, 2.380200, "FR"),
    "Antibes": ("06600", "Alpes-Maritimes", 43.580800, 7.125100, "FR"),
    "Orléans": ("45000", "Loiret", 47.903000, 1.909300, "FR"),
    "Tours": ("37000", "Indre-et-Loire", 47.394100, 0.684800, "FR"),
    "Lyon": ("69003", "Rhône", 45.764000, 4.835700, "FR"),
    "Nancy": ("54000", "Meurthe-et-Moselle", 48.692100, 6.184400, "FR"),
    "Figeac": ("46100", "Lot", 44.608600, 2.031700, "FR"),
    "Strasbourg": ("67000", "Bas-Rhin", 48.573400, 7.752100, "FR"),
    "Grenoble": ("38000", "Isère", 45.188500, 5.724500, "FR"),
    "Quimper": ("29000", "Finistère", 47.996000, -4.102000, "FR"),
    "Rabat": ("10000", "Rabat-Salé-Kénitra", 34.020900, -6.841600, "MA"),
    "Ifrane": ("53000", "Fès-Meknès", 33.522800, -5.111000, "MA"),
    "Casablanca": ("20250", "Casablanca-Settat", 33.573100, -7.589800, "MA"),
    "Marrakech": ("40000", "Marrakech-Safi", 31.629500, -7.981100, "MA"),
    "Tanger": ("90000", "Tanger-Tétouan-Al Hoceïma", 35.759500, -5.834000, "MA"),
}

CITY_TR = {
    "ar": {"Rabat": "الرباط", "Ifrane": "إفران", "Casablanca": "الدار البيضاء", "Marrakech": "مراكش", "Tanger": "طنجة",
           "Blois": "بلوا", "Bordeaux": "بوردو", "Paris": "باريس", "Lyon": "ليون", "Orléans": "أورليان"},
    "en": {},
}

THEMES = [
    ("l'IA au quotidien", "IA au quotidien", "AI in everyday life", "الذكاء الاصطناعي في الحياة اليومية"),
    ("l'IA et le travail", "travail", "AI and work", "الذكاء الاصطناعي والعمل"),
    ("l'IA à l'école", "éducation", "AI at school", "الذكاء الاصطناعي في المدرسة"),
    ("IA et démocratie", "démocratie", "AI and democracy", "الذكاء الاصطناعي والديمقراطية"),
    ("IA et environnement", "environnement", "AI and the environment", "الذكاء الاصطناعي والبيئة"),
    ("vrai ou faux : l'IA et l'information", "désinformation", "true or false: AI and information", "صحيح أم خطأ: الذكاء الاصطناعي والمعلومة"),
    ("l'IA dans les services publics", "services publics", "AI in public services", "الذكاء الاصطناعي في المرافق العمومية"),
]

# (city, organiser key, day offset from today, hour, mode, audiences, theme index, options)
# options: animators, access (accessibility codes, choices.ACCESSIBILITY_FEATURES), status, capacity, price, ...
CAFES = [
    ("Blois", "loir-et-cher-tech", -210, 18, "sur-place", ["tous-publics"], 0, {}),
    ("Blois", "loir-et-cher-tech", 12, 18, "sur-place", ["tous-publics", "seniors"], 1, {"animators": ["claire-moreau"], "access": ["plain-pied", "moteur"]}),
    ("Blois", "loir-et-cher-tech", 75, 18, "hybride", ["professionnels"], 6, {"animators": ["claire-moreau"]}),
    ("Bordeaux", "inria-bordeaux", -160, 17, "sur-place", ["tous-publics", "professionnels"], 3, {"animators": ["thomas-petit"], "access": ["plain-pied"]}),
    ("Bordeaux", "bordeaux-metropole", 20, 18, "sur-place", ["professionnels"], 6, {"capacity": 40, "access": ["moteur", "plain-pied", "boucle-magnetique", "auditif"]}),
    ("Bordeaux", "inria-bordeaux", 48, 18, "sur-place", ["etudiants"], 4, {"status": "complet", "capacity": 30}),
    ("Nyons", "mediatheque-nyons", -150, 14, "sur-place", ["aidants-numeriques"], 0, {}),
    ("Nyons", "mediatheque-nyons", 30, 14, "sur-place", ["seniors"], 0, {"approximate": True, "venue": "Chez l'habitant", "address": "12 chemin des Oliviers"}),
    ("Chantraine", "cnnum", -155, 10, "sur-place", ["professionnels"], 6, {}),
    ("Chantraine", "cnnum", 40, 10, "sur-place", ["professionnels"], 6, {"access": ["boucle-magnetique", "auditif"]}),
    ("Vanves", "reseau-canope", -120, 17, "hybride", ["professionnels"], 2, {}),
    ("Vanves", "reseau-canope", 16, 17, "hybride", ["professionnels", "etudiants"], 2, {"meeting_url": "https://visio.cafeia.example/canope"}),
    ("Paris", "association-latitudes", -90, 19, "sur-place", ["jeunes"], 2, {}),
    ("Paris", "association-latitudes", 9, 19, "sur-place", ["jeunes", "familles"], 5, {"access": ["falc", "mental", "psychique"]}),
    ("Paris", "cnnum", 55, 18, "sur-place", ["tous-publics"], 3, {"access": ["lsf", "auditif", "plain-pied", "moteur"]}),
    ("Antibes", "ville-antibes", -60, 12, "sur-place", ["professionnels"], 6, {}),
    ("Antibes", "ville-antibes", 25, 18, "sur-place", ["tous-publics"], 0, {"price": "2 € (un café offert)", "access": ["visuel", "plain-pied"]}),
    ("Orléans", "emmaus-connect", -230, 14, "sur-place", ["aidants-numeriques"], 0, {}),
    ("Orléans", "centre-social-partages", 6, 14, "sur-place", ["seniors", "familles"], 0, {"access": ["plain-pied", "moteur", "falc", "mental"]}),
    ("Orléans", "emmaus-connect", 60, 14, "sur-place", ["demandeurs-emploi"], 1, {"status": "annule"}),
    ("Tours", "emmaus-connect", -45, 18, "sur-place", ["tous-publics"], 5, {}),
    ("Tours", "centre-social-partages", 33, 18, "sur-place", ["familles"], 0, {"access": ["psychique", "falc"]}),
    ("Lyon", "bibliotheque-lyon", -75, 18, "sur-place", ["tous-publics"], 3, {"animators": ["helene-garnier"]}),
    ("Lyon", "bibliotheque-lyon", 14, 18, "sur-place", ["tous-publics", "seniors"], 4, {"animators": ["helene-garnier"], "access": ["plain-pied", "moteur", "visuel", "boucle-magnetique"]}),
    ("Lyon", "bibliotheque-lyon", 90, 18, "sur-place", ["jeunes"], 5, {"animators": ["helene-garnier"]}),
    ("Nancy", "emmaus-connect", -30, 18, "sur-place", ["tous-publics"], 0, {}),
    ("Figeac", "association-latitudes", -20, 18, "sur-place", ["jeunes"], 2, {"approximate": True, "venue": "Salle privée", "address": "3 impasse du Moulin"}),
    ("Figeac", "association-latitudes", 45, 18, "sur-place", ["familles"], 4, {}),
    ("Strasbourg", "cnnum", -15, 18, "sur-place", ["etudiants"], 3, {}),
    ("Strasbourg", "cnnum", 70, 18, "sur-place", ["tous-publics"], 4, {}),
    ("Grenoble", "cnnum", -110, 18, "sur-place", ["professionnels"], 4, {}),
    ("Grenoble", "cnnum", 22, 18, "sur-place", ["etudiants"], 5, {}),
    ("Quimper", "emmaus-connect", 38, 18, "sur-place", ["seniors"], 0, {"access": ["moteur"]}),
    ("Rabat", "universite-al-akhawayn", -100, 17, "sur-place", ["etudiants"], 0, {"animators": ["youssef-amrani"], "tz": "Africa/Casablanca"}),
    ("Rabat", "universite-al-akhawayn", 18, 17, "sur-place", ["tous-publics", "jeunes"], 1, {"animators": ["youssef-amrani"], "tz": "Africa/Casablanca", "access": ["plain-pied", "moteur"]}),
    ("Rabat", "universite-al-akhawayn", 80, 17, "hybride", ["professionnels"], 6, {"animators": ["youssef-amrani"], "tz": "Africa/Casablanca", "meeting_url": "https://visio.cafeia.example/rabat"}),
    ("Ifrane", "universite-al-akhawayn", -130, 16, "sur-place", ["etudiants"], 2, {"animators": ["youssef-amrani"], "tz": "Africa/Casablanca"}),
    ("Ifrane", "universite-al-akhawayn", 28, 16, "sur-place", ["etudiants", "jeunes"], 4, {"tz": "Africa/Casablanca", "access": ["moteur", "visuel"]}),
    ("Casablanca", "tiers-lieu-casablanca", -50, 18, "sur-place", ["jeunes"], 5, {"tz": "Africa/Casablanca", "access": ["plain-pied"]}),
    ("Casablanca", "tiers-lieu-casablanca", 11, 18, "sur-place", ["tous-publics", "familles"], 0, {"tz": "Africa/Casablanca", "access": ["plain-pied", "moteur", "falc", "mental"]}),
    ("Marrakech", "tiers-lieu-casablanca", 52, 18, "sur-place", ["tous-publics"], 3, {"tz": "Africa/Casablanca", "access": ["auditif", "boucle-magnetique"]}),
    ("Tanger", "universite-al-akhawayn", 65, 17, "sur-place", ["etudiants"], 1, {"tz": "Africa/Casablanca", "approximate": True}),
]

# Index of CAFES entries translated into ar and en (a representative subset keeps load_demo fast).
TRANSLATED = [1, 4, 13, 18, 23, 33, 34, 39]

# The labels of the tags and themes the demo uses (cafeia_site.VocabularyTerm), as editors translate them.
TERMS_TR = {
    "ar": {"IA au quotidien": "الذكاء الاصطناعي في الحياة اليومية", "travail": "العمل", "éducation": "التعليم",
           "démocratie": "الديمقراطية", "environnement": "البيئة", "désinformation": "التضليل الإعلامي",
           "services publics": "المرافق العمومية", "en ligne": "عبر الإنترنت", "responsabilité": "المسؤولية",
           "médiation": "الوساطة الرقمية", "inclusion": "الإدماج"},
    "en": {"IA au quotidien": "AI in everyday life", "travail": "work", "éducation": "education",
           "démocratie": "democracy", "environnement": "environment", "désinformation": "disinformation",
           "services publics": "public services", "en ligne": "online", "responsabilité": "responsibility",
           "médiation": "digital mediation", "inclusion": "inclusion"},
}
