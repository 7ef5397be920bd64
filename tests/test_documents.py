"""Reading articles: encodings, front matter, HTML, datelines, and the messages users see."""
from __future__ import annotations

import datetime as dt

import pytest

from geo.documents import document_from_bytes, document_from_text, find_dateline, load_document
from geo.errors import BadDocument, MissingDate

ARTICLE = "---\ndate: 2016-11-28\nsource: Test wire\nlang: fr\n---\nL'armée a pris le quartier de Sakhour.\n"


def test_front_matter_fields_are_read():
    doc = document_from_text(ARTICLE, name="a.md")
    assert doc.date == dt.date(2016, 11, 28)
    assert (doc.source, doc.lang) == ("Test wire", "fr")
    assert doc.text.strip() == "L'armée a pris le quartier de Sakhour."


def test_malformed_front_matter_names_file_line_and_fix():
    with pytest.raises(BadDocument) as e:
        document_from_text("---\ndate: 2016-11-28\nthis line is wrong\n---\ntext", name="bad.md")
    assert str(e.value).startswith("bad.md line 3: 'this line is wrong' is not 'key: value'")
    assert "close it with a line '---'" in str(e.value)


def test_unclosed_front_matter_is_reported():
    with pytest.raises(BadDocument, match="never closed"):
        document_from_text("---\ndate: 2016-11-28\nsource: AFP", name="open.md")


def test_bad_date_value_says_how_to_write_it():
    with pytest.raises(BadDocument, match=r"'28/11/2016' is not a date; write it as YYYY-MM-DD"):
        document_from_text("---\ndate: 28/11/2016\n---\ntext", name="d.md")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_encodings_decode_to_the_same_text(encoding):
    doc = document_from_bytes(ARTICLE.encode(encoding), name="x.md")
    assert "L'armée a pris" in doc.text
    assert doc.date == dt.date(2016, 11, 28)


def test_binary_file_is_refused_with_advice():
    with pytest.raises(BadDocument, match="binary"):
        document_from_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, name="pic.png")


def test_empty_file_is_refused():
    with pytest.raises(BadDocument, match="no text"):
        document_from_bytes(b"", name="empty.txt", date="2016-11-28")


def test_missing_date_says_to_add_it_or_pass_it():
    with pytest.raises(MissingDate) as e:
        document_from_text("Les combats continuent.", name="nodate.txt")
    assert "add a line 'date: YYYY-MM-DD'" in str(e.value) and "--date" in str(e.value)


@pytest.mark.parametrize("text,expected", [
    ("ALEP, 3 décembre 2016 (AFP) - Les forces ...", dt.date(2016, 12, 3)),
    ("BEIRUT, Dec. 7, 2016 (Reuters) - Syrian troops ...", dt.date(2016, 12, 7)),
    ("Beyrouth, 1er août 2012 - ...", dt.date(2012, 8, 1)),
])
def test_dateline_gives_the_publication_date(text, expected):
    assert find_dateline(text) == expected
    assert document_from_text(text, name="t").date == expected


def test_pasted_html_is_reduced_to_visible_text():
    page = "<html><head><script>alert(1)</script><style>p{}</style></head><body><p>Premier &amp; second</p><p>Fin</p></body></html>"
    doc = document_from_text(page, name="p.html", date="2016-11-28")
    assert doc.text == "Premier & second\nFin"


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(BadDocument, match="no such file"):
        load_document(tmp_path / "nope.md")


def test_seed_article_loads():
    from conftest import SEEDS

    docs = [load_document(p) for p in sorted(SEEDS.glob("*.md"))]
    assert docs and docs[0].date == dt.date(2016, 11, 28) and docs[0].source == "AFP"
