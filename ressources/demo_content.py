"""Demo resources of the library, in the project's own words: French source, with ar and en.

Each entry: the page's fields, its steps as (title, minutes, text), themes and tags, and under
"tr" the translations of its texts by language (same keys; steps as (title, text) pairs).
"""

INDEX = {
    "title": "Ressources",
    "introduction": (
        "Formats d'animation, guides, vidéos et lectures pour préparer et animer un café IA. "
        "Tout ce qui est produit dans le programme est partagé sous licence CC BY-NC 4.0, sauf "
        "mention contraire : réutilisez, adaptez, et citez les auteurs."
    ),
}
INDEX_TR = {
    "ar": {
        "Ressources": "موارد",
        INDEX["introduction"]: (
            "صيغ تنشيط وأدلة ومقاطع فيديو وقراءات لتحضير مقهى الذكاء الاصطناعي وتنشيطه. كل ما يُنتج "
            "في البرنامج يُتقاسم بترخيص CC BY-NC 4.0 ما لم يُذكر خلاف ذلك: أعيدوا الاستعمال وكيّفوا واذكروا المؤلفين."
        ),
    },
    "en": {
        "Ressources": "Resources",
        INDEX["introduction"]: (
            "Facilitation formats, guides, videos and reading for preparing and running a café IA. "
            "Everything the programme produces is shared under CC BY-NC 4.0 unless stated otherwise: "
            "reuse it, adapt it, and credit the authors."
        ),
    },
}

RESOURCES = [
    {
        "slug": "bataille-de-l-ia",
        "title": "La Bataille de l'IA, un jeu de cartes collaboratif",
        "kind": "format",
        "summary": (
            "Un jeu de cartes où l'on joue ensemble, pas les uns contre les autres, pour aiguiser son "
            "esprit critique sur les IA génératives : ce qu'elles savent faire, ce qu'elles inventent, "
            "et qui décide de leurs usages."
        ),
        "objectives": "Distinguer ce qu'une IA générative fait vraiment de ce qu'on lui prête.\nDébattre de situations concrètes et trancher ensemble.",
        "audience": "youth", "age_min": 12, "age_max": None, "group_min": 6, "group_max": 30,
        "duration_minutes": 90, "preparation_minutes": 20, "level": "beginner", "with_screens": "without",
        "materials": "Un jeu de cartes par table de 4 à 6 personnes.\nDes feuilles et des crayons.\nUne minuterie.",
        "steps": [
            ("Accueil et règles", 10, "Formez des tables de 4 à 6. Expliquez qu'on gagne ou qu'on perd tous ensemble."),
            ("Tirer une situation", 30, "Chaque tour, une carte décrit un usage de l'IA. La table discute : utile, risqué, inventé ?"),
            ("Mettre en commun", 30, "Chaque table présente la situation qui l'a le plus divisée, et ce qu'elle en retient."),
            ("Conclure", 20, "Notez au tableau trois idées à garder et une question à creuser lors d'un prochain café."),
        ],
        "variations": "En classe, remplacez la mise en commun par un vote à main levée sur chaque carte.",
        "tips": "Laissez les désaccords s'exprimer : c'est là que l'on apprend le plus.",
        "authors": "Équipe pédagogique", "organisation": "Latitudes", "source_url": "",
        "licence": "author-terms",
        "themes": ["how-it-works", "education"], "tags": ["jeu", "esprit critique", "IA générative"],
        "tr": {
            "ar": {
                "title": "معركة الذكاء الاصطناعي، لعبة ورق تعاونية",
                "summary": "لعبة ورق نلعبها معًا لا ضد بعضنا، لشحذ الحس النقدي تجاه الذكاء الاصطناعي التوليدي: ما يتقنه فعلًا، وما يختلقه، ومن يقرر استعمالاته.",
                "objectives": "التمييز بين ما يفعله الذكاء الاصطناعي التوليدي فعلًا وما يُنسب إليه.\nمناقشة مواقف ملموسة والحسم فيها معًا.",
                "materials": "مجموعة أوراق لكل طاولة من 4 إلى 6 أشخاص.\nأوراق وأقلام.\nمؤقّت.",
                "steps": [
                    ("الاستقبال والقواعد", "كوّنوا طاولات من 4 إلى 6 أشخاص. اشرحوا أننا نربح أو نخسر جميعًا معًا."),
                    ("سحب موقف", "في كل دور، تصف ورقة استعمالًا للذكاء الاصطناعي. تتناقش الطاولة: مفيد أم خطِر أم مختلَق؟"),
                    ("التشارك", "تعرض كل طاولة الموقف الذي أثار أكبر خلاف بين أفرادها، وما تستخلصه منه."),
                    ("الختام", "دوّنوا على اللوح ثلاث أفكار للاحتفاظ بها وسؤالًا للتعمق فيه في مقهى قادم."),
                ],
                "variations": "في القسم، عوّضوا التشارك بتصويت برفع الأيدي على كل ورقة.",
                "tips": "دعوا الخلافات تُقال: فيها نتعلم أكثر.",
            },
            "en": {
                "title": "The AI Battle, a cooperative card game",
                "summary": "A card game played together, not against each other, to sharpen critical thinking about generative AI: what it really does, what it makes up, and who decides how it is used.",
                "objectives": "Tell what a generative AI really does from what people credit it with.\nDebate concrete situations and decide together.",
                "materials": "One deck of cards per table of 4 to 6 people.\nPaper and pencils.\nA timer.",
                "steps": [
                    ("Welcome and rules", "Form tables of 4 to 6. Explain that everyone wins or loses together."),
                    ("Draw a situation", "Each turn, a card describes a use of AI. The table discusses: useful, risky, made up?"),
                    ("Share", "Each table presents the situation that divided it most, and what it takes away from it."),
                    ("Wrap up", "Write on the board three ideas to keep and one question to explore at a future café."),
                ],
                "variations": "In a classroom, replace the sharing with a show of hands on each card.",
                "tips": "Let disagreements be voiced: that is where people learn most.",
            },
        },
    },
    {
        "slug": "ia-sans-ecran",
        "title": "L'IA sans écran : comprendre une machine qui apprend, avec du papier",
        "kind": "format",
        "summary": (
            "Un atelier débranché où le groupe joue le rôle d'un programme qui apprend à reconnaître "
            "des dessins. Sans ordinateur, chacun voit d'où viennent les erreurs et les biais."
        ),
        "objectives": "Comprendre qu'une IA apprend à partir d'exemples.\nVoir comment des exemples mal choisis produisent des erreurs.",
        "audience": "everyone", "age_min": 10, "age_max": None, "group_min": 8, "group_max": 20,
        "duration_minutes": 60, "preparation_minutes": 30, "level": "beginner", "with_screens": "without",
        "materials": "Une trentaine de petits dessins imprimés (chats, chiens, objets).\nDes gommettes de deux couleurs.\nUn grand tableau de papier.",
        "steps": [
            ("Les exemples", 15, "Un petit groupe, « la machine », reçoit des dessins étiquetés et cherche des règles pour les trier."),
            ("Le test", 15, "On montre à la machine de nouveaux dessins : elle les classe avec ses règles, le reste du groupe compte les erreurs."),
            ("Chercher le biais", 15, "Ensemble, on remarque quels exemples manquaient et pourquoi la machine s'est trompée."),
            ("Et dans la vraie vie ?", 15, "On relie l'expérience à des usages réels : tri de candidatures, reconnaissance faciale, recommandations."),
        ],
        "variations": "Avec des enfants, utilisez des fruits et des légumes plutôt que des visages.",
        "tips": "Choisissez volontairement des exemples déséquilibrés : le biais apparaît de lui-même.",
        "authors": "Inès Morel, Yacine Berrada", "organisation": "Café IA", "source_url": "",
        "licence": "cc-by-nc-4.0",
        "themes": ["how-it-works", "education"], "tags": ["sans écran", "apprentissage automatique", "biais"],
        "tr": {
            "ar": {
                "title": "الذكاء الاصطناعي بلا شاشة: فهم آلة تتعلم، بالورق",
                "summary": "ورشة بلا حاسوب تؤدي فيها المجموعة دور برنامج يتعلم التعرف على رسوم. دون حاسوب، يرى الجميع من أين تأتي الأخطاء والتحيزات.",
                "objectives": "فهم أن الذكاء الاصطناعي يتعلم انطلاقًا من أمثلة.\nرؤية كيف تنتج الأمثلة السيئة الاختيار أخطاءً.",
                "materials": "نحو ثلاثين رسمًا صغيرًا مطبوعًا (قطط، كلاب، أشياء).\nملصقات بلونين.\nلوح ورقي كبير.",
                "steps": [
                    ("الأمثلة", "تتلقى مجموعة صغيرة، «الآلة»، رسومًا موسومة وتبحث عن قواعد لفرزها."),
                    ("الاختبار", "نعرض على الآلة رسومًا جديدة: تصنفها بقواعدها، وبقية المجموعة تعدّ الأخطاء."),
                    ("البحث عن التحيز", "نلاحظ معًا الأمثلة التي كانت ناقصة ولماذا أخطأت الآلة."),
                    ("وفي الحياة الواقعية؟", "نربط التجربة باستعمالات حقيقية: فرز طلبات التوظيف، التعرف على الوجوه، التوصيات."),
                ],
                "variations": "مع الأطفال، استعملوا الفواكه والخضر بدل الوجوه.",
                "tips": "اختاروا عمدًا أمثلة غير متوازنة: يظهر التحيز من تلقاء نفسه.",
            },
            "en": {
                "title": "AI without screens: understanding a learning machine, with paper",
                "summary": "An unplugged workshop where the group plays a program learning to recognise drawings. Without a computer, everyone sees where errors and biases come from.",
                "objectives": "Understand that an AI learns from examples.\nSee how badly chosen examples lead to errors.",
                "materials": "About thirty small printed drawings (cats, dogs, objects).\nStickers in two colours.\nA large paper board.",
                "steps": [
                    ("The examples", "A small group, \"the machine\", receives labelled drawings and looks for rules to sort them."),
                    ("The test", "The machine is shown new drawings: it sorts them with its rules while the others count the errors."),
                    ("Find the bias", "Together, notice which examples were missing and why the machine got it wrong."),
                    ("And in real life?", "Link the experience to real uses: sorting job applications, face recognition, recommendations."),
                ],
                "variations": "With children, use fruit and vegetables rather than faces.",
                "tips": "Choose deliberately unbalanced examples: the bias shows up by itself.",
            },
        },
    },
    {
        "slug": "la-recette-infaillible",
        "title": "La recette infaillible pour organiser un café IA",
        "kind": "format",
        "summary": (
            "Le format de base, éprouvé dans des dizaines de lieux : un accueil, une question de départ, "
            "des échanges en petits groupes et une mise en commun. De quoi lancer son premier café sans stress."
        ),
        "objectives": "Réunir des personnes qui ne se connaissent pas autour d'une question sur l'IA.\nRepartir avec des idées et l'envie de continuer.",
        "audience": "everyone", "age_min": None, "age_max": None, "group_min": 8, "group_max": 40,
        "duration_minutes": 120, "preparation_minutes": 60, "level": "all", "with_screens": "without",
        "materials": "Un lieu accueillant, des boissons chaudes.\nDes post-it et des feutres.\nUne affiche avec la question du jour.",
        "steps": [
            ("Accueillir", 15, "Un café, un prénom, une question simple : « Qu'est-ce que l'IA a déjà changé pour vous ? »"),
            ("Poser la question du jour", 10, "L'animateur présente le thème en cinq minutes, sans jargon, et rappelle que toutes les opinions comptent."),
            ("Échanger en petits groupes", 45, "Par tables de quatre à six, on partage expériences, craintes et envies. Un volontaire note."),
            ("Mettre en commun", 35, "Chaque table partage deux idées. L'animateur relie, reformule et laisse la place aux désaccords."),
            ("Se dire au revoir", 15, "On choisit ensemble le thème du prochain café et l'on publie un court compte rendu."),
        ],
        "variations": "Pour un public professionnel, raccourcissez à une heure et partez d'un usage réel de l'équipe.",
        "tips": "Évitez la conférence : le café réussit quand l'animateur parle moins que les participants.",
        "authors": "Équipe Café IA", "organisation": "Conseil national du numérique", "source_url": "",
        "licence": "cc-by-nc-4.0",
        "themes": ["daily-life", "democracy"], "tags": ["organiser", "débuter", "convivialité"],
        "tr": {
            "ar": {
                "title": "الوصفة المضمونة لتنظيم مقهى الذكاء الاصطناعي",
                "summary": "الصيغة الأساسية المجرَّبة في عشرات الأماكن: استقبال، سؤال انطلاق، نقاش في مجموعات صغيرة ثم تشارك. ما يكفي لإطلاق مقهاكم الأول دون توتر.",
                "objectives": "جمع أشخاص لا يعرف بعضهم بعضًا حول سؤال عن الذكاء الاصطناعي.\nالمغادرة بأفكار وبرغبة في الاستمرار.",
                "materials": "مكان مريح ومشروبات ساخنة.\nأوراق لاصقة وأقلام.\nملصق عليه سؤال اليوم.",
                "steps": [
                    ("الاستقبال", "قهوة واسم وسؤال بسيط: «ما الذي غيّره الذكاء الاصطناعي في حياتكم حتى الآن؟»"),
                    ("طرح سؤال اليوم", "يقدّم المنشّط الموضوع في خمس دقائق، دون مصطلحات معقدة، ويذكّر بأن كل الآراء مهمة."),
                    ("النقاش في مجموعات صغيرة", "على طاولات من أربعة إلى ستة أشخاص، نتقاسم التجارب والمخاوف والرغبات. يدوّن متطوع الملاحظات."),
                    ("التشارك", "تتقاسم كل طاولة فكرتين. يربط المنشّط ويعيد الصياغة ويفسح المجال للاختلاف."),
                    ("الوداع", "نختار معًا موضوع المقهى القادم وننشر محضرًا قصيرًا."),
                ],
                "variations": "لجمهور مهني، اختصروا المدة إلى ساعة وانطلقوا من استعمال حقيقي لدى الفريق.",
                "tips": "تجنبوا المحاضرة: ينجح المقهى حين يتكلم المنشّط أقل من المشاركين.",
            },
            "en": {
                "title": "The foolproof recipe for running a café IA",
                "summary": "The basic format, tried in dozens of places: a welcome, an opening question, small-group conversations and a shared round-up. Enough to start your first café without stress.",
                "objectives": "Bring together people who do not know each other around a question about AI.\nLeave with ideas and the wish to carry on.",
                "materials": "A welcoming place, hot drinks.\nSticky notes and markers.\nA poster with the question of the day.",
                "steps": [
                    ("Welcome", "A coffee, a first name, a simple question: \"What has AI already changed for you?\""),
                    ("Ask the question of the day", "The facilitator introduces the topic in five minutes, without jargon, and says that every opinion counts."),
                    ("Talk in small groups", "At tables of four to six, people share experiences, fears and wishes. A volunteer takes notes."),
                    ("Share", "Each table shares two ideas. The facilitator connects, rephrases and makes room for disagreement."),
                    ("Say goodbye", "Choose the topic of the next café together and publish a short report."),
                ],
                "variations": "For a professional audience, shorten it to one hour and start from a real use in the team.",
                "tips": "Avoid lecturing: a café works when the facilitator talks less than the participants.",
            },
        },
    },
    {
        "slug": "debat-deepfakes",
        "title": "Vrai ou faux ? Un débat sur les deepfakes",
        "kind": "format",
        "summary": (
            "On regarde ensemble de courts extraits, vrais ou fabriqués, on devine, puis on débat : "
            "comment s'informer quand une image ou une voix peut être imitée ?"
        ),
        "objectives": "Savoir ce qu'est un hypertrucage et comment il est produit.\nPartager des réflexes de vérification.",
        "audience": "everyone", "age_min": 14, "age_max": None, "group_min": 10, "group_max": 30,
        "duration_minutes": 75, "preparation_minutes": 45, "level": "intermediate", "with_screens": "with",
        "materials": "Un vidéoprojecteur et des haut-parleurs.\nSix à huit extraits préparés à l'avance, sans connexion nécessaire.\nDes cartons « vrai » et « faux ».",
        "steps": [
            ("Devinez", 20, "Chaque extrait est montré une fois. Chacun lève un carton « vrai » ou « faux »."),
            ("Révéler", 15, "On dévoile les réponses et on montre les indices qui trahissaient les faux."),
            ("Débattre", 30, "Qui est responsable d'un faux qui circule ? Faut-il étiqueter les contenus générés ?"),
            ("Repartir avec des réflexes", 10, "Le groupe écrit une liste de trois vérifications simples à faire avant de partager."),
        ],
        "variations": "Sans vidéoprojecteur, utilisez des photos imprimées et des articles.",
        "tips": "N'utilisez jamais de faux visant une personne réelle du groupe ou de l'entourage.",
        "authors": "Salomé Garnier", "organisation": "Médiathèque de démonstration", "source_url": "https://cafeia.example/formats/deepfakes",
        "licence": "cc-by-sa-4.0",
        "themes": ["information", "democracy"], "tags": ["deepfake", "désinformation", "débat"],
        "tr": {
            "ar": {
                "title": "حقيقي أم مزيف؟ نقاش حول التزييف العميق",
                "summary": "نشاهد معًا مقاطع قصيرة، حقيقية أو مصنوعة، نخمّن ثم نناقش: كيف نتحقق من المعلومات حين يمكن تقليد صورة أو صوت؟",
                "objectives": "معرفة ما هو التزييف العميق وكيف يُنتَج.\nتقاسم عادات التحقق.",
                "materials": "جهاز عرض ومكبرات صوت.\nستة إلى ثمانية مقاطع محضّرة مسبقًا، دون حاجة إلى اتصال.\nبطاقات «حقيقي» و«مزيف».",
                "steps": [
                    ("خمّنوا", "يُعرض كل مقطع مرة واحدة. يرفع كل شخص بطاقة «حقيقي» أو «مزيف»."),
                    ("الكشف", "نكشف الأجوبة ونبيّن القرائن التي فضحت المقاطع المزيفة."),
                    ("النقاش", "من المسؤول عن مقطع مزيف ينتشر؟ هل يجب وسم المحتويات المولَّدة؟"),
                    ("المغادرة بعادات جديدة", "تكتب المجموعة قائمة بثلاث عمليات تحقق بسيطة قبل المشاركة."),
                ],
                "variations": "دون جهاز عرض، استعملوا صورًا مطبوعة ومقالات.",
                "tips": "لا تستعملوا أبدًا محتوى مزيفًا يستهدف شخصًا حقيقيًا من المجموعة أو من محيطها.",
            },
            "en": {
                "title": "True or fake? A debate on deepfakes",
                "summary": "Watch short clips together, real or fabricated, guess, then debate: how do we stay informed when an image or a voice can be imitated?",
                "objectives": "Know what a deepfake is and how it is made.\nShare checking habits.",
                "materials": "A projector and speakers.\nSix to eight clips prepared in advance, no connection needed.\n\"True\" and \"fake\" cards.",
                "steps": [
                    ("Guess", "Each clip is shown once. Everyone raises a \"true\" or \"fake\" card."),
                    ("Reveal", "Reveal the answers and show the clues that gave the fakes away."),
                    ("Debate", "Who is responsible for a fake that spreads? Should generated content be labelled?"),
                    ("Leave with habits", "The group writes a list of three simple checks to do before sharing."),
                ],
                "variations": "Without a projector, use printed photos and articles.",
                "tips": "Never use a fake aimed at a real person in the group or close to it.",
            },
        },
    },
]
