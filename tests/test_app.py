"""The page's logic without a browser (streamlit.testing AppTest) on a fresh store seeded from seeds/."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
SEED_QUOTE = "prendre le contrôle lundi des quartiers de"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return str(tmp_path_factory.mktemp("appdb") / "quarters.sqlite")


@pytest.fixture()
def app(db, monkeypatch):
    monkeypatch.setenv("QUARTERS_DB", db)

    def make(**params: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=120)
        for k, v in params.items():
            at.query_params[k] = v
        at.run()
        assert not at.exception, at.exception
        return at

    return make


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [e.value for e in at.error] + [w.value for w in at.warning]
    parts += [s.value for s in at.subheader] + [c.value for c in at.caption] + [i.value for i in at.info]
    parts += [s.value for s in at.success]
    return "\n".join(str(p) for p in parts)


def test_first_start_seeds_the_store_and_the_link_date_selects_the_day(app):
    at = app(date="2016-11-27")
    labels = [s.label for s in at.status]
    assert len(labels) == 1 and labels[0].startswith("Seed articles read: ingest: 1 new")
    at.run()
    assert [s.label for s in at.status] == []  # later runs reuse the store
    assert at.slider(key="day").value == dt.date(2016, 11, 27)
    assert "Showing <b>2016-11-27</b>" in _texts(at)
    assert at.query_params["date"] == ["2016-11-27"] or at.query_params["date"] == "2016-11-27"


def test_a_malformed_date_in_the_link_is_explained_and_the_page_still_opens(app):
    at = app(date="2016-13-45")
    msgs = [w.value for w in at.warning]
    assert any("The link's date '2016-13-45' is not a date; write it as YYYY-MM-DD" in m for m in msgs), msgs
    assert isinstance(at.slider(key="day").value, dt.date)


def test_a_date_before_the_evidence_is_moved_to_the_first_day(app):
    at = app(date="1999-01-01")
    assert any("is before the first claim" in w.value for w in at.warning)
    day = at.slider(key="day").value
    assert day.isoformat() in at.warning[0].value
    assert day < dt.date(2016, 11, 28)


def test_an_unknown_quarter_in_the_link_is_explained(app):
    at = app(quarter="atlantis")
    assert any("'atlantis', which is not in the gazetteer" in w.value for w in at.warning)
    assert any("Click a quarter on the map" in i.value for i in at.info)


def test_the_quarter_in_the_link_opens_its_panel_with_the_seed_quote(app):
    at = app(date="2016-11-28", quarter="sakhour")
    assert [s.value for s in at.subheader][0] == "Sakhour"
    text = _texts(at)
    assert SEED_QUOTE in text
    assert "<mark>Sakhour</mark>" in text
    assert "decides the colour" in text
    assert "On **2016-11-28**: **Government**" in text


def test_next_and_previous_change_buttons_move_the_date_and_the_link(app):
    at = app(date="2016-11-27")
    at.button(key="next_change").click().run()
    after = at.slider(key="day").value
    assert after > dt.date(2016, 11, 27)
    assert at.query_params["date"] in (after.isoformat(), [after.isoformat()])
    at.button(key="prev_change").click().run()
    assert at.slider(key="day").value < after


def test_clear_selection_removes_the_quarter_from_the_link(app):
    at = app(date="2016-11-28", quarter="sakhour")
    at.button(key="clear_sel").click().run()
    assert "quarter" not in at.query_params
    assert any("Click a quarter on the map" in i.value for i in at.info)


def _submit_article(at: AppTest, text: str, *, date: str = "", url: str = "") -> AppTest:
    at.text_area(key="art_text").input(text)
    at.text_input(key="art_date").input(date)
    at.text_input(key="art_url").input(url)
    [b for b in at.button if b.label == "Read the claims"][0].click()
    return at.run()


def test_an_empty_article_gets_a_message_with_the_fix(app):
    at = _submit_article(app(), "   ")
    assert [e.value for e in at.error] == [
        "There is no article to read: paste its text in the box, or choose a .txt, .md or .html file."]


def test_an_article_without_a_date_asks_for_one(app):
    at = _submit_article(app(), "Les forces du régime ont pris le quartier de Sakhour.")
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and "no publication date" in errors[0] and "YYYY-MM-DD" in errors[0]
    assert not at.exception


def test_a_malformed_date_field_is_refused_with_the_fix(app):
    at = _submit_article(app(), "Les forces du régime ont pris le quartier de Sakhour.", date="28/11/2016")
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and "'28/11/2016' is not a date" in errors[0]


def test_a_url_that_is_not_http_is_refused(app):
    at = _submit_article(app(), "Les forces du régime ont pris le quartier de Sakhour.", date="2016-11-29",
                         url="javascript:alert(1)")
    assert [e.value for e in at.error] == [
        "The URL 'javascript:alert(1)' does not start with http:// or https://; paste the article's web address, or leave it empty."]


def test_an_article_is_previewed_before_saving(app):
    at = _submit_article(app(), "ALEP, 30 novembre 2016 - Les forces du régime ont pris le contrôle mercredi du "
                                "quartier de Sakhour, selon l'OSDH. Les combats continuent à Zorglubistan.",
                         date="2016-11-30")
    text = _texts(at)
    assert "claim(s) found" in text
    assert not at.error
    save = [b for b in at.button if b.label == "Save the article and the decisions"]
    assert save, "the preview offers a save button"


def test_reviewing_a_claim_keeps_every_decision_in_the_store(app, db):
    from geo.store import open_store

    at = app(date="2016-11-28")
    box = at.selectbox(key="r1_claim")
    with open_store(db) as store:
        sakhour = [c for c in store.effective_claims() if c.claim.place_id == "sakhour"]
    assert sakhour
    cid = sakhour[0].claim_id
    box.select(cid)
    at.radio(key="r1_action").set_value("edit")
    at.selectbox(key="r1_faction").select("rebels")
    at.text_input(key="r1_note").input("checked against a second source")
    [b for b in at.button if b.label == "Record the decision"][0].click()
    at.run()
    assert f"Claim #{cid}: edit recorded." in [s.value for s in at.success]
    at.selectbox(key="r1_claim").select(cid)
    at.radio(key="r1_action").set_value("reject")
    [b for b in at.button if b.label == "Record the decision"][0].click()
    at.run()
    with open_store(db) as store:
        hist = store.review_history(cid)
        assert [h["action"] for h in hist] == ["edit", "reject"]
        assert hist[0]["faction"] == "rebels" and hist[0]["note"] == "checked against a second source"
        assert all(c.claim_id != cid for c in store.effective_claims())


def test_an_edit_with_a_bad_date_is_refused_with_the_fix(app, db):
    at = app(date="2016-11-28")
    at.radio(key="r1_action").set_value("edit")
    at.text_input(key="r1_date").input("yesterday")
    [b for b in at.button if b.label == "Record the decision"][0].click()
    at.run()
    assert len(at.error) == 1 and "yesterday" in at.error[0].value


def test_the_legend_counts_every_quarter_once(app):
    import re

    from geo.gazetteer import load_gazetteer

    at = app(date="2016-11-28")
    legend = [m.value for m in at.markdown if "q-legend" in m.value][0]
    counts = [int(n) for n in re.findall(r"<b>(\d+)</b>", legend)]
    assert len(counts) == 6 and sum(counts) == len(load_gazetteer().quarters)
    assert "Government: <b>0</b>" not in legend


def test_tiles_stay_off_with_a_message_when_the_tile_server_cannot_be_reached(app, monkeypatch):
    import socket

    def unreachable(*a, **k):
        raise OSError("network is unreachable")

    monkeypatch.setattr(socket, "create_connection", unreachable)
    at = app()
    at.toggle(key="tiles_want").set_value(True).run()
    assert any("The tile server cannot be reached" in w.value for w in at.sidebar.warning)
    assert at.session_state["tiles_on"] is False


def test_an_unknown_place_is_listed_and_can_be_added_with_coordinates(app, db):
    from geo.store import open_store

    at = _submit_article(app(), "ALEP, 30 novembre 2016 - Les forces du régime ont pris le contrôle mercredi du "
                                "quartier de Bab Zorglub, selon l'OSDH.", date="2016-11-30")
    assert "not in the gazetteer:** `Bab Zorglub`" in _texts(at)
    at.selectbox(key="place_name").select("Bab Zorglub")
    at.text_input(key="place_lat").input("36.2101")
    at.text_input(key="place_lon").input("37.1702")
    [b for b in at.button if b.label == "Add the place"][0].click()
    at.run()
    assert "Added Bab Zorglub (bab_zorglub) at 36.21010, 37.17020." in _texts(at)
    assert not at.error  # the map draws the new place (a small dashed circle)
    with open_store(db) as store:
        assert [p.id for p in store.user_places()] == ["bab_zorglub"]


def test_coordinates_outside_aleppo_are_refused_with_the_fix(app):
    at = _submit_article(app(), "ALEP, 30 novembre 2016 - Les rebelles ont pris le contrôle mercredi du "
                                "quartier de Bab Quux, selon l'OSDH.", date="2016-11-30")
    at.selectbox(key="place_name").select("Bab Quux")
    at.text_input(key="place_lat").input("37.17")
    at.text_input(key="place_lon").input("36.21")
    [b for b in at.button if b.label == "Add the place"][0].click()
    at.run()
    assert [e.value for e in at.error] == [
        "(37.17, 36.21) is not in or near Aleppo (about 36.2 N, 37.15 E); check whether latitude and longitude are swapped."]


def test_a_damaged_store_gets_a_message_not_a_traceback(tmp_path, monkeypatch):
    bad = tmp_path / "damaged.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    monkeypatch.setenv("QUARTERS_DB", str(bad))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and str(bad) in errors[0]
    assert "Traceback" not in errors[0]
