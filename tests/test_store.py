"""The evidence store: idempotence, reviews as new rows, re-extraction keeping reviews, migrations, bad input."""
from __future__ import annotations

import sqlite3

import pytest

from geo.documents import document_from_text
from geo.errors import GeoError, StoreError
from geo.models import Claim, Place
from geo.store import claim_key, open_store

ARTICLE = "---\ndate: 2016-11-28\nsource: Test wire\nurl: https://example.org/a\ntitle: Test\n---\n{body}\n"


def doc(body: str = "Government troops took the Alpha quarter on Monday.", name: str = "a.md"):
    return document_from_text(ARTICLE.format(body=body), name=name)


def claim(place_id: str | None = "sakhour", faction: str = "government", date: str = "2016-11-28", *,
          kind: str = "capture", quote: str = "Government troops took Sakhour.", start: int = 0,
          confidence: float = 0.8) -> Claim:
    precision = {10: "day", 7: "month", 4: "year"}[len(date)]
    return Claim(place_id=place_id, place=place_id or "Nowhere", place_kind="quarter", mention=place_id or "Nowhere",
                 start=start, end=start + 5, faction=faction, kind=kind, date=date, date_precision=precision,
                 quote=quote, confidence=confidence)


@pytest.fixture
def store():
    with open_store(":memory:") as s:
        yield s


def test_adding_the_same_document_twice_adds_nothing(store):
    first = store.add_document(doc(), [claim()], extractor_version="v1")
    again = store.add_document(doc(), [claim(), claim("hellok")], extractor_version="v1")
    assert (first.status, first.claims_added) == ("new", 1)
    assert (again.status, again.claims_added, again.document_id) == ("unchanged", 0, first.document_id)
    assert len(store.documents()) == 1 and len(store.effective_claims()) == 1


def test_documents_list_titles_sources_dates_and_claim_counts(store):
    store.add_document(doc(), [claim(), claim("hellok")], extractor_version="v1")
    (d,) = store.documents()
    assert {k: d[k] for k in ("id", "title", "source", "date", "url", "claims")} == {
        "id": 1, "title": "Test", "source": "Test wire", "date": "2016-11-28", "url": "https://example.org/a", "claims": 2}
    assert "Alpha quarter" in store.document_text(1)


def test_effective_claims_carry_provenance_and_filter_by_place(store):
    store.add_document(doc(), [claim(), claim("hellok", "rebels")], extractor_version="v1")
    (c,) = store.effective_claims(place_id="hellok")
    assert (c.claim.faction, c.source, c.url, c.published, c.review) == ("rebels", "Test wire", "https://example.org/a", "2016-11-28", "auto")


def test_reject_hides_the_claim_but_keeps_it(store):
    store.add_document(doc(), [claim()], extractor_version="v1")
    cid = store.effective_claims()[0].claim_id
    store.review(cid, "reject", note="the article says the opposite")
    assert store.effective_claims() == []
    (c,) = store.effective_claims(include_rejected=True)
    assert (c.review, c.review_note) == ("rejected", "the article says the opposite")
    assert store.machine_claim(cid) == claim()


def test_edit_is_a_new_row_and_the_machine_claim_is_never_overwritten(store):
    store.add_document(doc(), [claim()], extractor_version="v1")
    cid = store.effective_claims()[0].claim_id
    store.review(cid, "edit", faction="rebels", note="misread")
    store.review(cid, "edit", date="2016-11")
    (c,) = store.effective_claims()
    assert (c.claim.faction, c.claim.date, c.claim.date_precision, c.review) == ("rebels", "2016-11", "month", "edited")
    assert store.machine_claim(cid).faction == "government"
    hist = store.review_history(cid)
    assert [(h["action"], h["faction"], h["date"], h["note"]) for h in hist] == [
        ("edit", "rebels", None, "misread"), ("edit", None, "2016-11", "")]
    store.review(cid, "edit", place_id="hellok")
    assert store.effective_claims(place_id="hellok")[0].claim.place_id == "hellok"


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"action": "edit", "faction": "martians"}, "faction 'martians' is unknown; use one of government, rebels, kurds, isis."),
    ({"action": "edit", "kind": "liberation"}, "kind 'liberation' is unknown; use one of capture, control, contested, attack, siege."),
    ({"action": "edit", "date": "28/11/2016"}, "date '28/11/2016' is not a valid date; write YYYY-MM-DD (or YYYY-MM, YYYY when only the month or year is known), e.g. 2016-11-28."),
    ({"action": "edit", "date": "2016-02-30"}, "date '2016-02-30' is not a valid date"),
    ({"action": "edit", "date": "0016"}, "date '0016' is not a valid date"),
    ({"action": "edit", "place_id": "Sakhour quarter"}, "place id 'Sakhour quarter' is not a place id; use a gazetteer id such as 'sakhour'"),
    ({"action": "edit"}, "an edit needs at least one of place_id, faction, date, kind; to confirm a claim as it is, use accept."),
    ({"action": "approve"}, "review action 'approve' is unknown; use accept, reject or edit."),
    ({"action": "accept", "faction": "rebels"}, "accept takes no place/faction/date/kind; use action 'edit' to change them."),
])
def test_bad_reviews_are_refused_with_the_fix_and_nothing_is_written(store, kwargs, message):
    store.add_document(doc(), [claim()], extractor_version="v1")
    cid = store.effective_claims()[0].claim_id
    action = kwargs.pop("action")
    with pytest.raises(StoreError) as e:
        store.review(cid, action, **kwargs)
    assert str(e.value).startswith(message)
    assert isinstance(e.value, GeoError)
    assert store.review_history(cid) == []


def test_review_of_a_missing_claim_says_how_to_find_one(store):
    with pytest.raises(StoreError, match=r"claim 99 is not in the store; list claims with Store.effective_claims\(\)"):
        store.review(99, "accept")


def test_reviews_survive_re_extraction_by_a_new_extractor_version(store):
    accepted, rejected, edited, plain = (
        claim("sakhour", quote="Troops took Sakhour."), claim("hellok", quote="Troops took Hellok."),
        claim("haydariya", quote="Troops took Haydariya."), claim("sheikh_khodr", quote="Troops took Sheikh Khodr."))
    store.add_document(doc(), [accepted, rejected, edited, plain], extractor_version="v1")
    ids = {c.claim.place_id: c.claim_id for c in store.effective_claims()}
    store.review(ids["sakhour"], "accept", note="checked")
    store.review(ids["hellok"], "reject")
    store.review(ids["haydariya"], "edit", faction="rebels")

    # v2 finds the same claims (other offsets and confidence), loses 'plain', adds a new one
    new_claims = [claim("sakhour", quote="Troops  took Sakhour.", start=40, confidence=0.9),
                  claim("hellok", quote="Troops took Hellok.", start=80),
                  claim("haydariya", quote="Troops took Haydariya.", start=120),
                  claim("masaken_hanano", "government", "2016-11-26", quote="Troops took Masaken Hanano.")]
    r = store.add_document(doc(), new_claims, extractor_version="v2")
    assert (r.status, r.claims_added, r.reviews_carried) == ("re-extracted", 1, 3)

    eff = {c.claim.place_id: c for c in store.effective_claims(include_rejected=True)}
    assert sorted(eff) == ["haydariya", "hellok", "masaken_hanano", "sakhour"]
    assert (eff["sakhour"].review, eff["sakhour"].review_note, eff["sakhour"].claim.start) == ("accepted", "checked", 40)
    assert eff["hellok"].review == "rejected"
    assert (eff["haydariya"].review, eff["haydariya"].claim.faction) == ("edited", "rebels")
    assert eff["masaken_hanano"].review == "auto"
    assert [h["carried_from"] is not None for h in store.review_history(eff["sakhour"].claim_id)] == [True]
    # the old rows are still there, retired, with their reviews
    assert store.review_history(ids["sakhour"])[0]["note"] == "checked"
    assert store.machine_claim(ids["sheikh_khodr"]).place_id == "sheikh_khodr"


def test_accepted_claim_the_new_extractor_misses_stays(store):
    store.add_document(doc(), [claim("sakhour"), claim("hellok", quote="other")], extractor_version="v1")
    ids = {c.claim.place_id: c.claim_id for c in store.effective_claims()}
    store.review(ids["sakhour"], "accept")
    store.add_document(doc(), [], extractor_version="v2")
    (c,) = store.effective_claims()
    assert (c.claim_id, c.review) == (ids["sakhour"], "accepted")


def test_re_extraction_keeps_hand_added_claims(store):
    r = store.add_document(doc(), [claim()], extractor_version="v1")
    uid = store.add_user_claim(r.document_id, claim("hellok", "kurds", "2016-11", quote="my reading"))
    store.add_document(doc(), [claim()], extractor_version="v2")
    user = [c for c in store.effective_claims() if c.claim_id == uid]
    assert [(c.claim.faction, c.claim.date_precision, c.review) for c in user] == [("kurds", "month", "accepted")]
    assert store.review_history(uid)[0]["note"] == "added by hand"


def test_user_claim_on_a_missing_document_is_refused(store):
    with pytest.raises(StoreError, match="document 7 is not in the store; pick one from Store.documents"):
        store.add_user_claim(7, claim())
    with pytest.raises(StoreError, match="faction 'nobody' is unknown"):
        store.add_user_claim(1, claim(faction="nobody"))


def test_claim_key_ignores_offsets_case_and_spacing():
    assert claim_key("sakhour", "Sakhour", "government", "capture", "2016-11-28", "Troops  took\nSakhour.") == \
        claim_key("sakhour", "SAKHOUR", "Government", "capture", "2016-11-28", "troops took Sakhour.")
    assert claim_key(None, "Tal Hajar", "rebels", "capture", "2016", "q") != claim_key(None, "Tal Hajjar", "rebels", "capture", "2016", "q")


def test_user_places_are_kept_across_runs(tmp_path):
    db = tmp_path / "q.sqlite"
    place = Place(id="tal_hajar", kind="quarter", name_en="Tal Hajar", name_fr="Tell Hajar", name_ar="", lat=36.21, lon=37.17)
    with open_store(db) as s:
        s.add_place(place)
    with open_store(db) as s:
        assert s.user_places() == [Place(**{**{f: getattr(place, f) for f in place.__dataclass_fields__},
                                            "source": "added by an analyst"})]


@pytest.mark.parametrize(("place", "message"), [
    (Place(id="Tal Hajar", kind="quarter", name_en="Tal Hajar", name_fr="", name_ar=""), "place id 'Tal Hajar' is not a place id"),
    (Place(id="tal_hajar", kind="village", name_en="Tal Hajar", name_fr="", name_ar=""), "place 'tal_hajar': kind 'village' is unknown; use 'quarter' or 'region'."),
    (Place(id="tal_hajar", kind="quarter", name_en="", name_fr="", name_ar=""), "place 'tal_hajar' has no name; give at least name_en."),
    (Place(id="tal_hajar", kind="quarter", name_en="T", name_fr="", name_ar="", lat=137.1, lon=36.2), "place 'tal_hajar': lat 137.1 is outside -90..90; check whether lat and lon are swapped."),
])
def test_bad_places_are_refused(store, place, message):
    with pytest.raises(StoreError) as e:
        store.add_place(place)
    assert str(e.value) == message if message.endswith(".") else str(e.value).startswith(message)
    assert store.user_places() == []


def test_file_store_uses_wal_and_records_migrations(tmp_path):
    db = tmp_path / "sub" / "folder" / "q.sqlite"
    with open_store(db) as s:
        s.add_document(doc(), [claim()], extractor_version="v1")
        assert s.schema_version == 2
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT version, name FROM schema_migrations").fetchall() == [
        (1, "documents, claims, reviews, places"), (2, "documents: source file and revisions")]
    conn.close()
    with open_store(db) as s:  # reopening applies nothing twice and keeps the data
        assert len(s.effective_claims()) == 1


def test_default_path_is_read_from_settings_at_call_time(tmp_path, monkeypatch):
    from geo import settings

    monkeypatch.setattr(settings, "DB_PATH", tmp_path / "default.sqlite")
    with open_store() as s:
        assert s.path == str(tmp_path / "default.sqlite")
    assert (tmp_path / "default.sqlite").exists()


def test_a_file_that_is_not_a_store_is_refused_and_left_alone(tmp_path):
    bogus = tmp_path / "notes.sqlite"
    bogus.write_bytes(b"These are my notes, not a database." * 100)
    with pytest.raises(StoreError) as e:
        open_store(bogus)
    assert str(e.value).startswith(f"{bogus}: is not a Quarters store or is damaged")
    assert "pass --db with another file" in str(e.value)
    assert bogus.read_bytes() == b"These are my notes, not a database." * 100


def test_a_store_from_a_newer_version_is_refused(tmp_path):
    db = tmp_path / "q.sqlite"
    open_store(db).close()
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO schema_migrations VALUES (99, 'future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match=r"was written by a newer Quarters \(schema 99, this one knows 2\); update Quarters"):
        open_store(db)


def test_a_folder_as_store_path_says_to_name_a_file(tmp_path):
    with pytest.raises(StoreError, match="is a folder; pass --db with a file name"):
        open_store(tmp_path)


def test_failed_write_rolls_back_the_whole_document(store):
    bad = claim()
    object.__setattr__(bad, "start", "not a number")  # the insert fails half way through the claims
    with pytest.raises(ValueError):
        store.add_document(doc(), [claim("hellok"), bad], extractor_version="v1")
    assert store.documents() == [] and store.effective_claims() == []
    assert store.add_document(doc(), [claim()], extractor_version="v1").status == "new"


def test_document_without_hash_is_refused(store):
    from geo.models import Document

    with pytest.raises(StoreError, match="has no sha256; build it with geo.documents.load_document"):
        store.add_document(Document(text="x", date=None, path="x.md"), [], extractor_version="v1")


def test_closed_store_says_to_reopen():
    s = open_store(":memory:")
    s.close()
    with pytest.raises(StoreError, match="is closed; open it again with open_store"):
        s.documents()


def test_failed_re_extraction_keeps_the_claims_and_is_retried(store):
    store.add_document(doc(), [claim()], extractor_version="v1")
    r = store.add_document(doc(), [], extractor_version="v2", extraction_error="RuntimeError: boom")
    assert r.status == "unchanged"
    assert [c.claim.place_id for c in store.effective_claims()] == ["sakhour"]
    assert store.needs_extraction(doc().sha256, "v1")  # the failure is remembered, so the next ingest retries
    assert store.add_document(doc(), [claim(), claim("hellok")], extractor_version="v2").status == "re-extracted"
    assert store.documents()[0]["extraction_error"] is None


def test_a_replaced_claim_cannot_be_reviewed(store):
    store.add_document(doc(), [claim()], extractor_version="v1")
    old = store.effective_claims()[0].claim_id
    store.add_document(doc(), [claim()], extractor_version="v2")
    with pytest.raises(StoreError, match=f"claim {old} was replaced when its article was re-extracted; review the current claim"):
        store.review(old, "accept")


def test_a_store_of_schema_1_is_upgraded_and_keeps_its_data(tmp_path, monkeypatch):
    import geo.store

    db = tmp_path / "old.sqlite"
    monkeypatch.setattr(geo.store, "_MIGRATIONS", geo.store._MIGRATIONS[:1])
    with sqlite3.connect(db) as conn:  # what Quarters with schema 1 wrote
        conn.isolation_level = None
        geo.store._migrate(conn, str(db))
        conn.execute("INSERT INTO documents (sha256, text, added_at, extracted_at) VALUES ('abc', 'text', 'now', 'now')")
    conn.close()
    monkeypatch.undo()
    with open_store(db) as s:
        assert s.schema_version == 2
        (d,) = s.documents()
        assert (d["id"], d["source_file"], d["superseded_by"]) == (1, None, None)


def test_a_revised_file_supersedes_its_earlier_text_and_keeps_the_reviews(store):
    first = store.add_document(doc(), [claim("sakhour"), claim("hellok", quote="Rebels took Hellok."),
                                       claim("haydariya", quote="Troops took Haydariya.")],
                               extractor_version="v1", source_file="/articles/a.md")
    ids = {c.claim.place_id: c.claim_id for c in store.effective_claims()}
    store.review(ids["hellok"], "reject")
    store.review(ids["haydariya"], "accept", note="checked")
    revised = doc("Government troops took the Alpha quarter on Monday, the army said.")
    r = store.add_document(revised, [claim("sakhour"), claim("hellok", quote="Rebels took Hellok.")],
                           extractor_version="v1", source_file="/articles/a.md")
    assert (r.status, r.replaced_document_id, r.claims_added, r.reviews_carried) == ("new", first.document_id, 0, 1)
    eff = {c.claim.place_id: c for c in store.effective_claims(include_rejected=True)}
    assert (eff["sakhour"].document_id, eff["hellok"].document_id, eff["hellok"].review) == (r.document_id, r.document_id, "rejected")
    # the accepted claim the revised text no longer has stays, with its earlier article
    assert (eff["haydariya"].document_id, eff["haydariya"].review) == (first.document_id, "accepted")
    assert [d["superseded_by"] for d in store.documents()] == [r.document_id, None]
    # another file with the same claims is a separate article
    other = store.add_document(doc("Another article."), [claim("sakhour")], extractor_version="v1", source_file="/articles/b.md")
    assert other.replaced_document_id is None
    assert len([c for c in store.effective_claims() if c.claim.place_id == "sakhour"]) == 2


def test_the_app_can_read_while_another_process_writes(tmp_path):
    import threading

    db = tmp_path / "q.sqlite"
    errors: list[BaseException] = []

    def writer():
        try:
            with open_store(db) as w:
                for i in range(150):
                    w.add_document(doc(f"Article {i}."), [claim(quote=f"q{i}")], extractor_version="v1")
        except BaseException as err:  # noqa: BLE001 - reported by the assertion below
            errors.append(err)

    open_store(db).close()
    t = threading.Thread(target=writer)
    t.start()
    seen = []
    with open_store(db) as reader:
        while t.is_alive():
            seen.append(len(reader.effective_claims()))
    t.join()
    assert errors == []
    assert seen == sorted(seen)  # every read is a consistent snapshot, never going back
    with open_store(db) as reader:
        assert len(reader.documents()) == 150


def test_one_store_shared_by_threads_keeps_every_review(store):
    import threading

    store.add_document(doc(), [claim()], extractor_version="v1")
    cid = store.effective_claims()[0].claim_id

    def reviewer(k):
        for i in range(50):
            store.review(cid, "accept", note=f"{k}-{i}")
            store.effective_claims()

    threads = [threading.Thread(target=reviewer, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(store.review_history(cid)) == 200
