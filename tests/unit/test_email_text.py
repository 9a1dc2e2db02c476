"""The plain-text part of the lettre's e-mails, from their HTML, without a database."""
from home.lettre.emails import absolutize, html_to_text


def test_links_become_text_then_address_and_markup_goes():
    text = html_to_text('<p>Lire <a class="x" href="https://cafeia.example/fr/lettre/">la lettre</a> &amp; plus</p>')
    assert text == "Lire la lettre ( https://cafeia.example/fr/lettre/ ) & plus\n"


def test_scripts_and_styles_are_dropped_with_their_content():
    assert html_to_text("<style>p{color:red}</style><p>Bonjour</p><script>alert(1)</script>") == "Bonjour\n"


def test_blocks_are_separated_by_one_blank_line_and_list_items_keep_their_bullets():
    text = html_to_text("<h1>Titre</h1>\n\n\n<p>Un<br>deux</p><ul><li>\n  premier  </li><li>second</li></ul><p>Fin</p>")
    assert text == "Titre\n\nUn\ndeux\n\n- premier\n\n- second\n\nFin\n"


def test_arabic_and_entities_survive():
    assert html_to_text("<p>مقهى &laquo;الذكاء&raquo; &#x1F916;</p>") == "مقهى «الذكاء» 🤖\n"


def test_relative_links_are_made_absolute_and_others_are_left_alone():
    markup = '<a href="/fr/">a</a><img src="/media/x.png"><a href="//cdn.example/x">b</a><a href="https://o.example/">c</a>'
    assert absolutize(markup, "https://cafeia.example/") == (
        '<a href="https://cafeia.example/fr/">a</a><img src="https://cafeia.example/media/x.png">'
        '<a href="//cdn.example/x">b</a><a href="https://o.example/">c</a>')
