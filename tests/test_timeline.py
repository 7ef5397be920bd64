"""Control on a day: held, contested, unknown; region versus quarter; reviews; approximate dates."""
from __future__ import annotations

import datetime as dt

import pytest

from geo.models import Claim, EvidenceClaim, Place
from geo.timeline import Timeline, change_dates, claim_start, control_on, quarter_history

D = dt.date


def _place(pid: str, kind: str = "quarter", members: tuple[str, ...] = ()) -> Place:
    return Place(id=pid, kind=kind, name_en=pid.title(), name_fr=pid, name_ar="", members=members)


GAZ = {p.id: p for p in (
    _place("alpha"), _place("beta"), _place("gamma"), _place("delta"), _place("epsilon"),
    _place("north", "region", ("alpha", "beta")),
    _place("city", "region", ("north", "gamma", "delta")),  # a region inside a region
)}

_ids = iter(range(1, 10**9))


def ec(place: str, faction: str, date: str, *, kind: str = "capture", review: str = "auto",
       source: str = "Wire") -> EvidenceClaim:
    precision = {10: "day", 7: "month", 4: "year"}[len(date)]
    c = Claim(place_id=place, place=place, place_kind=GAZ[place].kind, mention=place, start=0, end=len(place),
              faction=faction, kind=kind, date=date, date_precision=precision,
              quote=f"{faction} {kind} {place} {date}")
    return EvidenceClaim(claim_id=next(_ids), claim=c, document_id=1, source=source, url="", published=date,
                         review=review)


def state(claims, place, day, **kw):
    return control_on(claims, D.fromisoformat(day), GAZ, **kw)[place]


def test_every_quarter_gets_a_state_and_regions_get_none():
    states = control_on([ec("alpha", "rebels", "2016-01-01")], D(2016, 2, 1), GAZ)
    assert sorted(states) == ["alpha", "beta", "delta", "epsilon", "gamma"]


def test_no_claim_means_unknown_never_guessed():
    claims = [ec("alpha", "government", "2016-11-20")]
    s = state(claims, "beta", "2016-11-30")
    assert (s.status, s.faction, s.since, s.claims) == ("unknown", None, None, ())
    before = state(claims, "alpha", "2016-11-19")
    assert before.status == "unknown"


def test_a_capture_holds_from_its_day_on():
    claims = [ec("alpha", "government", "2016-11-26")]
    s = state(claims, "alpha", "2016-12-15")
    assert (s.status, s.faction, s.since, s.approximate) == ("held", "government", "2016-11-26", False)
    assert [c.claim.quote for c in s.claims] == ["government capture alpha 2016-11-26"]


def test_since_is_the_start_of_the_run_not_the_latest_repeat():
    claims = [ec("alpha", "rebels", "2016-01-10"), ec("alpha", "rebels", "2016-03-01", kind="control"),
              ec("alpha", "rebels", "2016-06-01", kind="control")]
    s = state(claims, "alpha", "2016-07-01")
    assert (s.faction, s.since) == ("rebels", "2016-01-10")
    assert [c.claim.date for c in s.claims] == ["2016-06-01"]  # the latest evidence is shown


def test_different_factions_within_the_window_are_contested_with_both_sides():
    claims = [ec("alpha", "government", "2016-11-26"), ec("alpha", "rebels", "2016-11-27", source="Other")]
    s = state(claims, "alpha", "2016-11-27", window_days=2)
    assert (s.status, s.faction, s.since) == ("contested", None, "2016-11-27")
    assert {c.claim.faction for c in s.claims} == {"government", "rebels"}


def test_contested_lasts_until_a_later_claim_settles_it():
    claims = [ec("alpha", "government", "2016-11-26"), ec("alpha", "rebels", "2016-11-27"),
              ec("alpha", "government", "2016-11-30")]
    assert state(claims, "alpha", "2016-11-29", window_days=2).status == "contested"
    settled = state(claims, "alpha", "2016-11-30", window_days=2)
    assert (settled.status, settled.faction, settled.since) == ("held", "government", "2016-11-30")


def test_claims_further_apart_than_the_window_are_a_change_of_hands():
    claims = [ec("alpha", "government", "2016-11-20"), ec("alpha", "rebels", "2016-11-25")]
    s = state(claims, "alpha", "2016-11-25", window_days=2)
    assert (s.status, s.faction, s.since) == ("held", "rebels", "2016-11-25")


def test_window_comes_from_settings_when_not_given(monkeypatch):
    from geo import settings

    claims = [ec("alpha", "government", "2016-11-20"), ec("alpha", "rebels", "2016-11-25")]
    monkeypatch.setattr(settings, "CONTESTED_WINDOW_DAYS", 10)
    assert state(claims, "alpha", "2016-11-25").status == "contested"
    monkeypatch.setattr(settings, "CONTESTED_WINDOW_DAYS", 1)
    assert state(claims, "alpha", "2016-11-25").status == "held"


def test_region_claim_colours_its_member_quarters_including_nested_regions():
    claims = [ec("city", "rebels", "2012-07-20", kind="control")]
    states = control_on(claims, D(2013, 1, 1), GAZ)
    assert {q: s.faction for q, s in states.items()} == {
        "alpha": "rebels", "beta": "rebels", "gamma": "rebels", "delta": "rebels", "epsilon": None}


def test_quarter_claim_on_the_same_day_beats_the_region_claim():
    claims = [ec("north", "government", "2016-11-28"), ec("beta", "kurds", "2016-11-28", kind="control")]
    states = control_on(claims, D(2016, 11, 28), GAZ)
    assert (states["alpha"].faction, states["beta"].faction, states["beta"].status) == ("government", "kurds", "held")


def test_more_recent_quarter_claim_beats_an_older_region_claim():
    claims = [ec("north", "government", "2016-11-27"), ec("beta", "kurds", "2016-11-28")]
    assert state(claims, "beta", "2016-11-28", window_days=2).faction == "kurds"


def test_more_recent_region_claim_beats_an_older_quarter_claim():
    claims = [ec("beta", "kurds", "2016-11-27"), ec("north", "government", "2016-11-28")]
    s = state(claims, "beta", "2016-11-28", window_days=2)
    assert (s.status, s.faction) == ("held", "government")


@pytest.mark.parametrize("review", ["accepted", "edited"])
def test_reviewed_claim_outranks_automatic_ones(review):
    claims = [ec("alpha", "government", "2016-11-26", review=review), ec("alpha", "rebels", "2016-11-27")]
    s = state(claims, "alpha", "2016-11-27", window_days=2)
    assert (s.status, s.faction) == ("held", "government")
    assert [c.review for c in s.claims] == [review]


def test_reviewed_region_claim_outranks_an_automatic_quarter_claim_of_the_same_day():
    claims = [ec("north", "government", "2016-11-28", review="accepted"), ec("beta", "kurds", "2016-11-28")]
    assert state(claims, "beta", "2016-11-28").faction == "government"


def test_automatic_claim_after_the_window_still_moves_the_map():
    claims = [ec("alpha", "government", "2016-11-01", review="accepted"), ec("alpha", "rebels", "2016-11-20")]
    assert state(claims, "alpha", "2016-11-20", window_days=2).faction == "rebels"


def test_rejected_claims_count_for_nothing():
    claims = [ec("alpha", "government", "2016-11-26"), ec("alpha", "rebels", "2016-11-27", review="rejected")]
    s = state(claims, "alpha", "2016-11-27", window_days=2)
    assert (s.status, s.faction) == ("held", "government")
    assert state([ec("alpha", "rebels", "2016-11-27", review="rejected")], "alpha", "2016-12-01").status == "unknown"


@pytest.mark.parametrize("kind", ["attack", "siege", "contested"])
def test_only_capture_and_control_colour_the_map(kind):
    assert state([ec("alpha", "government", "2016-11-26", kind=kind)], "alpha", "2016-12-01").status == "unknown"


def test_unknown_faction_or_place_or_bad_date_is_ignored_not_fatal():
    good = ec("alpha", "government", "2016-11-26")
    bad_faction = EvidenceClaim(claim_id=900, claim=Claim("alpha", "alpha", "quarter", "alpha", 0, 1, "martians",
                                "capture", "2016-11-27", "day", "q"), document_id=1, source="", url="", published="")
    bad_date = EvidenceClaim(claim_id=901, claim=Claim("alpha", "alpha", "quarter", "alpha", 0, 1, "rebels",
                             "capture", "2016-13-45", "day", "q"), document_id=1, source="", url="", published="")
    no_place = EvidenceClaim(claim_id=902, claim=Claim(None, "Nowhere", "quarter", "Nowhere", 0, 1, "rebels",
                             "capture", "2016-11-27", "day", "q"), document_id=1, source="", url="", published="")
    s = state([good, bad_faction, bad_date, no_place], "alpha", "2016-12-01")
    assert (s.status, s.faction) == ("held", "government")


@pytest.mark.parametrize(("date", "since_day", "first"), [("2016-11", "2016-11-15", "2016-11-01"),
                                                          ("2016", "2016-03-01", "2016-01-01")])
def test_month_and_year_claims_count_from_the_start_and_are_approximate(date, since_day, first):
    s = state([ec("alpha", "rebels", date)], "alpha", since_day)
    assert (s.status, s.since, s.approximate) == ("held", first, True)
    assert state([ec("alpha", "rebels", date)], "alpha", (D.fromisoformat(first) - dt.timedelta(days=1)).isoformat()).status == "unknown"


def test_day_claim_on_the_same_start_makes_the_date_exact():
    s = state([ec("alpha", "rebels", "2016-11"), ec("alpha", "rebels", "2016-11-01")], "alpha", "2016-11-05")
    assert (s.since, s.approximate) == ("2016-11-01", False)


def test_claim_start_parses_the_three_precisions():
    assert claim_start("2016-11-28") == (D(2016, 11, 28), False)
    assert claim_start("2016-02") == (D(2016, 2, 1), True)
    assert claim_start("2012") == (D(2012, 1, 1), True)
    assert claim_start("28/11/2016") is None


def test_change_dates_are_the_days_the_map_changes():
    claims = [ec("city", "rebels", "2012-07", kind="control"), ec("alpha", "rebels", "2014-01-01", kind="control"),
              ec("alpha", "government", "2016-11-26"), ec("beta", "government", "2016-11-28")]
    assert change_dates(claims, GAZ) == [D(2012, 7, 1), D(2016, 11, 26), D(2016, 11, 28)]


def test_quarter_history_says_who_held_it_when():
    claims = [ec("north", "rebels", "2012-07", kind="control"), ec("alpha", "government", "2016-11-26"),
              ec("alpha", "rebels", "2016-11-27")]
    hist = quarter_history(claims, "alpha", GAZ, window_days=2)
    assert [(d.isoformat(), s.status, s.faction) for d, s in hist] == [
        ("2012-07-01", "held", "rebels"), ("2016-11-26", "held", "government"), ("2016-11-27", "contested", None)]
    assert quarter_history(claims, "north", GAZ) == []
    assert quarter_history(claims, "no_such_place", GAZ) == []


def test_timeline_index_agrees_with_control_on_every_day():
    claims = [ec("city", "rebels", "2012-07", kind="control"), ec("alpha", "government", "2016-11-26"),
              ec("beta", "rebels", "2016-11-27"), ec("north", "government", "2016-11-28"),
              ec("gamma", "kurds", "2016-11-28", review="accepted"), ec("gamma", "isis", "2016-11-29")]
    tl = Timeline(claims, GAZ, window_days=2)
    day = D(2016, 11, 20)
    while day < D(2016, 12, 5):
        assert tl.control_on(day) == control_on(claims, day, GAZ, window_days=2)
        day += dt.timedelta(days=1)


def test_negative_window_is_refused_with_the_fix():
    with pytest.raises(ValueError, match="is negative; use 0 or more days"):
        Timeline([], GAZ, window_days=-1)
