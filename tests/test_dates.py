"""Relative and absolute dates against the publication date, as newsrooms write them."""
from __future__ import annotations

import datetime as dt

import pytest

from geo.dates import find_dates, weekday_on_or_before

MONDAY = dt.date(2016, 11, 28)


def _one(text: str, published: dt.date | None = MONDAY) -> tuple[str, str]:
    found = find_dates(text, published)
    assert len(found) == 1, (text, found)
    d = found[0]
    assert text[d.start:d.end].strip()
    return d.value, d.precision


@pytest.mark.parametrize(("text", "value", "precision"), [
    ("Les combats ont repris lundi.", "2016-11-28", "day"),  # the day of a Monday dispatch
    ("The district fell on Monday.", "2016-11-28", "day"),
    ("Le quartier est tombé samedi.", "2016-11-26", "day"),
    ("It fell on Sunday night.", "2016-11-27", "day"),
    ("Il est tombé hier.", "2016-11-27", "day"),
    ("It fell yesterday.", "2016-11-27", "day"),
    ("Il était tombé la veille.", "2016-11-27", "day"),
    ("Les rebelles se sont retirés la nuit dernière.", "2016-11-27", "day"),
    ("Rebels pulled out last night.", "2016-11-27", "day"),
    ("Il est tombé avant-hier.", "2016-11-26", "day"),
    ("Le quartier est tombé ce week-end.", "2016-11-26", "day"),
    ("It fell over the weekend.", "2016-11-26", "day"),
    ("Il est tombé le 26 novembre.", "2016-11-26", "day"),
    ("It fell on November 26.", "2016-11-26", "day"),
    ("It fell on Nov. 26.", "2016-11-26", "day"),
    ("Il est tombé le 1er décembre 2015.", "2015-12-01", "day"),
    ("Il est tombé le 3 décembre.", "2015-12-03", "day"),  # no year, after publication: the year before
    ("Les rebelles l'ont pris en 2012.", "2012", "year"),
    ("Rebels took it in 2012.", "2012", "year"),
    ("Il est tombé en novembre.", "2016-11", "month"),
    ("It fell in July 2016.", "2016-07", "month"),
    ("Ils l'ont repris le mois dernier.", "2016-10", "month"),
    ("They retook it last month.", "2016-10", "month"),
    ("El ejército lo tomó ayer.", "2016-11-27", "day"),
    ("Ils l'ont repris la semaine dernière.", "2016-11", "month"),  # a week, not a day: month only
    ("They retook it last week.", "2016-11", "month"),
    ("Il quartiere è caduto sabato.", "2016-11-26", "day"),
    ("O bairro caiu neste sábado.", "2016-11-26", "day"),
    ("سيطر الجيش أمس على الحي", "2016-11-27", "day"),
])
def test_expressions_resolve_against_publication(text, value, precision):
    assert _one(text) == (value, precision)


def test_last_weekday_named_on_that_weekday_is_a_week_before():
    assert _one("It fell last Monday.") == ("2016-11-21", "day")


def test_cette_annee_la_takes_the_year_named_before():
    found = find_dates("La ville a été divisée en 2012. Les rebelles ont pris le quartier cette année-là.", MONDAY)
    assert [(d.value, d.precision) for d in found] == [("2012", "year"), ("2012", "year")]


def test_that_year_without_an_earlier_year_is_not_a_date():
    assert find_dates("They took it that year.", MONDAY) == []


@pytest.mark.parametrize("text", ["They may go back.", "Il reviendra lundi prochain.", "They will return next Monday.",
                                  "Nothing here.", ""])
def test_non_dates_and_future_days_are_ignored(text):
    assert find_dates(text, MONDAY) == []


def test_without_publication_only_absolute_dates_resolve():
    found = find_dates("Samedi, le quartier tombé en 2012 a changé de mains.", None)
    assert [(d.value, d.precision) for d in found] == [("2012", "year")]


@pytest.mark.parametrize(("weekday", "expected"), [(0, "2016-11-28"), (5, "2016-11-26"), (6, "2016-11-27"), (1, "2016-11-22")])
def test_weekday_on_or_before(weekday, expected):
    assert weekday_on_or_before(MONDAY, weekday).isoformat() == expected


def test_long_text_is_scanned_in_linear_time():
    text = "Les combats ont repris lundi dans le quartier. " * 50_000
    found = find_dates(text, MONDAY)
    assert len(found) == 50_000
