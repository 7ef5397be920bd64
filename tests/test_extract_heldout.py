"""The extractor on the held-out set (tests/data/heldout: fictional dispatches written by us), scored
with the dev scorer's own matching rules, plus one test sentence for each rule the held-out set taught.

The scorer lives outside the project (/work/shared/tools/score_claims.py); without it the scoring
tests are skipped. The floors sit a little below the figures reached (docs/extractor.md) so that a
regression shows up without making every small trade-off fail.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from geo.extract import extract_from_text

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "tests" / "data" / "heldout"
SCORER = Path("/work/shared/tools/score_claims.py")

# F1 floors (reached at rules-1.4 on 157 documents, 186 claims: all 0.973, en 0.977, fr 0.966;
# at rules-1.5 on 235 documents, 274 claims: all 0.981, en 0.985, fr 0.978).
FLOORS = {"all": 0.95, "en": 0.94, "fr": 0.93}


def _scorer():
    if not SCORER.exists():
        pytest.skip(f"the dev scorer is not here ({SCORER}); the held-out score needs its matching rules")
    spec = importlib.util.spec_from_file_location("score_claims", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


@pytest.fixture(scope="module")
def heldout_report():
    mod = _scorer()
    import os
    cwd = os.getcwd()
    os.chdir(ROOT)  # the scorer runs `python3 -m geo extract` from the project root
    try:
        return mod.score(HELDOUT, "python3 -m geo extract")
    finally:
        os.chdir(cwd)


def test_heldout_set_is_complete():
    gold = [line for line in (HELDOUT / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [p for p in HELDOUT.glob("*.txt") if not p.stem.startswith("batch")]  # batchN.txt: lists, not articles
    assert len(gold) >= 40
    assert len(texts) == len(gold)
    assert (HELDOUT / "README.md").exists()


def test_heldout_extraction_runs_cleanly(heldout_report):
    assert heldout_report["error"] == ""
    assert heldout_report["documents"] >= 40


@pytest.mark.parametrize("lang", sorted(FLOORS))
def test_heldout_f1_stays_above_its_floor(heldout_report, lang):
    m = heldout_report["by_lang"][lang]
    assert m["f1"] >= FLOORS[lang], f"{lang}: {m}"


def test_heldout_precision_stays_high(heldout_report):
    assert heldout_report["by_lang"]["all"]["precision"] >= 0.96


# ------------------------------------------------------------------ one sentence per rule (ours)
def _t(text: str, lang: str, pub: dt.date) -> set[tuple[str, str, str]]:
    return {(c.place_id or c.place, c.faction, c.date)
            for c in extract_from_text(text, published=pub, lang=lang) if c.kind in ("capture", "control")}


MON = dt.date(2016, 11, 28)
THU = dt.date(2016, 12, 1)

RULES = [
    # a withdrawal in the main clause does not veto a passive capture in the relative clause
    ("fr", "Les rebelles ont quitté mardi le quartier de Jdeidé, qui a été repris par l'armée, selon l'OSDH.", THU,
     {("jdeideh", "government", "2016-11-29")}),
    ("en", "Insurgents withdrew on Tuesday from Jdeideh, which was then taken by the army.", THU,
     {("jdeideh", "government", "2016-11-29")}),
    # a negated success word does not lift a veto
    ("fr", "Les insurgés n'ont pas réussi à reprendre Hellok mardi.", THU, set()),
    ("en", "The rebels had not managed to retake Hellok by Tuesday.", THU, set()),
    # participle of loss after the place: the taker follows "face à"
    ("fr", "L'armée a repris lundi Bustan al-Qasr, perdu la veille face aux insurgés.", MON,
     {("bustan_al_qasr", "government", "2016-11-28"), ("bustan_al_qasr", "rebels", "2016-11-27")}),
    # confinement: the subject holds the places after
    ("en", "Opposition fighters are now holed up in Kalasa and Fardous, the monitor said.", MON,
     {("kalasa", "rebels", "2016-11-28"), ("fardous", "rebels", "2016-11-28")}),
    ("fr", "Les insurgés sont désormais retranchés dans Kalasa et Fardous.", MON,
     {("kalasa", "rebels", "2016-11-28"), ("fardous", "rebels", "2016-11-28")}),
    # apposition before an attributive: "X, one of the rebel-held districts"
    ("en", "Shells hit Kalasa, one of the last rebel-held districts, on Monday.", MON, {("kalasa", "rebels", "2016-11-28")}),
    # pronoun object: "and now control it"
    ("en", "Kurdish fighters moved into Hellok on Sunday and now control it.", MON, {("hellok", "kurds", "2016-11-28")}),
    # pronoun subject: "Ils" is the previous sentence's subject
    ("fr", "Les rebelles ont attaqué la prison centrale dimanche. Ils tiennent toujours le quartier de Kalasa.", MON,
     {("kalasa", "rebels", "2016-11-28")}),
    # a group noun makes an adjective act; a group noun before "de" is the subject
    ("en", "Rebel brigades seized Owaija on Sunday.", MON, {("owaija", "rebels", "2016-11-27")}),
    ("fr", "Les combattants du Front al-Nosra ont pris dimanche Owaija.", MON, {("owaija", "rebels", "2016-11-27")}),
    # a post-nominal faction adjective is not a subject
    ("fr", "Les YPG ont profité des divisions rebelles pour s'emparer de Hellok lundi.", MON, {("hellok", "kurds", "2016-11-28")}),
    # the dateline does not date a claim; the weekday after the place does
    ("en", "BEIRUT, November 28 - Troops retook the district of Jabal Badro on Saturday, the monitor said.", MON,
     {("jabal_badro", "government", "2016-11-26")}),
    # a later sentence's "overnight" does not date an earlier capture
    ("en", "The army says it has captured Inzarat. Hundreds fled overnight.", MON, {("inzarat", "government", "2016-11-28")}),
    # "est passé lundi sous le contrôle": the verb "passé" before a weekday does not mean "last Monday"
    ("fr", "Le quartier d'Inzarat est passé lundi sous le contrôle de l'armée.", MON, {("inzarat", "government", "2016-11-28")}),
    # "a day earlier"
    ("en", "Rebels said they had retaken Kalasa, a district that the army had seized a day earlier.", THU,
     {("kalasa", "rebels", "2016-12-01"), ("kalasa", "government", "2016-11-30")}),
    # a sentence opening with "Depuis 2013," dates every holding in it
    ("fr", "Depuis 2013, la ville est coupée en deux : l'ouest aux mains du régime, l'est tenu par les rebelles.", MON,
     {("west_aleppo", "government", "2013"), ("east_aleppo", "rebels", "2013")}),
    # "once" + article before an attributive: a former state
    ("en", "Troops now hold Kalasa, once the rebel-held heart of the south.", MON, {("kalasa", "government", "2016-11-28")}),
    # a proportion before an attributive region: part of it
    ("en", "The army controls 70 percent of the rebel-held east, the monitor said.", MON, set()),
    # passive with a "by a coalition of" agent after a relative clause
    ("en", "IS fighters were driven out of Owaija, where they had kept a prison, by a coalition of rebel brigades.", MON,
     {("owaija", "rebels", "2016-11-28")}),
    # a possessive nominal capture refers back to the subject
    ("fr", "Hellok a été repris lundi par les rebelles, trois jours après sa prise vendredi par les YPG.", MON,
     {("hellok", "rebels", "2016-11-28"), ("hellok", "kurds", "2016-11-25")}),
    # a participle "investie par" is a passive capture
    ("fr", "Les rebelles ont abandonné Jdeidé, aussitôt investie par l'armée lundi.", MON, {("jdeideh", "government", "2016-11-28")}),
    # a retraction is not a claim; "was still held by" is current
    ("en", "An earlier version of this report said rebels had retaken Inzarat. The district was still held by the army, the monitor said.", MON,
     {("inzarat", "government", "2016-11-28")}),
    # "en gardait le contrôle" after a denial, inside a speech participle
    ("fr", "L'armée a démenti la perte de Inzarat, assurant qu'elle en gardait le contrôle.", MON, {("inzarat", "government", "2016-11-28")}),
    # Arabic possessive suffix on the cue noun
    ("ar", "أعلنت فصائل المعارضة اليوم سيطرتها على حي الشيخ سعيد", MON, {("sheikh_saeed", "rebels", "2016-11-28")}),
    # batch 3: Arabic conjunction glued to the verb; "expanded their control to"; "have run"; "was now held by"
    ("ar", "وسيطر الجيش السوري على حي الشيخ خضر", MON, {("sheikh_khodr", "government", "2016-11-28")}),
    ("en", "Kurdish forces expanded their control to Hellok on Sunday.", MON, {("hellok", "kurds", "2016-11-27")}),
    ("en", "Since 2013 the opposition has run Kalasa.", MON, {("kalasa", "rebels", "2013")}),
    ("en", "Troops said they took Hellok, but the monitor said the district was now held by Kurdish fighters.", MON,
     {("hellok", "government", "2016-11-28"), ("hellok", "kurds", "2016-11-28")}),
    # "repassé sous le contrôle"; a compass word inside "nord-ouest" is not a region of its own
    ("fr", "Le quartier de Hellok, dans le nord-est d'Alep, est repassé lundi sous le contrôle des YPG.", MON,
     {("hellok", "kurds", "2016-11-28")}),
    # a first-person quote by a described speaker ("un officier syrien")
    ("fr", "« Nous avons repris Inzarat », a affirmé un officier syrien.", MON, {("inzarat", "government", "2016-11-28")}),
    # "qu'elle contrôlait depuis 2012": the pronoun is the faction named before
    ("fr", "Revers pour l'opposition : le quartier de Kalasa, qu'elle contrôlait depuis 2013, a été perdu.", MON,
     {("kalasa", "rebels", "2013")}),
    # batch 4: passive with no agent, announced by the army; a list before "part of"; losses "to"/"aux"; denials
    ("en", "Insurgents have been expelled from Inzarat, the army said on Sunday.", MON, {("inzarat", "government", "2016-11-27")}),
    ("en", "Only Kalasa, Fardous and parts of Ansari remain in rebel hands.", MON,
     {("kalasa", "rebels", "2016-11-28"), ("fardous", "rebels", "2016-11-28")}),
    ("fr", "Lundi, les insurgés ont abandonné le quartier d'Inzarat aux troupes prorégime.", MON, {("inzarat", "government", "2016-11-28")}),
    ("en", "The YPG denied that it had handed over Hellok to the army.", MON, set()),
    ("en", "The army has retaken the positions it lost in the Inzarat area, a military source said.", MON, set()),
    # villages east of a city are not the region
    ("fr", "Les jihadistes de l'EI tiennent plusieurs villages à l'est d'Alep.", MON, set()),
    # a "since" date inside another noun's relative clause does not date the holding
    ("en", "Rebels control the east, a front line that has not moved since 2013.", MON, {("east_aleppo", "rebels", "2016-11-28")}),
    # batch 5: Arabic present tense; a government source's agentless passive; "since" before the place is another verb's
    ("ar", "الجيش السوري يسيطر على حي الشيخ خضر", MON, {("sheikh_khodr", "government", "2016-11-28")}),
    ("fr", "Inzarat a été reconquis dimanche, selon une source militaire.", MON, {("inzarat", "government", "2016-11-27")}),
    ("fr", "Des combats opposent depuis 2013 soldats et rebelles à Kalasa, un quartier tenu par l'opposition.", MON,
     {("kalasa", "rebels", "2016-11-28")}),
    ("en", "Kurdish-led forces seized Hellok on Sunday.", MON, {("hellok", "kurds", "2016-11-27")}),
    # examples named before the first place: "confined to a few districts, the largest of them X and Y"
    ("en", "The retreat leaves insurgents confined to a few districts in the south, the largest of them Kalasa and Fardous.", MON,
     {("kalasa", "rebels", "2016-11-28"), ("fardous", "rebels", "2016-11-28")}),
    # "le"/"la" glued inside a word ("leaves") is not an article before a noun
    ("en", "The battle leaves rebels holding Kalasa.", MON, {("kalasa", "rebels", "2016-11-28")}),
    # batch 6: "forces loyal to Assad", "swept through", "mis la main sur"
    ("en", "Forces loyal to Assad took Kalasa on Sunday.", MON, {("kalasa", "government", "2016-11-27")}),
    ("en", "Troops swept through the Kalasa district on Sunday.", MON, {("kalasa", "government", "2016-11-27")}),
    ("fr", "Les rebelles ont mis la main dimanche sur le quartier de Kalasa.", MON, {("kalasa", "rebels", "2016-11-27")}),
    # "leur fief de X": the possessor, the subject, holds X
    ("fr", "Les YPG ont pris lundi Hellok, voisin de leur fief de Cheikh Maqsoud.", MON,
     {("hellok", "kurds", "2016-11-28"), ("sheikh_maqsoud", "kurds", "2016-11-28")}),
    # "The district" is an anaphor, not an unknown quarter named "The"
    ("en", "Rebels denied losing Owaija. The district remains in rebel hands, a commander said.", MON, {("owaija", "rebels", "2016-11-28")}),
    # batch 7: "along with"/"ainsi que" after a passive joins its subject; "plus" in a list
    ("en", "Kalasa fell to the army on Sunday, along with the adjacent district of Fardous.", MON,
     {("kalasa", "government", "2016-11-27"), ("fardous", "government", "2016-11-27")}),
    ("fr", "Kalasa a été repris dimanche par l'armée, ainsi que Fardous.", MON,
     {("kalasa", "government", "2016-11-27"), ("fardous", "government", "2016-11-27")}),
    ("en", "Rebels hold Kalasa and Fardous, plus the Owaija area.", MON,
     {("kalasa", "rebels", "2016-11-28"), ("fardous", "rebels", "2016-11-28"), ("owaija", "rebels", "2016-11-28")}),
    # "télévision d'Etat" without the accent is state TV: a first-person quote of it is the government's
    ("fr", "« Nos soldats ont repris Kalasa », a annoncé la télévision d'Etat.", MON, {("kalasa", "government", "2016-11-28")}),
    # "à majorité kurde" is not a partial ("quartier à ...")
    ("fr", "Les YPG contrôlent le quartier à majorité kurde de Hellok.", MON, {("hellok", "kurds", "2016-11-28")}),
    # areas held by a side inside a region: the region's holding
    ("en", "Drones struck the areas held by the opposition in eastern Aleppo.", MON, {("east_aleppo", "rebels", "2016-11-28")}),
    ("fr", "Des obus ont frappé les secteurs tenus par le régime dans l'ouest d'Alep.", MON, {("west_aleppo", "government", "2016-11-28")}),
    # batch 8: "forced/flushed out of" (not "forced to withdraw from"); "délogés de", "arraché"; bare "les troupes"
    ("en", "Gunmen were flushed out of Kalasa on Sunday, the army said.", MON, {("kalasa", "government", "2016-11-27")}),
    ("en", "Rebels were forced to withdraw from Kalasa.", MON, set()),
    ("fr", "Les jihadistes ont été délogés d'Inzarat par les soldats dimanche.", MON, {("inzarat", "government", "2016-11-27")}),
    ("fr", "Les YPG ont arraché dimanche Hellok aux rebelles.", MON, {("hellok", "kurds", "2016-11-27")}),
    ("fr", "Dimanche, les troupes ont repris Kalasa.", MON, {("kalasa", "government", "2016-11-27")}),
    # "après avoir" + infinitive is done, not intended
    ("fr", "Après avoir pris Kalasa dimanche, les rebelles ont attaqué Fardous.", MON, {("kalasa", "rebels", "2016-11-27")}),
    # a manner adverb between the place and "sous contrôle de"
    ("fr", "Kalasa est désormais totalement sous contrôle de l'armée.", MON, {("kalasa", "government", "2016-11-28")}),
    # "handing the district to": a loss to the named taker
    ("en", "Rebels pulled out of Kalasa, handing the district to the army.", MON, {("kalasa", "government", "2016-11-28")}),
    # a hyphenated proportion noun ("quasi-totalité de") before a passive's subject: part of it
    ("fr", "La quasi-totalité de Kalasa est contrôlée par les rebelles.", MON, set()),
    # batch 9: "except" after the place; « nettoyé »; a fronted participle and its "since" date; "mid-2012";
    # a possessive region before a plural area noun
    ("en", "Rebels hold all of Kalasa except two blocks near the river.", MON, set()),
    ("fr", "Les soldats ont « nettoyé » Kalasa, selon l'agence officielle.", MON, {("kalasa", "government", "2016-11-28")}),
    ("en", "Controlled by the opposition since 2013, Kalasa fell to the army on Sunday.", MON,
     {("kalasa", "rebels", "2013"), ("kalasa", "government", "2016-11-27")}),
    ("en", "Kurdish units have held Hellok since mid-2013.", MON, {("hellok", "kurds", "2013")}),
    ("en", "Aleppo's western districts remained under government control.", MON, {("west_aleppo", "government", "2016-11-28")}),
    # gapping: the verb left out after a second subject ("…, the rebels the east"); not "…, the rebels said"
    ("en", "The army controls the west and the opposition the east.", MON,
     {("west_aleppo", "government", "2016-11-28"), ("east_aleppo", "rebels", "2016-11-28")}),
    ("fr", "Les YPG tiennent Hellok, les rebelles Kalasa.", MON, {("hellok", "kurds", "2016-11-28"), ("kalasa", "rebels", "2016-11-28")}),
    ("en", "The army took Kalasa, the rebels said.", MON, {("kalasa", "government", "2016-11-28")}),
    # "ont (désormais) le contrôle total de", "have full control of": holdings
    ("fr", "Les YPG ont désormais le contrôle total de Hellok.", MON, {("hellok", "kurds", "2016-11-28")}),
    ("en", "The rebels have full control of Kalasa.", MON, {("kalasa", "rebels", "2016-11-28")}),
    # a compass part of a region is part of it; "dont" then lists whole quarters
    ("en", "The army seized the northern part of the rebel enclave, including Kalasa.", MON, {("kalasa", "government", "2016-11-28")}),
    ("fr", "L'armée a repris le secteur nord des quartiers rebelles, dont Kalasa.", MON,
     {("kalasa", "government", "2016-11-28"), ("east_aleppo", "rebels", "2016-11-28")}),
    # "dont" as a relative pronoun before the cue
    ("fr", "Les soldats sont entrés dans Kalasa, dont ils ont pris le contrôle dimanche.", MON, {("kalasa", "government", "2016-11-27")}),
    # a day right after the object belongs to its verb, not to an earlier one in the clause
    ("en", "Troops entered Kalasa on Saturday and secured the district on Sunday.", MON, {("kalasa", "government", "2016-11-27")}),
    # "reclaimed", "routed … from"; "sous le giron de"; "maîtresses de"; "forces loyales à Bachar al-Assad"
    ("en", "Rebel brigades reclaimed Kalasa on Sunday.", MON, {("kalasa", "rebels", "2016-11-27")}),
    ("en", "Kurdish units routed jihadists from Hellok on Sunday.", MON, {("hellok", "kurds", "2016-11-27")}),
    ("fr", "Kalasa est revenu dimanche dans le giron du régime.", MON, {("kalasa", "government", "2016-11-27")}),
    ("fr", "Les troupes gouvernementales sont désormais maîtresses de Kalasa.", MON, {("kalasa", "government", "2016-11-28")}),
    ("fr", "Kalasa a été repris dimanche par les forces loyales à Bachar al-Assad.", MON, {("kalasa", "government", "2016-11-27")}),
    # "in the army's hands" with a manner adverb; "restored control over"; "récupéré" + a name, not "récupéré des armes"
    ("en", "Kalasa is now firmly in the army's hands.", MON, {("kalasa", "government", "2016-11-28")}),
    ("en", "The YPG said it had restored full control over Hellok.", MON, {("hellok", "kurds", "2016-11-28")}),
    ("fr", "Les rebelles ont récupéré Kalasa dimanche.", MON, {("kalasa", "rebels", "2016-11-27")}),
    ("fr", "Les soldats ont récupéré des munitions à Kalasa.", MON, set()),
    # an "advancing" adjective between "to/by" and the taker
    ("en", "Rebels ceded Kalasa to advancing Kurdish units on Sunday.", MON, {("kalasa", "kurds", "2016-11-27")}),
    # "secured it": a pronoun object, dated by the day right after it
    ("en", "The YPG moved into Hellok on Saturday and secured it on Sunday.", MON, {("hellok", "kurds", "2016-11-27")}),
    # "a fait tomber X": a capture by the subject
    ("fr", "Les rebelles ont fait tomber dimanche le quartier de Kalasa.", MON, {("kalasa", "rebels", "2016-11-27")}),
]


@pytest.mark.parametrize(("lang", "text", "pub", "expected"), RULES, ids=[f"{r[0]}-{i}" for i, r in enumerate(RULES)])
def test_rule_sentences(lang, text, pub, expected):
    assert _t(text, lang, pub) == expected
