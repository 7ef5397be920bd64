"""Extractor behaviour, one test per hard case, run for French and English (sentences written for the tests)."""
from __future__ import annotations

import datetime as dt

import pytest

from geo.documents import load_document
from geo.extract import EXTRACTOR_VERSION, extract_claims, extract_from_text
from geo.models import Claim, Document

MONDAY = dt.date(2016, 11, 28)  # a Monday


def _claims(text: str, lang: str, published: dt.date | None = MONDAY, gazetteer=None) -> list[Claim]:
    return extract_from_text(text, published=published, lang=lang, gazetteer=gazetteer)


def _triples(claims: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.place_id or c.place, c.faction, c.date) for c in claims if c.kind in ("capture", "control")}


class BaseExtractorContract:
    """The same behaviour checks for every language; subclasses give the sentences."""

    lang = ""
    S: dict[str, str] = {}

    def claims(self, key: str, published: dt.date | None = MONDAY) -> list[Claim]:
        return _claims(self.S[key], self.lang, published)

    def test_a_list_gives_one_claim_per_quarter(self):
        got = _triples(self.claims("list"))
        assert got == {("sakhour", "government", "2016-11-28"), ("haydariya", "government", "2016-11-28"),
                       ("sheikh_khodr", "government", "2016-11-28")}

    def test_the_faction_that_acts_wins_over_the_nearest_faction_word(self):
        got = _triples(self.claims("who_acted"))
        assert got == {("sheikh_fares", "kurds", "2016-11-28")}

    def test_passive_control_names_the_agent_after_the_verb(self):
        got = self.claims("passive_control")
        assert [(c.place_id, c.faction, c.kind) for c in got] == [("sheikh_maqsoud", "kurds", "control")]

    def test_nominal_capture_takes_its_day_and_the_main_clause_agent(self):
        got = _triples(self.claims("nominal"))
        assert ("masaken_hanano", "government", "2016-11-26") in got

    def test_fell_to_is_a_capture_by_the_faction_after_it(self):
        got = self.claims("fell_to")
        assert [(c.place_id, c.faction, c.kind, c.date) for c in got] == [("sheikh_saeed", "government", "capture", "2016-11-27")]

    def test_weekday_of_publication_is_that_day(self):
        assert _triples(self.claims("weekday_same")) == {("sakhour", "rebels", "2016-11-28")}

    def test_weekday_before_publication_is_the_last_such_day(self):
        assert _triples(self.claims("weekday_before")) == {("sakhour", "rebels", "2016-11-26")}

    def test_yesterday_is_the_day_before_publication(self):
        assert _triples(self.claims("yesterday")) == {("jdeideh", "government", "2016-11-27")}

    def test_night_of_a_weekday(self):
        assert _triples(self.claims("sunday_night")) == {("jdeideh", "government", "2016-11-27")}

    def test_weekend_is_its_saturday(self):
        assert _triples(self.claims("weekend")) == {("jdeideh", "government", "2016-11-26")}

    def test_day_and_month_without_year(self):
        assert _triples(self.claims("day_month")) == {("jdeideh", "government", "2016-11-26")}

    def test_a_year_keeps_year_precision(self):
        got = self.claims("year")
        assert [(c.place_id, c.faction, c.date, c.date_precision) for c in got] == [("masaken_hanano", "rebels", "2012", "year")]

    def test_that_year_refers_to_the_year_named_before(self):
        got = _triples(self.claims("that_year"))
        assert ("salaheddine", "rebels", "2012") in got

    def test_attributive_status_is_control_as_of_publication(self):
        got = self.claims("attributive")
        assert {(c.place_id, c.faction, c.kind, c.date) for c in got} == {("sheikh_maqsoud", "kurds", "control", "2016-11-28")}

    def test_government_zones_of_a_region_are_control(self):
        got = self.claims("zones")
        assert {(c.place_id, c.faction, c.kind) for c in got} == {("west_aleppo", "government", "control")}

    def test_seize_and_recapture_are_captures(self):
        got = self.claims("seize")
        assert {(c.place_id, c.faction, c.kind) for c in got} == {("bab_al_nasr", "rebels", "capture"), ("kalasa", "government", "capture")}

    def test_a_capture_with_no_day_takes_the_publication_date(self):
        assert _triples(self.claims("no_day")) == {("ashrafiyeh", "kurds", "2016-11-28")}

    @pytest.mark.parametrize("key", ["attempt", "assault", "shelling", "siege", "fighting", "parts_of", "percent",
                                     "negation", "hypothetical", "future", "fleeing", "landmark"])
    def test_not_claims(self, key):
        assert self.claims(key) == [], self.S[key]

    def test_regions(self):
        got = _triples(self.claims("regions"))
        assert got == {("north_east_aleppo", "government", "2016-11-28"), ("old_city", "government", "2016-11-28")}

    def test_east_aleppo_held_since_a_year(self):
        assert _triples(self.claims("east_since")) == {("east_aleppo", "rebels", "2012")}

    def test_numbered_housing_project_keeps_its_head_noun(self):
        got = self.claims("project")
        assert [(c.place_id, c.mention, c.faction, c.date) for c in got] == [(None, self.S["project_mention"], "government", "2016-11-26")]

    def test_the_day_before(self):
        assert _triples(self.claims("la_veille")) == {("sakhour", "rebels", "2016-11-27")}

    def test_half_the_city_held_by_rebels_is_east_aleppo(self):
        assert _triples(self.claims("half")) == {("east_aleppo", "rebels", "2012")}

    def test_unknown_place_is_reported_with_its_mention(self):
        got = self.claims("unknown")
        assert len(got) == 1
        c = got[0]
        assert (c.place_id, c.place, c.mention, c.faction) == (None, "Karm al-Wardat", "Karm al-Wardat", "government")

    def test_attribution_names_the_cited_source(self):
        got = self.claims("attribution")
        assert got and got[0].attributed_to == self.S["attribution_expected"]

    def test_offsets_quote_and_confidence(self):
        text = self.S["list"]
        for c in _claims(text, self.lang):
            assert text[c.start:c.end] == c.mention
            assert c.quote in text and c.mention in c.quote
            assert 0 < c.confidence <= 1

    def test_losing_a_place_to_a_named_taker_is_the_taker_s_capture(self):
        assert _triples(self.claims("loss")) == {("tariq_al_bab", "government", "2016-11-28")}

    def test_losing_a_place_with_no_taker_is_no_claim(self):
        assert self.claims("loss_no_taker") == []

    def test_expelled_by_names_the_agent_after_par_or_by(self):
        assert _triples(self.claims("expelled")) == {("sheikh_saeed", "government", "2016-11-27")}

    def test_now_under_control_of_is_control(self):
        got = self.claims("now_under")
        assert [(c.place_id, c.faction, c.kind) for c in got] == [("sheikh_saeed", "government", "control")]

    def test_divided_city_gives_each_side_its_half(self):
        assert _triples(self.claims("divided")) == {("west_aleppo", "government", "2012"), ("east_aleppo", "rebels", "2012")}

    def test_relative_clause_antecedent(self):
        assert _triples(self.claims("relative")) == {("salaheddine", "rebels", "2012")}

    def test_without_a_publication_date_only_absolute_dates_are_used(self):
        assert self.claims("weekday_same", published=None) == []
        assert _triples(self.claims("year", published=None)) == {("masaken_hanano", "rebels", "2012")}


class TestFrench(BaseExtractorContract):
    lang = "fr"
    S = {
        "list": "L'armée a repris lundi les quartiers de Sakhour, Haydariyé et Cheikh Khodr, selon une ONG.",
        "who_acted": "Les combattants kurdes ont mis à profit la débâcle des rebelles pour contrôler le quartier de Cheikh Fares.",
        "passive_control": "Le quartier de Cheikh Maqsoud, contrôlé par les forces kurdes, a accueilli des déplacés.",
        "nominal": "Au lendemain de la capture samedi du quartier de Massaken Hanano, les loyalistes ont poursuivi leur avancée.",
        "fell_to": "Le quartier de Cheikh Saïd est tombé dimanche aux mains des troupes du régime.",
        "weekday_same": "Les rebelles ont pris lundi le quartier de Sakhour.",
        "weekday_before": "Les rebelles ont pris samedi le quartier de Sakhour.",
        "yesterday": "Les forces gouvernementales ont repris hier le quartier de Jdeideh.",
        "sunday_night": "Les forces gouvernementales ont repris dimanche soir le quartier de Jdeideh.",
        "weekend": "Les forces gouvernementales ont repris ce week-end le quartier de Jdeideh.",
        "day_month": "Les forces gouvernementales ont repris le 26 novembre le quartier de Jdeideh.",
        "year": "Massaken Hanano a été pris par les rebelles en 2012.",
        "that_year": "La bataille a commencé en 2012. Les rebelles se sont emparés cette année-là du quartier de Salaheddine.",
        "attributive": "Des centaines de familles ont gagné le quartier kurde de Cheikh Maqsoud, tenu par les forces kurdes.",
        "zones": "Des civils ont fui vers les zones gouvernementales d'Alep-Ouest.",
        "seize": "Les insurgés se sont emparés du quartier de Bab al-Nasr tandis que l'armée a reconquis le quartier de Kallaseh.",
        "no_day": "Les forces kurdes ont pris le contrôle du quartier d'Achrafiyé, selon un responsable local.",
        "attempt": "L'armée a tenté de reprendre le quartier de Sakhour.",
        "assault": "L'armée a lancé un assaut contre le quartier de Sakhour.",
        "east_since": "Les rebelles tiennent Alep-Est depuis 2012.",
        "project": "Les forces gouvernementales ont pris samedi le projet 1070.",
        "project_mention": "projet 1070",
        "la_veille": "Le quartier de Sakhour était tombé la veille aux mains des rebelles.",
        "shelling": "L'aviation du régime a bombardé le quartier de Sakhour toute la nuit.",
        "siege": "Les troupes du régime assiègent le quartier de Sakhour depuis des semaines.",
        "fighting": "Les combats se poursuivent dans le quartier de Sakhour entre rebelles et soldats.",
        "parts_of": "L'armée a pris une partie du quartier de Sakhour.",
        "percent": "Le régime contrôle désormais 80 % du quartier de Sakhour.",
        "negation": "L'armée n'a pas repris le quartier de Sakhour, a démenti un commandant.",
        "hypothetical": "Si le quartier de Sakhour tombe aux mains du régime, la rébellion sera coupée en deux.",
        "future": "Le régime va reprendre le quartier de Sakhour, affirme un général.",
        "fleeing": "Des milliers d'habitants ont fui le quartier de Sakhour vers le quartier de Jdeideh.",
        "landmark": "Les rebelles ont pris la citadelle d'Alep.",
        "regions": "Les troupes du régime se sont emparées lundi de tout le nord-est d'Alep et ont repris la vieille ville.",
        "half": "Les insurgés avaient pris le contrôle de la moitié de la ville en 2012.",
        "unknown": "L'armée a repris le quartier de Karm al-Wardat, selon la télévision d'État.",
        "attribution": "L'armée a repris lundi le quartier de Sakhour, selon l'OSDH.",
        "attribution_expected": "OSDH",
        "loss": "Les insurgés ont perdu le quartier de Tariq al-Bab au profit de l'armée.",
        "loss_no_taker": "Les insurgés ont perdu le quartier de Tariq al-Bab.",
        "expelled": "Les rebelles ont été chassés dimanche du quartier de Cheikh Saïd par les forces gouvernementales.",
        "now_under": "Le quartier de Cheikh Saïd est désormais sous le contrôle de l'armée.",
        "divided": "Depuis 2012, la ville est partagée entre l'ouest tenu par le régime et l'est aux mains des rebelles.",
        "relative": "Les familles ont quitté Salaheddine, que les rebelles tiennent depuis 2012.",
    }


class TestEnglish(BaseExtractorContract):
    lang = "en"
    S = {
        "list": "On Monday the army recaptured the Sakhour, Haydariya and Sheikh Khodr districts, a monitor said.",
        "who_acted": "Kurdish fighters exploited the collapse of the rebels to take control of the Sheikh Fares neighbourhood.",
        "passive_control": "The Sheikh Maqsoud district, controlled by Kurdish forces, took in displaced families.",
        "nominal": "A day after the capture on Saturday of the Masaken Hanano district, loyalist forces kept advancing.",
        "fell_to": "The Sheikh Saeed district fell to the army on Sunday.",
        "weekday_same": "Rebels seized the Sakhour district on Monday.",
        "weekday_before": "Rebels seized the Sakhour district on Saturday.",
        "yesterday": "Government forces recaptured the Jdeideh district yesterday.",
        "sunday_night": "Government forces recaptured the Jdeideh district on Sunday night.",
        "weekend": "Government forces recaptured the Jdeideh district over the weekend.",
        "day_month": "Government forces recaptured the Jdeideh district on November 26.",
        "year": "Masaken Hanano was taken by rebels in 2012.",
        "that_year": "The battle began in 2012. Rebels seized the Salaheddine district that year.",
        "attributive": "Hundreds of families reached the Kurdish-held Sheikh Maqsoud neighbourhood.",
        "zones": "Civilians crossed into government-held west Aleppo overnight.",
        "seize": "Insurgents seized the Bab al-Nasr district, while the army recaptured Kallaseh.",
        "no_day": "Kurdish forces took control of the Ashrafiyeh district, a local official said.",
        "attempt": "The army tried to recapture the Sakhour district.",
        "assault": "The army launched an assault on the Sakhour district.",
        "east_since": "Rebels have controlled eastern Aleppo since 2012.",
        "project": "Government forces took the 1070 housing project on Saturday.",
        "project_mention": "1070 housing project",
        "la_veille": "The Sakhour district had fallen to the rebels the day before.",
        "shelling": "Regime aircraft shelled the Sakhour district throughout the night.",
        "siege": "Regime troops have besieged the Sakhour district for weeks.",
        "fighting": "Fighting continues in the Sakhour district between rebels and soldiers.",
        "parts_of": "The army advanced into parts of the Sakhour district.",
        "percent": "The regime now controls 80 percent of the Sakhour district.",
        "negation": "The army has not recaptured the Sakhour district, a commander said.",
        "hypothetical": "If the Sakhour district falls to the regime, the rebellion will be cut in two.",
        "future": "The regime will recapture the Sakhour district, a general claimed.",
        "fleeing": "Thousands of residents fled the Sakhour district for the Jdeideh district.",
        "landmark": "Rebels seized the Citadel of Aleppo.",
        "regions": "On Monday regime troops seized all of northeast Aleppo and recaptured the Old City.",
        "half": "Insurgents seized half the city in 2012.",
        "unknown": "The army recaptured the Karm al-Wardat district, state television said.",
        "attribution": "The army recaptured the Sakhour district on Monday, according to the Syrian Observatory for Human Rights.",
        "attribution_expected": "SOHR",
        "loss": "Insurgents lost the Tariq al-Bab district to the army.",
        "loss_no_taker": "Insurgents lost the Tariq al-Bab district.",
        "expelled": "Rebels were driven out of the Sheikh Saeed district by government forces on Sunday.",
        "now_under": "The Sheikh Saeed district is now under the control of the army.",
        "divided": "The city has been divided since 2012 between government forces in the west and rebels in the east.",
        "relative": "Families left Salaheddine, which rebels seized in 2012.",
    }


SEED_EXPECTED = {
    ("north_east_aleppo", "government", "capture", "2016-11-28"),
    ("masaken_hanano", "government", "capture", "2016-11-26"),
    ("sakhour", "government", "capture", "2016-11-28"),
    ("haydariya", "government", "capture", "2016-11-28"),
    ("sheikh_khodr", "government", "capture", "2016-11-28"),
    ("sheikh_maqsoud", "kurds", "control", "2016-11-28"),
    ("sheikh_fares", "kurds", "capture", "2016-11-28"),
    ("west_aleppo", "government", "control", "2016-11-28"),
    ("east_aleppo", "rebels", "capture", "2012"),
}


def test_seed_gives_exactly_the_issue_claims(gazetteer):
    from tests.conftest import SEEDS

    doc = load_document(SEEDS / "2016-11-28-afp-alep-nord-est.md")
    got = {(c.place_id, c.faction, c.kind, c.date) for c in extract_claims(doc, gazetteer=gazetteer)}
    assert got == SEED_EXPECTED


def test_empty_and_odd_input_give_no_claims():
    assert extract_claims(Document(text="", date=MONDAY)) == []
    assert extract_claims(Document(text="\x00\x01 ...  \n\n", date=MONDAY, lang="xx")) == []
    assert _claims("<<<>>> ;;; ,,, quartier de", "fr") == []


def test_other_languages_lightly():
    it = _claims("Le forze governative hanno riconquistato sabato il quartiere di Sakhour.", "it")
    es = _claims("El ejército sirio tomó ayer el control del barrio de Sakhour.", "es")
    pt = _claims("Forças do governo tomaram neste sábado o bairro de Sakhour.", "pt")
    assert _triples(it) == {("sakhour", "government", "2016-11-26")}
    assert _triples(es) == {("sakhour", "government", "2016-11-27")}
    assert _triples(pt) == {("sakhour", "government", "2016-11-26")}


def test_arabic_list_with_the_conjunction_glued_to_the_last_name():
    got = _claims("سيطر الجيش السوري أمس على أحياء باب الحديد والفرافرة.", "ar")
    assert _triples(got) == {("bab_al_hadid", "government", "2016-11-27"), ("farafra", "government", "2016-11-27")}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Opposition fighters remain in control of Sukkari.", {("sukkari", "rebels", "2016-11-28")}),
    ("fr", "Les insurgés sont maîtres du quartier de Soukkari.", {("sukkari", "rebels", "2016-11-28")}),
    ("fr", "Après avoir repris Tariq al-Bab, l'armée s'est emparée de Karm al-Jabal.",
     {("tariq_al_bab", "government", "2016-11-28"), ("karm_al_jabal", "government", "2016-11-28")}),
    ("en", "The army recaptured Tariq al-Bab and the nearby Karm al-Jabal district.",
     {("tariq_al_bab", "government", "2016-11-28"), ("karm_al_jabal", "government", "2016-11-28")}),
    # The attribute of a captured place is its state before the capture, not a claim of today.
    ("en", "Rebels overran the government-held Ramouseh area in August.", {("ramouseh", "rebels", "2016-08")}),
    ("fr", "Le quartier de Chaar est repassé sous contrôle gouvernemental.", {("shaar", "government", "2016-11-28")}),
    # A first-person quote takes the side of the cited speaker.
    ("fr", "« Nous avons repris le quartier de Cheikh Saïd », a affirmé un commandant rebelle.",
     {("sheikh_saeed", "rebels", "2016-11-28")}),
    ("en", "\"We have retaken Sheikh Saeed,\" a rebel commander said.", {("sheikh_saeed", "rebels", "2016-11-28")}),
    # "the eastern district" refers to the last quarter named; the lead's Saturday dates it.
    ("en", "Masaken Hanano fell on Saturday. Troops have seized full control of the eastern district, the army said.",
     {("masaken_hanano", "government", "2016-11-26")}),
    # An attribute inside a prepositional phrase is today's status, not the captured object's past.
    ("en", "Troops retook a key district in the besieged rebel-held east of Aleppo.",
     {("east_aleppo", "rebels", "2016-11-28")}),
    # The object is a building inside the quarter, not the quarter.
    ("fr", "Les rebelles se sont emparés dimanche d'un poste de police dans le quartier de Salaheddine.", set()),
    ("en", "Rebels seized a police station in the Salaheddine district on Sunday.", set()),
    # A holding is dated at publication, not by the day of another event in the sentence.
    ("fr", "L'armée a lancé samedi une offensive contre Salaheddine, tenu par les rebelles.",
     {("salaheddine", "rebels", "2016-11-28")}),
    # "holding out in" is resistance, not control.
    ("en", "The army is advancing, and fighters are still holding out in Mashhad.", set()),
])
def test_more_phrasings(lang, text, expected):
    assert _triples(_claims(text, lang)) == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("it", "I ribelli controllano ancora il quartiere di Sukkari."),
    ("es", "Los rebeldes controlan todavía el barrio de Sukkari."),
    ("pt", "Os rebeldes controlam o bairro de Sukkari."),
])
def test_other_languages_holding_verbs(lang, text):
    got = _claims(text, lang)
    assert [(c.place_id, c.faction, c.kind) for c in got] == [("sukkari", "rebels", "control")]


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "El ejército intentó recuperar el barrio de Sakhour."),
    ("pt", "O exército tentou retomar o bairro de Sakhour."),
])
def test_other_languages_attempts_are_not_claims(lang, text):
    assert _claims(text, lang) == []


def test_a_source_named_again_by_anaphor_is_carried_over():
    text = ("L'armée a repris lundi le quartier de Sakhour, selon l'OSDH. "
            "Les forces kurdes ont pris le quartier de Cheikh Fares, a ajouté l'ONG.")
    assert [c.attributed_to for c in _claims(text, "fr")] == ["OSDH", "OSDH"]


def test_version_is_a_nonempty_string():
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION


def test_ten_megabytes_of_text_finish_and_return(gazetteer):
    from geo._bench.extract import make_articles

    block = "\n\n".join(t for _, t in make_articles(20))
    text = block * (10_000_000 // len(block) + 1)
    claims = extract_from_text(text, published=MONDAY, lang="fr", gazetteer=gazetteer)
    assert isinstance(claims, list) and claims
