import pytest

from portal.sanitising import clean_user_html, plain_text


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


def test_plain_text_keeps_words_and_escapes_the_rest():
    assert plain_text("<p>Safer <em>streets</em></p><script>x()</script>") == "Safer streets"
    assert plain_text("1 < 2") == "1 &lt; 2"
