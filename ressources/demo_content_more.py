"""More demo resources: fields in French, with ar and en titles and summaries."""


def _r(slug, title, kind, summary, tr, *, steps=(), **fields):
    base = {
        "slug": slug, "title": title, "kind": kind, "summary": summary, "objectives": "",
        "audience": "everyone", "age_min": None, "age_max": None, "group_min": None, "group_max": None,
        "duration_minutes": None, "preparation_minutes": None, "level": "all", "with_screens": "",
        "materials": "", "variations": "", "tips": "", "authors": "", "organisation": "Café IA",
        "source_url": "", "licence": "cc-by-nc-4.0", "themes": [], "tags": [], "steps": list(steps),
        "tr": {code: {"title": t, "summary": s} for code, (t, s) in tr.items()},
    }
    base.update(fields)
    return base


MORE_RESOURCES = [
    _r(
        "fresque-de-l-ia", "La fresque de l'IA : relier les causes et les conséquences", "format",
        "Par équipes, on place sur une grande feuille des cartes décrivant données, calcul, usages et effets, "
        "puis on trace les liens. Une vue d'ensemble construite à plusieurs mains.",
        {
            "ar": ("جدارية الذكاء الاصطناعي: ربط الأسباب بالنتائج", "في فرق، نضع على ورقة كبيرة بطاقات تصف البيانات والحوسبة والاستعمالات والآثار، ثم نرسم الروابط بينها. نظرة شاملة تُبنى بأيدٍ متعددة."),
            "en": ("The AI fresco: linking causes and effects", "In teams, place cards describing data, computing, uses and effects on a large sheet, then draw the links. An overview built by many hands."),
        },
        steps=[
            ("Découvrir les cartes", 30, "Chaque équipe lit les cartes à voix haute et les pose sans ordre."),
            ("Relier", 60, "On trace des flèches entre causes et conséquences, en justifiant chaque lien."),
            ("Décorer et nommer", 30, "L'équipe donne un titre à sa fresque et entoure ce qui la surprend."),
            ("Restituer", 60, "Chaque équipe présente sa fresque ; on termine par des pistes d'action."),
        ],
        audience="workplace", group_min=6, group_max=24, duration_minutes=180, preparation_minutes=30,
        with_screens="without", level="intermediate", themes=["environment", "work"],
        tags=["fresque", "atelier", "environnement"], authors="Chloé Vasseur",
        materials="Une grande feuille par équipe, un jeu de cartes imprimé, des feutres.",
    ),
    _r(
        "lectures-pour-comprendre-l-ia", "Lire pour comprendre l'IA : une liste de lectures", "reading-list",
        "Une dizaine de livres, articles et bandes dessinées, du plus accessible au plus pointu, choisis par des "
        "bibliothécaires pour préparer un café ou prolonger la discussion.",
        {
            "ar": ("القراءة لفهم الذكاء الاصطناعي: قائمة قراءات", "نحو عشرة كتب ومقالات وقصص مصورة، من الأيسر إلى الأكثر تخصصًا، اختارها أمناء مكتبات لتحضير مقهى أو مواصلة النقاش."),
            "en": ("Reading to understand AI: a reading list", "About ten books, articles and comics, from the most accessible to the most specialised, chosen by librarians to prepare a café or carry the conversation on."),
        },
        licence="cc-by-4.0", authors="Réseau des bibliothèques de démonstration", organisation="",
        themes=["how-it-works", "creation"], tags=["lecture", "bibliothèque"],
        source_url="https://cafeia.example/lectures",
    ),
    _r(
        "guide-de-l-animateur", "Guide de l'animatrice et de l'animateur", "guide",
        "Tout ce qu'il faut savoir pour animer : poser le cadre, distribuer la parole, gérer un participant "
        "qui monopolise, accueillir une émotion, conclure et documenter.",
        {
            "ar": ("دليل المنشّطة والمنشّط", "كل ما يلزم معرفته للتنشيط: وضع الإطار، توزيع الكلمة، التعامل مع مشارك يحتكر الحديث، استقبال المشاعر، الختام والتوثيق."),
            "en": ("The facilitator's guide", "Everything you need to know to facilitate: setting the frame, sharing the floor, handling someone who monopolises it, welcoming emotions, concluding and documenting."),
        },
        audience="facilitators", level="beginner", preparation_minutes=60, themes=["democracy"],
        tags=["animer", "débuter"], authors="Équipe Café IA",
        steps=[
            ("Avant le café", None, "Choisir une question ouverte, prévenir le lieu, préparer l'accueil."),
            ("Pendant le café", None, "Rappeler le cadre, faire circuler la parole, noter les idées."),
            ("Après le café", None, "Écrire un compte rendu court et le partager sur le site."),
        ],
    ),
    _r(
        "metiers-de-demain", "Les métiers de demain face à l'IA : un atelier pour lycéens", "format",
        "Un atelier sans écran où les élèves imaginent des métiers transformés ou créés par l'IA, et discutent "
        "de ce qu'ils veulent garder d'humain dans le travail.",
        {
            "ar": ("مهن الغد أمام الذكاء الاصطناعي: ورشة لتلاميذ الثانوي", "ورشة بلا شاشة يتخيل فيها التلاميذ مهنًا يحوّلها الذكاء الاصطناعي أو يخلقها، ويناقشون ما يريدون الحفاظ عليه من الطابع الإنساني في العمل."),
            "en": ("Tomorrow's jobs and AI: a workshop for secondary students", "A screen-free workshop where students imagine jobs transformed or created by AI, and discuss what they want to keep human in work."),
        },
        audience="youth", age_min=15, age_max=18, group_min=12, group_max=35, duration_minutes=110,
        with_screens="without", level="beginner", licence="permission", organisation="Latitudes",
        themes=["work", "education"], tags=["métiers", "lycée", "sans écran"],
        steps=[
            ("Portraits", 30, "Chaque groupe tire un métier et décrit une journée type aujourd'hui."),
            ("En 2040", 40, "Le groupe imagine la même journée avec l'IA : ce qui change, ce qui reste."),
            ("Débat", 40, "On compare les visions et on vote pour ce qui doit rester humain."),
        ],
    ),
    _r(
        "l-ia-au-travail", "L'IA au travail : un café entre collègues", "format",
        "Une heure pour parler, entre collègues et sans hiérarchie, des outils d'IA déjà utilisés dans l'équipe, "
        "de ce qu'ils changent et des règles que l'on souhaite se donner.",
        {
            "ar": ("الذكاء الاصطناعي في العمل: مقهى بين الزملاء", "ساعة للحديث بين الزملاء ودون تراتبية عن أدوات الذكاء الاصطناعي المستعملة في الفريق، وما تغيّره، والقواعد التي نريد وضعها."),
            "en": ("AI at work: a café among colleagues", "One hour to talk, among colleagues and without hierarchy, about the AI tools already used in the team, what they change and the rules we want to set ourselves."),
        },
        audience="workplace", group_min=6, group_max=15, duration_minutes=60, preparation_minutes=15,
        with_screens="without", themes=["work"], tags=["travail", "équipe"], authors="Karim Haddad",
        steps=[
            ("Tour de table", 15, "Chacun cite un outil qu'il utilise ou qu'il évite, et pourquoi."),
            ("Ce qui change", 25, "On liste ce qui est plus facile, plus difficile, ou inquiétant."),
            ("Nos règles", 20, "L'équipe rédige trois règles d'usage à proposer à la direction."),
        ],
    ),
    _r(
        "comment-apprend-une-ia", "Comment apprend une IA ? Une vidéo de dix minutes", "video",
        "Une courte vidéo qui explique, avec des exemples du quotidien, ce que sont les données "
        "d'entraînement et pourquoi une IA peut se tromper avec assurance.",
        {
            "ar": ("كيف يتعلم الذكاء الاصطناعي؟ فيديو من عشر دقائق", "فيديو قصير يشرح بأمثلة من الحياة اليومية ما هي بيانات التدريب ولماذا قد يخطئ الذكاء الاصطناعي بثقة."),
            "en": ("How does an AI learn? A ten-minute video", "A short video that explains, with everyday examples, what training data is and why an AI can be confidently wrong."),
        },
        duration_minutes=10, with_screens="with", licence="cc-by-4.0", themes=["how-it-works"],
        tags=["vidéo", "apprentissage automatique"], authors="Lina Chaouch",
    ),
    _r(
        "cartes-consignes-ecriture", "Cartes-consignes pour écrire avec une IA générative", "tool",
        "Vingt cartes à imprimer, chacune avec une consigne à tester sur un assistant conversationnel, "
        "pour voir ses forces, ses limites et ses inventions.",
        {
            "ar": ("بطاقات تعليمات للكتابة مع ذكاء اصطناعي توليدي", "عشرون بطاقة للطباعة، في كل منها تعليمة لتجربتها على مساعد محادثة، لرؤية نقاط قوته وحدوده واختلاقاته."),
            "en": ("Prompt cards for writing with a generative AI", "Twenty printable cards, each with an instruction to try on a chatbot, to see its strengths, its limits and what it makes up."),
        },
        audience="everyone", group_min=4, group_max=16, duration_minutes=45, with_screens="with",
        level="intermediate", licence="cc0", themes=["creation", "how-it-works"],
        tags=["IA générative", "écriture"], authors="Thomas Lefèvre",
    ),
    _r(
        "empreinte-de-l-ia", "Quelle empreinte pour l'IA ? Un débat mouvant", "format",
        "Les participants se placent dans la salle selon leur accord avec une affirmation sur l'énergie, l'eau "
        "et les matériaux de l'IA, puis argumentent pour faire bouger les autres.",
        {
            "ar": ("ما هو أثر الذكاء الاصطناعي؟ نقاش متحرك", "يتموضع المشاركون في القاعة حسب موافقتهم على عبارة حول الطاقة والماء والمواد التي يستهلكها الذكاء الاصطناعي، ثم يقدّمون حججهم لإقناع الآخرين بالتحرك."),
            "en": ("What footprint for AI? A moving debate", "Participants stand in the room according to how much they agree with a statement about AI's energy, water and materials, then argue to make others move."),
        },
        group_min=10, group_max=40, duration_minutes=45, preparation_minutes=20, with_screens="without",
        themes=["environment"], tags=["environnement", "débat"], authors="Nadia Ferhat",
        steps=[
            ("Une affirmation", 5, "L'animateur lit une phrase ; chacun se place entre « d'accord » et « pas d'accord »."),
            ("Argumenter", 30, "Chaque camp donne ses raisons ; on peut changer de place à tout moment."),
            ("Conclure", 10, "On note les arguments qui ont fait bouger le plus de monde."),
        ],
    ),
    _r(
        "cafe-ia-en-famille", "Café IA en famille : parents et enfants", "format",
        "Un café pour parler ensemble, petits et grands, des assistants vocaux, des jeux et des vidéos "
        "recommandées : qu'est-ce qui se cache derrière, et quelles règles à la maison ?",
        {
            "ar": ("مقهى الذكاء الاصطناعي مع العائلة: آباء وأبناء", "مقهى نتحدث فيه معًا، صغارًا وكبارًا، عن المساعدات الصوتية والألعاب ومقاطع الفيديو المقترحة: ما الذي يختبئ وراءها، وما القواعد في البيت؟"),
            "en": ("Café IA with the family: parents and children", "A café where young and old talk together about voice assistants, games and recommended videos: what lies behind them, and what rules at home?"),
        },
        audience="families", age_min=8, group_min=6, group_max=24, duration_minutes=60, with_screens="without",
        themes=["daily-life", "education"], tags=["famille", "enfants"], authors="Sofia Benali",
    ),
    _r(
        "kit-pour-annoncer-son-cafe", "Kit pour annoncer son café IA", "document",
        "Une affiche à compléter, un modèle de message pour les réseaux et un texte court pour la presse "
        "locale, pour faire venir du monde à son café.",
        {
            "ar": ("عُدّة للإعلان عن مقهاكم", "ملصق للإكمال، ونموذج رسالة لشبكات التواصل، ونص قصير للصحافة المحلية، لجلب الناس إلى مقهاكم."),
            "en": ("A kit to announce your café IA", "A poster to fill in, a template message for social media and a short text for the local press, to bring people to your café."),
        },
        audience="facilitators", preparation_minutes=30, themes=["daily-life"], tags=["organiser", "communication"],
        authors="Équipe Café IA",
    ),
]
