"""``python -m geo extract`` on good and bad files: one JSON line per file, the batch goes on, exit 1 on failure."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from geo.cli import main

ARTICLE_FR = "---\ndate: 2016-11-28\nlang: fr\n---\nLes rebelles ont pris lundi le quartier de Sakhour, selon l'OSDH.\n"
ARTICLE_EN = "---\ndate: 2016-11-28\nlang: en\n---\nRebels seized the Sakhour district on Monday.\n"
HTML = ("<!doctype html><html><head><title>t</title><script>var x = 1;</script></head><body>"
        "<p>ALEP, 28 novembre 2016 (AFP) - Les rebelles ont pris lundi le quartier de Sakhour.</p>"
        "<p>Fin de la d&eacute;p&ecirc;che.</p></body></html>")


def _run(capsys, *args: str) -> tuple[int, list[dict]]:
    code = main(["extract", *args])
    out = capsys.readouterr().out
    return code, [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.mark.parametrize(("name", "data"), [
    ("utf8.md", ARTICLE_FR.encode("utf-8")),
    ("latin1.md", ARTICLE_FR.encode("latin-1")),
    ("utf16.md", ARTICLE_EN.encode("utf-16")),  # Python writes the BOM
    ("page.html", HTML.encode("utf-8")),
])
def test_readable_encodings_give_claims(tmp_path, capsys, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    code, lines = _run(capsys, str(path))
    assert code == 0
    assert lines[0]["file"] == str(path)
    claims = lines[0]["claims"]
    assert [(c["place_id"], c["faction"], c["date"]) for c in claims] == [("sakhour", "rebels", "2016-11-28")]


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.md", b"", "the article has no text; paste the article's text below the front matter."),
    ("binary.md", b"\x00\x01\x02PK\x03\x04" * 50,
     "looks like a binary file (it holds NUL bytes), not an article; save the article as plain text (.txt, .md or .html)."),
    ("nodate.md", "Les rebelles ont pris lundi le quartier de Sakhour.\n".encode(),
     "no publication date; add a line 'date: YYYY-MM-DD' to the front matter, or pass --date YYYY-MM-DD."),
])
def test_bad_files_give_an_error_line_and_the_batch_goes_on(tmp_path, capsys, name, data, message):
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.md"
    good.write_text(ARTICLE_FR, encoding="utf-8")
    code, lines = _run(capsys, str(bad), str(good))
    assert code == 1
    assert lines[0] == {"file": str(bad), "error": f"{bad}: {message}"}
    assert lines[1]["file"] == str(good) and len(lines[1]["claims"]) == 1


def test_missing_date_is_fixed_by_the_date_option(tmp_path, capsys):
    path = tmp_path / "nodate.md"
    path.write_text("Les rebelles ont pris samedi le quartier de Sakhour.\n", encoding="utf-8")
    code, lines = _run(capsys, str(path), "--date", "2016-11-28", "--lang", "fr")
    assert code == 0
    assert [c["date"] for c in lines[0]["claims"]] == ["2016-11-26"]


def test_missing_file_is_reported(tmp_path, capsys):
    code, lines = _run(capsys, str(tmp_path / "nowhere.md"))
    assert code == 1
    assert lines == [{"file": str(tmp_path / "nowhere.md"), "error": f"{tmp_path / 'nowhere.md'}: no such file; check the path."}]


def test_claim_json_has_the_contract_keys(tmp_path, capsys):
    path = tmp_path / "a.md"
    path.write_text(ARTICLE_FR, encoding="utf-8")
    _, lines = _run(capsys, str(path))
    assert set(lines[0]["claims"][0]) == {
        "place_id", "place", "place_kind", "mention", "start", "end", "faction", "kind", "date",
        "date_precision", "quote", "attributed_to", "confidence"}
    assert lines[0]["claims"][0]["attributed_to"] == "OSDH"


def test_module_entry_point_prints_no_traceback(tmp_path):
    bad = tmp_path / "binary.md"
    bad.write_bytes(b"\x00" * 100)
    proc = subprocess.run([sys.executable, "-m", "geo", "extract", str(bad)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    assert json.loads(proc.stdout)["error"].startswith(str(bad))
