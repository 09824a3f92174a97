import pytest

from portal.sanitising import clean_user_html, paragraphs


@pytest.mark.parametrize(
    "dirty",
    [
        "<script>alert('x')</script><p>Hello</p>",
        '<p onclick="steal()">Hello</p>',
        '<p>Hello</p><img src="x" onerror="steal()">',
        '<p>Hello</p><iframe src="https://evil.example"></iframe>',
        "<p>Hello</p><style>body{display:none}</style>",
    ],
)
def test_scripts_handlers_and_embeds_are_removed(dirty):
    cleaned = clean_user_html(dirty)

    assert cleaned.startswith("<p>Hello</p>")
    for dangerous in ("script", "onclick", "onerror", "iframe", "style", "alert", "steal"):
        assert dangerous not in cleaned


def test_javascript_links_lose_their_destination():
    cleaned = clean_user_html('<a href="javascript:steal()">click</a>')
    assert "javascript" not in cleaned
    assert "click" in cleaned


def test_basic_formatting_and_safe_links_survive():
    cleaned = clean_user_html(
        '<p><strong>Finding</strong>: see <a href="https://example.org/report">the report</a>.</p>'
        "<ul><li>one</li></ul>"
    )

    assert "<strong>Finding</strong>" in cleaned
    assert '<a href="https://example.org/report" rel="noopener noreferrer nofollow">' in cleaned
    assert "<ul><li>one</li></ul>" in cleaned


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("One.\n\nTwo,\nthree.", "<p>One.</p>\n\n<p>Two,<br>three.</p>"),
        ("Only <em>one</em> line", "<p>Only <em>one</em> line</p>"),
        ("<p>Written as HTML.</p>\n\n<p>Kept.</p>", "<p>Written as HTML.</p>\n\n<p>Kept.</p>"),
        ("Before a list\n<ul><li>item</li></ul>", "Before a list\n<ul><li>item</li></ul>"),
    ],
)
def test_plain_text_paragraphs_are_kept_and_markup_is_left_as_written(typed, shown):
    assert paragraphs(clean_user_html(typed)) == shown


def test_paragraphs_escape_nothing_twice():
    assert paragraphs(clean_user_html("R&D < 2")) == "<p>R&amp;D &lt; 2</p>"


def test_paragraphs_are_safe_whatever_was_stored():
    shown = paragraphs('<strong>a\n\nb</strong><script>x()</script><p onclick="y()">c</p>')
    assert "script" not in shown and "onclick" not in shown and "x()" not in shown
    assert paragraphs("<b>one\n\ntwo</b>").count("<b>") == paragraphs("<b>one\n\ntwo</b>").count(
        "</b>"
    )
