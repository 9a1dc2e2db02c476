"""Demo content of the lettre, in French with its Arabic and English: editions modelled on real Cénum
letters, news, testimonies and the articles about Morocco."""
import datetime
import json
import uuid


class Strings:
    """Collects (fr, ar, en) triples while content is written; returns fr and remembers the rest."""

    def __init__(self):
        self.tr: dict[str, dict[str, str]] = {"ar": {}, "en": {}}

    def __call__(self, fr: str, ar: str, en: str) -> str:
        self.tr["ar"][fr] = ar
        self.tr["en"][fr] = en
        return fr


def list_items(values: list[dict]) -> list[dict]:
    """ListBlock items in block format (with ids), which wagtail-localize needs to translate them."""
    return [
        {"type": "item", "value": value, "id": str(uuid.uuid5(uuid.NAMESPACE_URL, json.dumps(value, sort_keys=True)))}
        for value in values
    ]


def paragraphs(*texts: str) -> str:
    return "".join(f"<p>{p}</p>" for p in texts)


def edition_texts(s: Strings, illustration, testimonies):
    regard = testimonies[0]
    return [
        {
            "slug": "lettre-1-construire-ensemble",
            "title": s("Construire Café IA ensemble, à ciel ouvert",
                       "نبني مقهى الذكاء الاصطناعي معًا وفي العلن",
                       "Building Café IA together, in the open"),
            "date": datetime.date(2024, 6, 21),
            "issue_number": 1,
            "chapeau": s(
                "Un mois après le lancement, plus de cinq cents personnes ont rejoint le mouvement. Cafés ouverts, cafés animations : voici comment participer.",
                "بعد شهر من الانطلاق، انضم أكثر من خمسمئة شخص إلى الحركة. مقاهٍ مفتوحة ومقاهٍ للتنشيط: إليكم طرق المشاركة.",
                "A month after the launch, more than five hundred people have joined. Open cafés, facilitation cafés: here is how to take part.",
            ),
            "tags": ["gouvernance ouverte", "animation"],
            "authors": s("l'équipe Café IA", "فريق مقهى الذكاء الاصطناعي", "the Café IA team"),
            "illustrators": "Atelier Trait Libre",
            "hero_image": illustration,
            "hero_alt": s("Des cercles blancs sur fond orange, comme des tables de café vues d'en haut.",
                          "دوائر بيضاء على خلفية برتقالية، كأنها طاولات مقهى تُرى من الأعلى.",
                          "White circles on an orange background, like café tables seen from above."),
            "hero_credit": "Atelier Trait Libre, CC BY-NC",
            "body": [
                ("text", paragraphs(
                    s("Chaque mardi de 13 h 30 à 15 h, une douzaine de personnes de tous horizons se retrouvent en ligne pour un café ouvert : on y découvre le programme, on pose ses questions, on propose des idées.",
                      "كل ثلاثاء من الساعة 13:30 إلى 15:00، يلتقي نحو اثني عشر شخصًا من آفاق مختلفة عبر الإنترنت في مقهى مفتوح: نكتشف البرنامج ونطرح أسئلتنا ونقترح أفكارًا.",
                      "Every Tuesday from 1:30 to 3 pm, a dozen people from all walks of life meet online for an open café: they discover the programme, ask questions and suggest ideas."),
                    s("La démarche s'inspire des bureaux ouverts de parlementaires et des agendas publics de responsables qui rendent compte de leurs rencontres : une politique publique se construit mieux à plusieurs.",
                      "تستلهم هذه المقاربة المكاتب المفتوحة لبعض البرلمانيين والأجندات العلنية لمسؤولين يُطلعون الناس على لقاءاتهم: تُبنى السياسة العمومية بشكل أفضل بمشاركة الجميع.",
                      "The approach draws on MPs' open offices and on officials who publish their agendas: public policy is better built together."),
                )),
                ("call_to_action", {
                    "title": s("Rejoignez un café ouvert", "انضموا إلى مقهى مفتوح", "Join an open café"),
                    "text": s("Les sessions de juillet ont encore des places : inscrivez-vous et venez avec vos questions.",
                              "ما زالت هناك أماكن في جلسات يوليوز: سجّلوا وتعالوا بأسئلتكم.",
                              "There are still seats in the July sessions: sign up and bring your questions."),
                    "link_page": None, "link_url": "https://cafeia.example/cafes-ouverts",
                    "link_label": s("S'inscrire", "التسجيل", "Sign up"),
                }),
                ("regard", {
                    "person": regard.person_name, "role": regard.role, "photo": None,
                    "quote": regard.quote,
                    "text": paragraphs(s("Elle a animé trois cafés dans sa médiathèque ce printemps et raconte ce qui l'a surprise : les questions les plus fines venaient des personnes qui n'avaient jamais utilisé d'IA.",
                                 "نشّطت ثلاثة مقاهٍ في خزانتها الوسائطية هذا الربيع، وتحكي ما فاجأها: أدقّ الأسئلة جاءت ممن لم يستعملوا الذكاء الاصطناعي قطّ.",
                                 "She ran three cafés in her media library this spring and tells what surprised her: the sharpest questions came from people who had never used AI.")),
                    "testimony": regard.pk,
                }),
                ("watch", {
                    "title": s("Veille", "رصد", "Watch list"),
                    "links": list_items([
                        {"title": s("En Hauts-de-France, 2 000 entreprises sensibilisées à l'IA",
                                    "في إقليم أو-دو-فرانس، توعية 2000 مقاولة بالذكاء الاصطناعي",
                                    "In Hauts-de-France, 2,000 companies made aware of AI"),
                         "url": "https://www.lavoixdunord.fr/", "source": "La Voix du Nord",
                         "summary": s("Petits-déjeuners et ateliers : une cité de l'IA régionale mise sur la proximité.",
                                      "فطور صباحي وورشات: مدينة جهوية للذكاء الاصطناعي تراهن على القرب.",
                                      "Breakfasts and workshops: a regional AI hub bets on proximity.")},
                        {"title": s("Un code du numérique écrit par des habitants, en Belgique",
                                    "مدونة للرقمي كتبها السكان في بلجيكا",
                                    "A digital code written by residents, in Belgium"),
                         "url": "https://theconversation.com/fr", "source": "Comité humain du numérique",
                         "summary": s("Plus de 500 personnes ont co-écrit huit règles pour que le numérique s'adapte à l'humain.",
                                      "شارك أكثر من 500 شخص في كتابة ثماني قواعد ليتكيّف الرقمي مع الإنسان.",
                                      "Over 500 people co-wrote eight rules so that digital tools adapt to people.")},
                    ]),
                }),
                ("agenda", {
                    "title": s("Agenda", "المواعيد", "Agenda"),
                    "items": list_items([
                        {"date": "2024-06-26", "place": "Atelier Canopé 92",
                         "title": s("Journée IA générative et éducation avec Réseau Canopé",
                                    "يوم حول الذكاء الاصطناعي التوليدي والتعليم مع شبكة كانوبي",
                                    "A day on generative AI and education with Réseau Canopé"),
                         "link": "https://www.reseau-canope.fr/"},
                        {"date": "2024-07-04", "place": s("En ligne", "عبر الإنترنت", "Online"),
                         "title": s("Café animations : retours d'expérience", "مقهى التنشيط: تبادل التجارب", "Facilitation café: lessons learnt"),
                         "link": ""},
                    ]),
                }),
                ("briefs", {
                    "title": s("En bref", "باختصار", "In brief"),
                    "items": list_items([
                        {"text": paragraphs(s("Les cafés animations commencent en juillet, chaque jeudi de 13 h 30 à 15 h.",
                                      "تنطلق مقاهي التنشيط في يوليوز، كل خميس من 13:30 إلى 15:00.",
                                      "Facilitation cafés start in July, every Thursday from 1:30 to 3 pm."))},
                        {"text": paragraphs(s("Un jeu de cartes collaboratif pour exercer son esprit critique sera présenté le 11 juillet.",
                                      "ستُقدَّم لعبة ورق تعاونية لتنمية الحس النقدي يوم 11 يوليوز.",
                                      "A cooperative card game to sharpen critical thinking will be presented on 11 July."))},
                    ]),
                }),
                ("before_leaving", {
                    "title": s("Avant de partir", "قبل أن تغادروا", "Before you go"),
                    "text": paragraphs(s("Vous avez lu un article ou écouté un podcast qui nourrirait un café ? Répondez à cette lettre, nous le partagerons.",
                                 "قرأتم مقالًا أو استمعتم إلى بودكاست قد يُغني مقهى؟ ردّوا على هذه الرسالة وسنشاركه.",
                                 "Read an article or heard a podcast that would feed a café? Reply to this letter and we will share it.")),
                }),
            ],
        },
        {
            "slug": "lettre-2-faire-ensemble",
            "title": s("Faire ensemble : un objet pour incarner Café IA",
                       "لنصنع معًا: شيء يجسّد مقهى الذكاء الاصطناعي",
                       "Making together: an object to embody Café IA"),
            "date": datetime.date(2024, 12, 20),
            "issue_number": 2,
            "chapeau": s(
                "Fablabs, tiers-lieux et makers sont invités à concevoir ensemble un objet emblématique des cafés, fabriqué près de chez vous.",
                "مختبرات التصنيع والفضاءات الثالثة والصنّاع مدعوون إلى تصميم شيء يرمز إلى المقاهي، يُصنع قريبًا منكم.",
                "Fablabs, third places and makers are invited to design together an emblematic object for the cafés, made near you.",
            ),
            "tags": ["faire ensemble", "tiers-lieux"],
            "authors": s("l'équipe Café IA", "فريق مقهى الذكاء الاصطناعي", "the Café IA team"),
            "illustrators": "",
            "hero_image": None, "hero_alt": "", "hero_credit": "",
            "body": [
                ("text", paragraphs(
                    s("L'appel à faire ensemble est porté avec le réseau français des fablabs, l'association nationale des tiers-lieux et France Tiers-Lieux : l'objet sera conçu en contribution ouverte et fabriqué de façon distribuée.",
                      "يُحمل نداء «لنصنع معًا» بالتعاون مع الشبكة الفرنسية لمختبرات التصنيع والجمعية الوطنية للفضاءات الثالثة وفرنسا للفضاءات الثالثة: سيُصمَّم الشيء بمساهمة مفتوحة ويُصنع بشكل موزَّع.",
                      "The call is run with the French fablab network, the national association of third places and France Tiers-Lieux: the object will be designed through open contribution and made in a distributed way."),
                )),
                ("regard", {
                    "person": testimonies[1].person_name, "role": testimonies[1].role, "photo": None,
                    "quote": testimonies[1].quote, "text": "", "testimony": testimonies[1].pk,
                }),
                ("quote", {
                    "text": s("Fabriquer ensemble, c'est déjà débattre : de ce qu'on veut, de ce qu'on refuse.",
                              "أن نصنع معًا هو أن نتناقش أصلًا: فيما نريد وفيما نرفض.",
                              "Making together is already debating: about what we want, and what we refuse."),
                    "attribution": testimonies[1].person_name,
                }),
                ("agenda", {
                    "title": s("Agenda", "المواعيد", "Agenda"),
                    "items": list_items([
                        {"date": "2025-02-07", "place": s("Paris, Conseil économique, social et environnemental",
                                                          "باريس، المجلس الاقتصادي والاجتماعي والبيئي",
                                                          "Paris, Economic, Social and Environmental Council"),
                         "title": s("IA : la voie citoyenne ?", "الذكاء الاصطناعي: الطريق المواطن؟", "AI: the citizens' way?"),
                         "link": "https://www.lecese.fr/"},
                    ]),
                }),
                ("watch", {
                    "title": s("Veille", "رصد", "Watch list"),
                    "links": list_items([
                        {"title": s("La démocratie à l'ère du numérique", "الديمقراطية في العصر الرقمي", "Democracy in the digital age"),
                         "url": "https://www.sciencespo.fr/", "source": "Sciences Po",
                         "summary": s("Un numéro de revue entier sur ce que le numérique fait au débat public.",
                                      "عدد كامل من مجلة حول ما يفعله الرقمي بالنقاش العمومي.",
                                      "A whole journal issue on what digital tools do to public debate.")},
                        {"title": s("Services publics : la fin du « no-reply » ?", "الخدمات العمومية: نهاية «لا ترد»؟", "Public services: the end of \"no-reply\"?"),
                         "url": "https://www.numerique.gouv.fr/", "source": "numerique.gouv.fr",
                         "summary": s("Répondre aux usagers plutôt que leur écrire depuis une adresse muette.",
                                      "الرد على المرتفقين بدل مراسلتهم من عنوان صامت.",
                                      "Answering users instead of writing from a silent address.")},
                    ]),
                }),
                ("before_leaving", {
                    "title": s("Avant de partir", "قبل أن تغادروا", "Before you go"),
                    "text": paragraphs(s("Bonne fin d'année à toutes celles et ceux qui font vivre les cafés : rendez-vous en janvier.",
                                 "نهاية سنة سعيدة لكل من يُحيي المقاهي: موعدنا في يناير.",
                                 "Happy end of year to everyone who keeps the cafés alive: see you in January.")),
                }),
            ],
        },
        {
            "slug": "lettre-3-partout-en-france",
            "title": s("Des cafés IA partout en France", "مقاهي الذكاء الاصطناعي في كل أنحاء فرنسا", "Cafés IA all over France"),
            "date": datetime.date(2025, 3, 7),
            "issue_number": 3,
            "chapeau": s(
                "Festival à Grenoble, Salon de l'agriculture, entreprises et ministères : les cafés se multiplient, souvent sans nous.",
                "مهرجان في غرونوبل، والمعرض الفلاحي، ومقاولات ووزارات: تتكاثر المقاهي، وغالبًا من دوننا.",
                "A festival in Grenoble, the Agriculture Show, companies and ministries: cafés multiply, often without us.",
            ),
            "tags": ["animation", "territoires"],
            "authors": s("l'équipe Café IA", "فريق مقهى الذكاء الاصطناعي", "the Café IA team"),
            "illustrators": "Atelier Trait Libre",
            "hero_image": illustration,
            "hero_alt": s("Des cercles blancs sur fond orange, comme des tables de café vues d'en haut.",
                          "دوائر بيضاء على خلفية برتقالية، كأنها طاولات مقهى تُرى من الأعلى.",
                          "White circles on an orange background, like café tables seen from above."),
            "hero_credit": "Atelier Trait Libre, CC BY-NC",
            "body": [
                ("text", paragraphs(
                    s("Début février, huit cafés ont eu lieu en deux jours au festival Tech&Fest de Grenoble, chacun avec un format différent.",
                      "في بداية فبراير، انعقدت ثمانية مقاهٍ في يومين خلال مهرجان Tech&Fest في غرونوبل، لكل منها صيغة مختلفة.",
                      "In early February, eight cafés took place in two days at the Tech&Fest festival in Grenoble, each with a different format."),
                    s("Au Salon de l'agriculture, deux cafés ont réuni entrepreneurs, étudiants en agronomie et représentants marocains du numérique.",
                      "في المعرض الفلاحي، جمع مقهيان مقاولين وطلبة في الهندسة الزراعية وممثلين مغاربة عن قطاع الرقمي.",
                      "At the Agriculture Show, two cafés brought together entrepreneurs, agronomy students and Moroccan digital representatives."),
                )),
                ("image", {"image": {"image": illustration.pk, "alt_text": "", "decorative": True},
                           "caption": s("Un café IA, vu d'en haut.", "مقهى ذكاء اصطناعي، من الأعلى.", "A café IA, from above."),
                           "credit": "Atelier Trait Libre"}),
                ("regard", {
                    "person": testimonies[2].person_name, "role": testimonies[2].role, "photo": None,
                    "quote": testimonies[2].quote, "text": "", "testimony": testimonies[2].pk,
                }),
                ("video", {
                    "url": "https://tube.cafeia.example/w/cafe-ia-grenoble",
                    "title": s("Huit cafés en deux jours", "ثمانية مقاهٍ في يومين", "Eight cafés in two days"),
                    "caption": s("Retour en images sur le festival.", "عودة بالصور إلى المهرجان.", "The festival in pictures."),
                }),
                ("briefs", {
                    "title": s("En bref", "باختصار", "In brief"),
                    "items": list_items([
                        {"text": paragraphs(s("Un premier café a réuni des équipes d'un grand groupe postal autour d'une recette « inratable ».",
                                      "جمع أول مقهى فرقًا من مجموعة بريدية كبرى حول وصفة «لا تفشل».",
                                      "A first café gathered teams from a large postal group around a \"foolproof\" recipe."))},
                        {"text": paragraphs(s("Une dizaine de cafés sont annoncés dans les jours qui viennent.",
                                      "أُعلن عن نحو عشرة مقاهٍ في الأيام المقبلة.",
                                      "About ten cafés are announced for the coming days."))},
                    ]),
                }),
                ("before_leaving", {
                    "title": s("Avant de partir", "قبل أن تغادروا", "Before you go"),
                    "text": paragraphs(s("Les cafés s'organisent désormais en toute autonomie : dites-nous où vous en êtes.",
                                 "صارت المقاهي تُنظَّم باستقلالية تامة: أخبرونا بما وصلتم إليه.",
                                 "Cafés are now organised independently: tell us how yours is going.")),
                }),
            ],
        },
    ]


def news_texts(s: Strings):
    return [
        ("appel-a-faire-ensemble-ouvert", datetime.date(2024, 11, 28),
         s("L'appel à faire ensemble est ouvert", "نداء «لنصنع معًا» مفتوح", "The call to make together is open"),
         s("Les fablabs qui veulent participer peuvent se signaler dès maintenant.",
           "يمكن لمختبرات التصنيع الراغبة في المشاركة أن تُعلن عن نفسها منذ الآن.",
           "Fablabs who want to take part can come forward now."),
         ["faire ensemble"]),
        ("cafes-ia-au-maroc", datetime.date(2025, 4, 15),
         s("Les premiers cafés IA au Maroc", "أولى مقاهي الذكاء الاصطناعي في المغرب", "The first cafés IA in Morocco"),
         s("Des associations de Rabat et de Casablanca adaptent les formats, en arabe et en français.",
           "جمعيات في الرباط والدار البيضاء تكيّف الصيغ، بالعربية والفرنسية.",
           "Associations in Rabat and Casablanca adapt the formats, in Arabic and French."),
         ["territoires"]),
        ("kit-animation-mis-a-jour", datetime.date(2025, 5, 20),
         s("Le kit d'animation mis à jour", "تحديث عُدّة التنشيط", "The facilitation kit updated"),
         s("Nouvelles cartes, nouveaux déroulés : ce qui a changé après un an de cafés.",
           "بطاقات جديدة ومسارات جديدة: ما الذي تغيّر بعد سنة من المقاهي.",
           "New cards, new outlines: what changed after a year of cafés."),
         ["animation"]),
    ]


def testimony_texts(s: Strings):
    return [
        ("camille-perrin", s("Camille Perrin", "كاميل بيران", "Camille Perrin"),
         s("médiatrice numérique en médiathèque", "وسيطة رقمية في خزانة وسائطية", "digital mediator in a media library"),
         s("On vient pour comprendre, on repart avec l'envie d'en parler autour de soi.",
           "نأتي لنفهم، ونخرج برغبة في الحديث عن ذلك مع من حولنا.",
           "People come to understand and leave wanting to talk about it around them."),
         s("J'ai animé trois cafés ce printemps. Les participants n'avaient pas tous utilisé un outil d'IA, mais tous avaient un avis sur ce qu'elle change au travail et à l'école. Le format court, autour d'une boisson, libère la parole.",
           "نشّطت ثلاثة مقاهٍ هذا الربيع. لم يستعمل جميع المشاركين أداة ذكاء اصطناعي، لكن لكلٍّ منهم رأي في ما تغيّره في العمل والمدرسة. الصيغة القصيرة حول مشروب تحرّر الكلام.",
           "I ran three cafés this spring. Not every participant had used an AI tool, but all had a view on what it changes at work and at school. The short format, over a drink, frees people to speak."),
         "FR"),
        ("youssef-alaoui", s("Youssef Alaoui", "يوسف العلوي", "Youssef Alaoui"),
         s("maker dans un fablab associatif", "صانع في مختبر تصنيع جمعوي", "maker in a community fablab"),
         s("Un objet fabriqué à plusieurs raconte mieux un projet qu'un long discours.",
           "شيء يُصنع بأيادٍ متعددة يروي المشروع أفضل من خطاب طويل.",
           "An object made by many tells a project better than a long speech."),
         s("Dans notre atelier, chacun apprend de l'autre. Répondre à l'appel à faire ensemble, c'est montrer que l'on peut parler d'IA en fabriquant, avec des machines simples et des plans partagés.",
           "في ورشتنا يتعلم كل واحد من الآخر. الاستجابة لنداء «لنصنع معًا» تعني إظهار أننا نستطيع الحديث عن الذكاء الاصطناعي ونحن نصنع، بآلات بسيطة وتصاميم مشتركة.",
           "In our workshop everyone learns from each other. Answering the call to make together shows that we can talk about AI while making things, with simple machines and shared plans."),
         "MA"),
        ("lea-fontaine", s("Léa Fontaine", "ليا فونتين", "Léa Fontaine"),
         s("animatrice d'un centre social", "منشّطة في مركز اجتماعي", "facilitator in a social centre"),
         s("Le plus beau, c'est quand les participants animent le café suivant.",
           "أجمل ما في الأمر حين ينشّط المشاركون المقهى التالي.",
           "The best part is when participants run the next café."),
         s("Nous avons commencé avec le kit, puis les habitants ont inventé leurs propres questions. Aujourd'hui, ce sont eux qui accueillent les nouveaux venus.",
           "بدأنا بالعُدّة، ثم ابتكر السكان أسئلتهم الخاصة. واليوم هم من يستقبلون الوافدين الجدد.",
           "We started with the kit, then residents invented their own questions. Today they are the ones welcoming newcomers."),
         "FR"),
    ]


def country_news_texts(s: Strings):
    """Articles about Morocco, written for this demo (facts: cafés there since December 2024, Rabat, Ifrane)."""
    return [
        ("rabat-premier-cafe-ia-au-maroc", datetime.date(2024, 12, 20),
         s("Rabat accueille le premier café IA du Maroc",
           "الرباط تحتضن أول مقهى ذكاء اصطناعي في المغرب",
           "Rabat hosts the first café IA in Morocco"),
         s("En décembre 2024, une quarantaine de personnes ont inauguré les cafés IA au Maroc : on y a parlé arabe, français, et beaucoup posé de questions.",
           "في ديسمبر 2024، افتتح نحو أربعين شخصًا مقاهي الذكاء الاصطناعي في المغرب: تحدّثوا بالعربية والفرنسية، وطرحوا أسئلة كثيرة.",
           "In December 2024, some forty people opened the cafés IA in Morocco: they spoke Arabic and French, and asked a great many questions."),
         s("Étudiants, enseignants, parents et curieux se sont répartis en petites tables. Chacune a choisi une question, puis l'a rapportée à toute la salle.",
           "توزّع الطلبة والأساتذة والآباء والفضوليون على طاولات صغيرة. اختارت كل طاولة سؤالًا، ثم عرضته على القاعة كلها.",
           "Students, teachers, parents and the curious sat at small tables. Each chose a question, then brought it back to the whole room."),
         ["territoires"]),
        ("ifrane-cafe-ia-etudiants", datetime.date(2025, 3, 12),
         s("Ifrane : les étudiants animent leur propre café IA",
           "إفران: الطلبة ينشّطون مقهى الذكاء الاصطناعي الخاص بهم",
           "Ifrane: students run their own café IA"),
         s("Après avoir participé à un premier café, des étudiants d'Ifrane ont pris le relais et préparé les questions eux-mêmes.",
           "بعد مشاركتهم في مقهى أول، تسلّم طلبة من إفران المشعل وأعدّوا الأسئلة بأنفسهم.",
           "After taking part in a first café, students in Ifrane took over and prepared the questions themselves."),
         s("Leur format tient en une heure : dix minutes pour se présenter, trente pour débattre, vingt pour écrire ce que l'on propose. Ils le partagent avec les autres villes.",
           "صيغتهم تدوم ساعة واحدة: عشر دقائق للتعارف، وثلاثون للنقاش، وعشرون لكتابة المقترحات. وهم يتقاسمونها مع المدن الأخرى.",
           "Their format fits in an hour: ten minutes to introduce themselves, thirty to debate, twenty to write down proposals. They share it with the other cities."),
         ["territoires", "animation"]),
    ]
