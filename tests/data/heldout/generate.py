"""Generate the held-out set (fictional paragraphs written by the developers)."""
import datetime as dt, json, pathlib
OUT = pathlib.Path(__file__).resolve().parent
WD = {"mon":0,"tue":1,"wed":2,"thu":3,"fri":4,"sat":5,"sun":6}
def wd(pub, name):
    d = dt.date.fromisoformat(pub)
    while d.weekday() != WD[name]:
        d -= dt.timedelta(days=1)
    return d.isoformat()
def minus(pub, n):
    return (dt.date.fromisoformat(pub) - dt.timedelta(days=n)).isoformat()
DOCS = []
def doc(id, date, lang, source, text, claims=(), non=()):
    DOCS.append(dict(id=id, date=date, lang=lang, source=source, text=text.strip(), claims=list(claims), non=list(non)))
def C(mention, canonical, faction, date, kind, quote, note=None):
    c = dict(mention=mention, canonical=canonical, faction=faction, date=date, kind=kind, quote=quote)
    if note: c["note"] = note
    return c
def N(mention, why, implied=None, faction=None):
    n = dict(mention=mention, why=why)
    if faction: n["faction"] = faction
    if implied: n["implied"] = implied
    return n

# ---------------- English ----------------
P="2012-08-09"
doc("en-reuters-salaheddine-2012", P, "en", "Reuters-style", """
ALEPPO, Syria, Aug 9 - Syrian troops backed by tanks recaptured the southwestern Salaheddine district of Aleppo on Thursday after days of shelling, state television said.
Rebel commanders denied that they had lost the neighbourhood, saying their fighters had only pulled back a few hundred metres to regroup. "We are still in Salaheddine," said Abu Omar, a Free Syrian Army commander.
""", [C("Salaheddine","Salaheddine","government",wd(P,"thu"),"capture","Syrian troops backed by tanks recaptured the southwestern Salaheddine district of Aleppo on Thursday")],
[N("Salaheddine","rebel denial: presence, not a clear control claim", implied=dict(mention="Salaheddine",canonical="Salaheddine",faction="rebels",date=P))])

P="2012-07-25"
doc("en-afp-saifdawla-2012", P, "en", "AFP-style", """
ALEPPO, July 25 - Rebels of the Free Syrian Army said on Wednesday they had taken control of Saif al-Dawla and parts of Sukkari, in the south of Aleppo, after a night of clashes with loyalist troops.
Helicopter gunships circled over the city centre as residents fled towards the countryside.
""", [C("Saif al-Dawla","Saif al-Dawla","rebels",P,"capture","they had taken control of Saif al-Dawla")],
[N("Sukkari","partial: parts of")])

P="2012-09-08"
doc("en-ap-hanano-2012", P, "en", "AP-style", """
BEIRUT (AP) - Rebels overran an army barracks in the Hanano area of northern Aleppo on Saturday, seizing weapons and ammunition, activists said.
The fighters now hold most of the surrounding neighbourhood. The opposition already controls the nearby districts of Sakhour and Haydariya, according to the activists.
""", [C("Sakhour","Sakhour","rebels",P,"control","The opposition already controls the nearby districts of Sakhour and Haydariya"),
      C("Haydariya","Haydariya","rebels",P,"control","The opposition already controls the nearby districts of Sakhour and Haydariya")],
[N("Hanano barracks","landmark"), N("the surrounding neighbourhood","partial: most of")])

P="2013-04-09"
doc("en-bbc-sheikhmaqsoud-2013", P, "en", "BBC-style", """
The Kurdish-controlled district of Sheikh Maqsoud came under heavy shelling on Tuesday, residents said.
Government aircraft also struck the nearby rebel-held neighbourhood of Bustan al-Basha, killing at least four people.
""", [C("Sheikh Maqsoud","Sheikh Maqsoud","kurds",P,"control","The Kurdish-controlled district of Sheikh Maqsoud"),
      C("Bustan al-Basha","Bustan al-Basha","rebels",P,"control","the nearby rebel-held neighbourhood of Bustan al-Basha")])

P="2015-03-03"
doc("en-sohr-sheikhsaid-2015", P, "en", "SOHR statement style", """
The Syrian Observatory for Human Rights said regime forces and allied militiamen failed to advance into Sheikh Said on Monday despite intense bombardment.
The opposition has held the southern district since 2012, the monitor said.
""", [C("Sheikh Said","Sheikh Saeed","rebels","2012","control","The opposition has held the southern district since 2012")],
[N("Sheikh Said","attempt: failed to advance")])

P="2016-07-28"
doc("en-reuters-banizeid-2016", P, "en", "Reuters-style", """
BEIRUT, July 28 - Syrian government forces have captured the Bani Zeid district on the northern edge of Aleppo, state media reported on Thursday, tightening the siege of the rebel-held east of the city after cutting the Castello Road.
A rebel spokesman said fighters had withdrawn from the district to avoid encirclement.
""", [C("Bani Zeid","Bani Zeid","government",P,"capture","Syrian government forces have captured the Bani Zeid district"),
      C("east of the city","East Aleppo","rebels",P,"control","the rebel-held east of the city")],
[N("Castello Road","road")])

P="2016-08-07"
doc("en-aljazeera-ramouseh-2016", P, "en", "Al Jazeera-style", """
Rebel groups announced on Saturday they had broken the siege of eastern Aleppo after seizing the artillery academy in the southwest of the city.
Fighters from Jaish al-Fateh, an alliance that includes the former al-Nusra Front, also took the nearby Ramouseh district, according to the Syrian Observatory.
""", [C("Ramouseh","Ramouseh","rebels",wd(P,"sat"),"capture","also took the nearby Ramouseh district", note=f"{P} also acceptable")],
[N("artillery academy","landmark"), N("eastern Aleppo","siege")])

P="2016-07-26"
doc("en-ap-layramoun-2016", P, "en", "AP-style", """
Pro-government forces on Tuesday retook the Layramoun area on Aleppo's northwestern edge and pushed into the outskirts of Bani Zeid, Syrian state TV said.
Opposition activists said the fighting in Bani Zeid was continuing.
""", [C("Layramoun","Layramoun","government",P,"capture","Pro-government forces on Tuesday retook the Layramoun area")],
[N("Bani Zeid","advance / fighting continues")])

P="2016-09-24"
doc("en-reuters-handarat-2016", P, "en", "Reuters-style", """
BEIRUT, Sept 24 - Syrian troops and allied militias seized the Handarat Palestinian refugee camp north of Aleppo on Saturday, a military source told state television.
The camp, on high ground overlooking the Castello Road, had been in rebel hands for most of the war.
""", [C("Handarat Palestinian refugee camp","Handarat camp","government",P,"capture","seized the Handarat Palestinian refugee camp north of Aleppo on Saturday")],
[N("The camp","had been in rebel hands for most of the war: historic, no date")])

P="2016-11-27"
doc("en-afp-hanano-nov2016", P, "en", "AFP-style", """
BEIRUT, November 27 - Syrian regime forces recaptured the district of Masaken Hanano on Saturday, the first opposition-held neighbourhood to fall since the start of a government offensive on November 15, according to the Observatory.
By Sunday, troops and allied fighters had also taken Jabal Badro and Baadin, the monitor said.
""", [C("Masaken Hanano","Masaken Hanano","government",wd(P,"sat"),"capture","recaptured the district of Masaken Hanano on Saturday"),
      C("Jabal Badro","Jabal Badro","government",P,"capture","By Sunday, troops and allied fighters had also taken Jabal Badro and Baadin"),
      C("Baadin","Ba'aidin","government",P,"capture","By Sunday, troops and allied fighters had also taken Jabal Badro and Baadin")],
[N("Masaken Hanano","opposition-held before the capture: same sentence reports the capture")])

P="2016-11-28"
doc("en-bbc-haydariya-2016", P, "en", "BBC-style", """
The Syrian army says it has taken full control of the Haydariya, Sakhour and Sheikh Khodr districts, effectively splitting the rebel enclave in two.
Thousands of civilians fled Sakhour overnight towards the Kurdish-held neighbourhood of Sheikh Maqsoud.
""", [C("Haydariya","Haydariya","government",P,"capture","it has taken full control of the Haydariya, Sakhour and Sheikh Khodr districts"),
      C("Sakhour","Sakhour","government",P,"capture","it has taken full control of the Haydariya, Sakhour and Sheikh Khodr districts"),
      C("Sheikh Khodr","Sheikh Khodr","government",P,"capture","it has taken full control of the Haydariya, Sakhour and Sheikh Khodr districts"),
      C("Sheikh Maqsoud","Sheikh Maqsoud","kurds",P,"control","the Kurdish-held neighbourhood of Sheikh Maqsoud")],
[N("Sakhour","fled from")])

P="2016-11-27"
doc("en-anha-bustanbasha-2016", P, "en", "Kurdish outlet style", """
ALEPPO - YPG fighters entered the neighbourhood of Bustan al-Basha on Sunday and now control it entirely, after the armed groups withdrew, the Kurdish news agency reported.
Kurdish units also took over the Hellok district, the agency added.
""", [C("Bustan al-Basha","Bustan al-Basha","kurds",P,"capture","YPG fighters entered the neighbourhood of Bustan al-Basha on Sunday and now control it entirely"),
      C("Hellok","Hellok","kurds",P,"capture","Kurdish units also took over the Hellok district")])

P="2016-12-01"
doc("en-reuters-sheikhsaeed-2016", P, "en", "Reuters-style", """
Rebels said on Thursday they had recaptured Sheikh Saeed, a district in southern Aleppo that government forces seized a day earlier.
A military source denied the claim.
""", [C("Sheikh Saeed","Sheikh Saeed","rebels",P,"capture","Rebels said on Thursday they had recaptured Sheikh Saeed"),
      C("Sheikh Saeed","Sheikh Saeed","government",minus(P,1),"capture","that government forces seized a day earlier")])

P="2016-12-07"
doc("en-ap-oldcity-2016", P, "en", "AP-style", """
BEIRUT (AP) - Syrian troops captured most of Aleppo's Old City on Wednesday as rebels pulled back to the south.
The army also took the districts of Bab al-Hadid and Aqyol overnight, the state news agency SANA said.
""", [C("Bab al-Hadid","Bab al-Hadid","government",minus(P,1),"capture","The army also took the districts of Bab al-Hadid and Aqyol overnight", note=f"{P} also acceptable"),
      C("Aqyol","Aqyol","government",minus(P,1),"capture","The army also took the districts of Bab al-Hadid and Aqyol overnight", note=f"{P} also acceptable")],
[N("Old City","partial: most of")])

P="2016-12-05"
doc("en-sana-shaar-2016", P, "en", "SANA-style", """
Aleppo, SANA - Army units restored security and stability to the neighborhoods of Tariq al-Bab, Karm al-Jabal and al-Shaar in the eastern part of Aleppo city on Monday after eliminating the last terrorists there.
""", [C("Tariq al-Bab","Tariq al-Bab","government",P,"capture","Army units restored security and stability to the neighborhoods of Tariq al-Bab"),
      C("Karm al-Jabal","Karm al-Jabal","government",P,"capture","Army units restored security and stability to the neighborhoods of Tariq al-Bab, Karm al-Jabal"),
      C("al-Shaar","Shaar","government",P,"capture","Karm al-Jabal and al-Shaar")])

P="2016-12-15"
doc("en-guardian-evacuation-2016", P, "en", "Guardian-style", """
The first convoy of buses carrying fighters and civilians left the besieged enclave on Thursday, heading for opposition territory in Idlib province.
In Mashhad and Sukkari, thousands of people waited in the cold for their turn to leave, aid workers said.
""", [], [N("Mashhad","evacuation"), N("Sukkari","evacuation")])

P="2016-12-12"
doc("en-ft-sukkari-2016", P, "en", "FT-style", """
Rebels are now confined to a pocket of a few square kilometres, including the districts of Sukkari, Mashhad and Ansari, after the army seized Sheikh Saeed on Monday, the Observatory said.
""", [C("Sheikh Saeed","Sheikh Saeed","government",P,"capture","after the army seized Sheikh Saeed on Monday"),
      C("Sukkari","Sukkari","rebels",P,"control","Rebels are now confined to a pocket ... including the districts of Sukkari, Mashhad and Ansari"),
      C("Mashhad","Mashhad","rebels",P,"control","including the districts of Sukkari, Mashhad and Ansari"),
      C("Ansari","Ansari East","rebels",P,"control","including the districts of Sukkari, Mashhad and Ansari")])

P="2013-02-14"
doc("en-nyt-sakhour-2013", P, "en", "newspaper feature style", """
In Sakhour, a rebel-held district in the east of the city, residents queue for bread before dawn.
Government troops still hold the western half of the city, and snipers cover the crossing points.
""", [C("Sakhour","Sakhour","rebels",P,"control","a rebel-held district"),
      C("western half of the city","West Aleppo","government",P,"control","Government troops still hold the western half of the city")])

P="2014-01-08"
doc("en-reuters-qadiaskar-2014", P, "en", "Reuters-style", """
Fighters from the Islamic State of Iraq and the Levant were driven out of the Qadi Askar district, where they had set up their headquarters, by a coalition of rebel brigades, activists said on Wednesday.
""", [C("Qadi Askar","Qadi Askar","rebels",P,"capture","were driven out of the Qadi Askar district ... by a coalition of rebel brigades")],
[N("Qadi Askar","isis headquarters: before the capture")])

P="2016-11-29"
doc("en-bbc-jabalbadro-denial-2016", P, "en", "BBC-style", """
State media denied reports that rebels had recaptured Jabal Badro.
"The army remains in full control of the area," a military source said.
""", [C("the area","Jabal Badro","government",P,"control","The army remains in full control of the area")],
[N("Jabal Badro","denied recapture")])

P="2016-12-13"
doc("en-aljazeera-ansari-2016", P, "en", "Al Jazeera-style", """
Government forces and Iran-backed militias now control more than 90 percent of what was once the rebel-held east of Aleppo, after overrunning the Sukkari and Ansari neighbourhoods late on Monday.
""", [C("Sukkari","Sukkari","government",wd(P,"mon"),"capture","after overrunning the Sukkari and Ansari neighbourhoods late on Monday"),
      C("Ansari","Ansari East","government",wd(P,"mon"),"capture","after overrunning the Sukkari and Ansari neighbourhoods late on Monday")],
[N("east of Aleppo","partial: more than 90 percent; 'what was once'")])

P="2016-12-03"
doc("en-afp-tariqalbab-2016", P, "en", "AFP-style", """
Regime troops were advancing on Shaar, one of the largest rebel-held neighbourhoods, after capturing the Tariq al-Bab district on Friday, the Observatory said.
""", [C("Tariq al-Bab","Tariq al-Bab","government",wd(P,"fri"),"capture","after capturing the Tariq al-Bab district on Friday"),
      C("Shaar","Shaar","rebels",P,"control","Shaar, one of the largest rebel-held neighbourhoods")],
[N("Shaar","advance")])

P="2016-12-10"
doc("en-ap-russianbacked-2016", P, "en", "AP-style", """
Russian-backed troops pushed into the southern neighbourhood of Sheikh Saeed on Saturday but were unable to take it, opposition activists said.
Jihadists of Fateh al-Sham, formerly known as the Nusra Front, still hold the district, according to the monitoring group.
""", [C("the district","Sheikh Saeed","rebels",P,"control","Jihadists of Fateh al-Sham ... still hold the district")],
[N("Sheikh Saeed","attempt / advance")])

# ---------------- French ----------------
P="2012-07-29"
doc("fr-afp-salaheddine-2012", P, "fr", "AFP-style", """
ALEP (Syrie), 29 juil 2012 (AFP) - L'armée syrienne a lancé dimanche une vaste offensive terrestre contre le quartier de Salaheddine, tenu par les rebelles depuis plus d'une semaine, selon des militants.
""", [C("Salaheddine","Salaheddine","rebels",P,"control","le quartier de Salaheddine, tenu par les rebelles depuis plus d'une semaine")],
[N("Salaheddine","offensive")])

P="2012-08-09"
doc("fr-lemonde-salaheddine-2012", P, "fr", "Le Monde-style", """
Les insurgés se sont retirés jeudi du quartier de Salaheddine, qui a été repris par les forces gouvernementales, a annoncé un commandant de l'Armée syrienne libre.
""", [C("Salaheddine","Salaheddine","government",wd(P,"thu"),"capture","qui a été repris par les forces gouvernementales")],
[N("Salaheddine","withdrawal")])

P="2012-09-08"
doc("fr-rfi-hanano-2012", P, "fr", "RFI-style", """
Les rebelles ont pris samedi le contrôle de la caserne Hanano, la plus grande de la ville, après plusieurs heures de combats.
Ils tiennent désormais les quartiers de Sakhour et de Haydariyé, selon l'OSDH.
""", [C("Sakhour","Sakhour","rebels",P,"control","Ils tiennent désormais les quartiers de Sakhour et de Haydariyé"),
      C("Haydariyé","Haydariya","rebels",P,"control","Ils tiennent désormais les quartiers de Sakhour et de Haydariyé")],
[N("caserne Hanano","landmark")])

P="2013-04-09"
doc("fr-f24-cheikhmaqsoud-2013", P, "fr", "France 24-style", """
Le quartier à majorité kurde de Cheikh Maqsoud, contrôlé par les Unités de protection du peuple (YPG), a été pilonné mardi par l'aviation du régime.
""", [C("Cheikh Maqsoud","Sheikh Maqsoud","kurds",P,"control","Cheikh Maqsoud, contrôlé par les Unités de protection du peuple (YPG)")],
[N("Cheikh Maqsoud","shelling")])

P="2014-06-15"
doc("fr-lemonde-stalemate-2014", P, "fr", "Le Monde-style", """
Depuis l'été 2012, Alep est coupée en deux : l'ouest aux mains du régime, l'est contrôlé par les rebelles.
Les barils d'explosifs largués par les hélicoptères frappent chaque jour les quartiers insurgés.
""", [C("l'ouest","West Aleppo","government","2012","control","l'ouest aux mains du régime"),
      C("l'est","East Aleppo","rebels","2012","control","l'est contrôlé par les rebelles")])

P="2015-03-03"
doc("fr-afp-cheikhsaid-2015", P, "fr", "AFP-style", """
Les forces loyalistes ont tenté sans succès mardi de reprendre le quartier de Cheikh Saïd, selon l'OSDH.
Les jihadistes du Front al-Nosra contrôlent toujours ce secteur, a précisé l'ONG.
""", [C("ce secteur","Sheikh Saeed","rebels",P,"control","Les jihadistes du Front al-Nosra contrôlent toujours ce secteur")],
[N("Cheikh Saïd","attempt")])

P="2016-07-17"
doc("fr-afp-castello-2016", P, "fr", "AFP-style", """
BEYROUTH, 17 juil 2016 (AFP) - Les forces du régime ont coupé dimanche la route du Castello, dernière voie d'approvisionnement des quartiers rebelles d'Alep, après s'être emparées de hauteurs surplombant l'axe, selon l'OSDH.
""", [C("quartiers rebelles d'Alep","East Aleppo","rebels",P,"control","des quartiers rebelles d'Alep")],
[N("route du Castello","road"), N("hauteurs","hills")])

P="2016-08-06"
doc("fr-rfi-ramouseh-2016", P, "fr", "RFI-style", """
Les rebelles et leurs alliés jihadistes de Fateh al-Cham ont pris samedi le contrôle du quartier de Ramoussa, dans le sud-ouest d'Alep, brisant le siège imposé depuis trois semaines aux quartiers est, a rapporté l'OSDH.
""", [C("Ramoussa","Ramouseh","rebels",P,"capture","ont pris samedi le contrôle du quartier de Ramoussa")],
[N("quartiers est","siege")])

P="2016-09-04"
doc("fr-f24-ramouseh-reprise-2016", P, "fr", "France 24-style", """
L'armée syrienne a reconquis dimanche le quartier de Ramoussa et les écoles militaires voisines, rétablissant le siège des quartiers rebelles, a annoncé la télévision d'État.
""", [C("Ramoussa","Ramouseh","government",P,"capture","L'armée syrienne a reconquis dimanche le quartier de Ramoussa"),
      C("quartiers rebelles","East Aleppo","rebels",P,"control","le siège des quartiers rebelles")],
[N("écoles militaires","landmark")])

P="2016-09-26"
doc("fr-f24-handarat-2016", P, "fr", "France 24-style", """
Le camp de réfugiés palestiniens de Handarat, au nord d'Alep, a été repris samedi par les rebelles, deux jours après sa prise jeudi par l'armée, selon l'Observatoire.
""", [C("Handarat","Handarat camp","rebels",wd(P,"sat"),"capture","a été repris samedi par les rebelles"),
      C("Handarat","Handarat camp","government",wd(P,"thu"),"capture","sa prise jeudi par l'armée")])

P="2016-11-27"
doc("fr-afp-hanano-2016", P, "fr", "AFP-style", """
Les forces gouvernementales ont conquis samedi Massaken Hanano, le plus grand quartier d'Alep-Est, selon l'OSDH.
Il s'agit du premier quartier rebelle à tomber depuis le début de l'offensive, le 15 novembre.
""", [C("Massaken Hanano","Masaken Hanano","government",wd(P,"sat"),"capture","Les forces gouvernementales ont conquis samedi Massaken Hanano")])

P="2016-11-28"
doc("fr-rfi-nordest-2016", P, "fr", "RFI-style", """
Après la chute de Jabal Badro, de Baadine et de Haydariyé, c'est tout le nord d'Alep-Est qui est passé lundi sous le contrôle du régime, a indiqué l'Observatoire.
""", [C("le nord d'Alep-Est","north-east Aleppo","government",P,"capture","c'est tout le nord d'Alep-Est qui est passé lundi sous le contrôle du régime")],
[N("Jabal Badro","fall, no taker named in the clause", implied=dict(mention="Jabal Badro",canonical="Jabal Badro",faction="government",date=P)),
 N("Baadine","fall, no taker named in the clause", implied=dict(mention="Baadine",canonical="Ba'aidin",faction="government",date=P)),
 N("Haydariyé","fall, no taker named in the clause", implied=dict(mention="Haydariyé",canonical="Haydariya",faction="government",date=P))])

P="2016-11-29"
doc("fr-lemonde-cheikhfares-2016", P, "fr", "Le Monde-style", """
Profitant de la débâcle rebelle, les combattants kurdes des YPG se sont emparés lundi de Cheikh Farès, voisin de leur fief de Cheikh Maqsoud.
""", [C("Cheikh Farès","Sheikh Fares","kurds",wd(P,"mon"),"capture","les combattants kurdes des YPG se sont emparés lundi de Cheikh Farès"),
      C("Cheikh Maqsoud","Sheikh Maqsoud","kurds",P,"control","leur fief de Cheikh Maqsoud")])

P="2016-12-07"
doc("fr-afp-vieilleville-2016", P, "fr", "AFP-style", """
Les rebelles se sont retirés mercredi de la Vieille ville d'Alep, aussitôt investie par l'armée, selon l'OSDH.
« Le régime contrôle désormais plus de 70 % de l'est d'Alep », a déclaré le directeur de l'ONG.
""", [C("la Vieille ville","Old City","government",P,"capture","la Vieille ville d'Alep, aussitôt investie par l'armée")],
[N("l'est d'Alep","partial: 70 %")])

P="2016-12-02"
doc("fr-rfi-cheikhsaid-2016", P, "fr", "RFI-style", """
Les combattants de Fateh al-Cham ont repris vendredi le quartier de Cheikh Saïd, perdu la veille face aux troupes prorégime, selon des sources concordantes.
""", [C("Cheikh Saïd","Sheikh Saeed","rebels",P,"capture","ont repris vendredi le quartier de Cheikh Saïd"),
      C("Cheikh Saïd","Sheikh Saeed","government",minus(P,1),"capture","perdu la veille face aux troupes prorégime")])

P="2016-12-16"
doc("fr-lemonde-ansari-2016", P, "fr", "Le Monde-style", """
Quelque 8 000 personnes ont quitté jeudi le réduit assiégé à bord de bus verts, sous la supervision du Comité international de la Croix-Rouge.
Jeudi soir, le quartier d'Ansari est passé sous le contrôle des forces prorégime, selon la télévision d'État.
""", [C("Ansari","Ansari East","government",wd(P,"thu"),"capture","Jeudi soir, le quartier d'Ansari est passé sous le contrôle des forces prorégime")],
[N("le réduit assiégé","evacuation")])

P="2016-12-05"
doc("fr-afp-karmjabal-2016", P, "fr", "AFP-style", """
Les quartiers de Karm al-Jabal et de Tariq al-Bab ont été conquis lundi par les forces prorégime, selon l'Observatoire, qui fait état de violents combats à Chaar.
""", [C("Karm al-Jabal","Karm al-Jabal","government",P,"capture","Les quartiers de Karm al-Jabal et de Tariq al-Bab ont été conquis lundi par les forces prorégime"),
      C("Tariq al-Bab","Tariq al-Bab","government",P,"capture","Les quartiers de Karm al-Jabal et de Tariq al-Bab ont été conquis lundi par les forces prorégime")],
[N("Chaar","fighting")])

P="2013-10-20"
doc("fr-rfi-boustanqasr-2013", P, "fr", "RFI-style", """
Dans le quartier de Boustane al-Qasr, tenu par l'opposition, un point de passage vers les zones gouvernementales est régulièrement visé par des tireurs embusqués.
""", [C("Boustane al-Qasr","Bustan al-Qasr","rebels",P,"control","le quartier de Boustane al-Qasr, tenu par l'opposition")],
[N("zones gouvernementales","not a named region")])

P="2016-12-13"
doc("fr-f24-soukkari-2016", P, "fr", "France 24-style", """
Les rebelles, repliés dans une poignée de quartiers du sud-est comme Soukkari et Machhad, n'ont pas réussi à reprendre Cheikh Saïd, tombé lundi.
""", [C("Soukkari","Sukkari","rebels",P,"control","Les rebelles, repliés dans une poignée de quartiers du sud-est comme Soukkari et Machhad"),
      C("Machhad","Mashhad","rebels",P,"control","Les rebelles, repliés dans une poignée de quartiers du sud-est comme Soukkari et Machhad")],
[N("Cheikh Saïd","failed attempt by rebels"),
 N("Cheikh Saïd","fell, no taker named", implied=dict(mention="Cheikh Saïd",canonical="Sheikh Saeed",faction="government",date=wd(P,"mon")))])

P="2015-05-14"
doc("fr-lemonde-midane-2015", P, "fr", "Le Monde-style", """
Les rebelles ont bombardé jeudi le quartier gouvernemental de Midane, faisant cinq morts selon l'agence officielle SANA.
""", [C("Midane","Midan","government",P,"control","le quartier gouvernemental de Midane")],
[N("Midane","shelling")])

P="2016-12-08"
doc("fr-afp-cheikhlotfi-2016", P, "fr", "AFP-style", """
ALEP, 8 déc 2016 (AFP) - Selon l'agence officielle Sana, l'armée a pris le contrôle le 7 décembre des quartiers de Cheikh Lotfi et de Marjé, dans le sud-est de la ville.
Les rebelles affirment toutefois que les combats se poursuivent à Marjé.
""", [C("Cheikh Lotfi","Sheikh Lutfi","government","2016-12-07","capture","l'armée a pris le contrôle le 7 décembre des quartiers de Cheikh Lotfi et de Marjé"),
      C("Marjé","Marjeh","government","2016-12-07","capture","l'armée a pris le contrôle le 7 décembre des quartiers de Cheikh Lotfi et de Marjé")],
[N("Marjé","fighting continues (rebel claim)")])

P="2016-11-30"
doc("fr-rfi-sakhour-hier-2016", P, "fr", "RFI-style", """
Hier, les troupes d'Assad et les milices chiites venues d'Irak ont achevé la reprise du quartier de Sakhour.
Selon un responsable rebelle, les insurgés n'ont pas l'intention d'abandonner Cheikh Saïd.
""", [C("Sakhour","Sakhour","government",minus(P,1),"capture","ont achevé la reprise du quartier de Sakhour")],
[N("Cheikh Saïd","intention / negation")])

# ---------------- other languages ----------------
P="2016-12-12"
doc("ar-sana-sheikhsaeed-2016", P, "ar", "SANA-style (Arabic)", """
سيطرت وحدات من الجيش العربي السوري اليوم على حي الشيخ سعيد جنوب مدينة حلب بعد القضاء على آخر تجمعات الإرهابيين فيه.
""", [C("حي الشيخ سعيد","Sheikh Saeed","government",P,"capture","سيطرت وحدات من الجيش العربي السوري اليوم على حي الشيخ سعيد")])

P="2016-08-06"
doc("ar-aljazeera-ramouseh-2016", P, "ar", "Al Jazeera-style (Arabic)", """
أعلنت فصائل المعارضة المسلحة اليوم السبت سيطرتها على حي الراموسة جنوب غربي حلب، وكسر الحصار عن الأحياء الشرقية للمدينة.
""", [C("حي الراموسة","Ramouseh","rebels",P,"capture","أعلنت فصائل المعارضة المسلحة اليوم السبت سيطرتها على حي الراموسة")],
[N("الأحياء الشرقية","siege broken")])

P="2016-11-28"
doc("es-efe-haydariya-2016", P, "es", "EFE-style", """
Las tropas gubernamentales sirias tomaron este lunes los barrios de Haydariya y Sajur, en el noreste de Alepo, según el Observatorio Sirio de Derechos Humanos.
""", [C("Haydariya","Haydariya","government",P,"capture","tomaron este lunes los barrios de Haydariya y Sajur"),
      C("Sajur","Sakhour","government",P,"capture","tomaron este lunes los barrios de Haydariya y Sajur")])

P="2016-12-07"
doc("it-ansa-cittavecchia-2016", P, "it", "ANSA-style", """
Le forze governative siriane hanno conquistato la Città vecchia di Aleppo, abbandonata dai ribelli nella notte, secondo l'Osservatorio siriano per i diritti umani.
""", [C("Città vecchia","Old City","government",P,"capture","Le forze governative siriane hanno conquistato la Città vecchia di Aleppo")])

P="2012-07-28"
doc("pt-lusa-salaheddine-2012", P, "pt", "Lusa-style", """
Os rebeldes sírios controlam vários bairros de Alepo, entre eles Salaheddine e Sakhour, segundo ativistas.
""", [C("Salaheddine","Salaheddine","rebels",P,"control","Os rebeldes sírios controlam vários bairros de Alepo, entre eles Salaheddine e Sakhour"),
      C("Sakhour","Sakhour","rebels",P,"control","entre eles Salaheddine e Sakhour")])


# ---------------- batch 2 (written after the first round of fixes, scored before any further change) ----------------
BATCH2_START = len(DOCS)
P="2013-02-18"
doc("en-ap-sheikhsaid-2013", P, "en", "AP-style", """
BEIRUT (AP) - Rebels captured the Sheikh Said district on the southern edge of Aleppo early on Sunday after a week-long battle, the Britain-based Observatory said.
""", [C("Sheikh Said","Sheikh Saeed","rebels",wd(P,"sun"),"capture","Rebels captured the Sheikh Said district ... early on Sunday")])

P="2016-07-27"
doc("en-reuters-banizeid-denial-2016", P, "en", "Reuters-style", """
Contrary to earlier reports, the government has not retaken Bani Zeid, a rebel commander told Reuters. The district remains in rebel hands, he said.
""", [C("The district","Bani Zeid","rebels",P,"control","The district remains in rebel hands")],
[N("Bani Zeid","negation: has not retaken")])

P="2016-11-30"
doc("en-bbc-ypg-2016", P, "en", "BBC-style", """
Kurdish YPG fighters, who control the Sheikh Maqsoud enclave, have stayed out of the battle for the east.
""", [C("Sheikh Maqsoud","Sheikh Maqsoud","kurds",P,"control","Kurdish YPG fighters, who control the Sheikh Maqsoud enclave")])

P="2016-11-29"
doc("en-sana-jabalbadro-2016", P, "en", "SANA-style", """
Army engineering units dismantled explosive devices in Jabal Badro, which was liberated from terrorism on Sunday, SANA's reporter said.
""", [C("Jabal Badro","Jabal Badro","government",wd(P,"sun"),"capture","Jabal Badro, which was liberated from terrorism on Sunday")])

P="2016-12-08"
doc("en-guardian-oldcity-2016", P, "en", "Guardian-style", """
Pro-Assad forces have seized full control of the Old City, including the historic souks around the citadel, according to a Syrian military official.
""", [C("the Old City","Old City","government",P,"capture","Pro-Assad forces have seized full control of the Old City")],
[N("citadel","landmark")])

P="2016-11-30"
doc("en-reuters-retraction-2016", P, "en", "Reuters-style", """
An earlier version of this story said rebels had retaken the Sheikh Khodr district. The Observatory later said the district was still held by government forces.
""", [C("the district","Sheikh Khodr","government",P,"control","the district was still held by government forces")],
[N("Sheikh Khodr","retracted report")])

P="2012-07-30"
doc("en-ap-saifdawla-2012", P, "en", "AP-style", """
By nightfall, the Free Syrian Army was in control of much of Saif al-Dawla, and government snipers had been pushed back from the Bustan al-Qasr crossing.
Opposition fighters have controlled the neighbouring Salaheddine district since Friday.
""", [C("Salaheddine","Salaheddine","rebels",wd(P,"fri"),"control","Opposition fighters have controlled the neighbouring Salaheddine district since Friday", note=f"{P} also acceptable")],
[N("Saif al-Dawla","partial: much of"), N("Bustan al-Qasr crossing","landmark")])

P="2016-07-25"
doc("en-aljazeera-layramoun-2016", P, "en", "Al Jazeera-style", """
Government troops advanced in Layramoun on Monday but rebels still held the Bani Zeid neighbourhood, activists said.
""", [C("Bani Zeid","Bani Zeid","rebels",P,"control","rebels still held the Bani Zeid neighbourhood")],
[N("Layramoun","advance")])

P="2016-12-23"
doc("en-ft-aleppo-2016", P, "en", "FT-style", """
With the departure of the last buses, the government declared on Thursday that it had regained control of all of Aleppo.
""", [C("all of Aleppo","Aleppo","government",wd(P,"thu"),"capture","it had regained control of all of Aleppo")])

P="2013-10-27"
doc("en-hawar-sheikhmaqsoud-2013", P, "en", "Kurdish outlet style", """
Clashes broke out between YPG units and Islamist brigades on the outskirts of Sheikh Maqsoud, which has been under Kurdish control since late 2012.
""", [C("Sheikh Maqsoud","Sheikh Maqsoud","kurds","2012","control","Sheikh Maqsoud, which has been under Kurdish control since late 2012")])

P="2012-09-27"
doc("fr-afp-babalhadid-2012", P, "fr", "AFP-style", """
Les rebelles ont affirmé jeudi avoir pris le contrôle de Bab al-Hadid, l'un des quartiers de la vieille ville, après de violents combats.
""", [C("Bab al-Hadid","Bab al-Hadid","rebels",P,"capture","avoir pris le contrôle de Bab al-Hadid")])

P="2013-06-10"
doc("fr-lemonde-alep-2013", P, "fr", "Le Monde-style", """
À Alep, les insurgés tiennent toujours la majeure partie des quartiers est, tandis que le régime contrôle l'ouest de la ville.
""", [C("l'ouest de la ville","West Aleppo","government",P,"control","le régime contrôle l'ouest de la ville")],
[N("quartiers est","partial: majeure partie")])

P="2016-11-28"
doc("fr-rfi-jabalbadro-2016", P, "fr", "RFI-style", """
Dimanche, l'armée a repris le contrôle de Jabal Badro et de Baadine, deux quartiers situés au nord-est d'Alep.
""", [C("Jabal Badro","Jabal Badro","government",wd(P,"sun"),"capture","Dimanche, l'armée a repris le contrôle de Jabal Badro et de Baadine"),
      C("Baadine","Ba'aidin","government",wd(P,"sun"),"capture","Dimanche, l'armée a repris le contrôle de Jabal Badro et de Baadine")])

P="2016-11-27"
doc("fr-f24-boustanbacha-2016", P, "fr", "France 24-style", """
Selon l'OSDH, les forces kurdes ont profité de l'effondrement des défenses rebelles pour s'emparer du quartier de Boustane al-Bacha.
""", [C("Boustane al-Bacha","Bustan al-Basha","kurds",P,"capture","les forces kurdes ont profité de l'effondrement des défenses rebelles pour s'emparer du quartier de Boustane al-Bacha")])

P="2016-12-01"
doc("fr-lemonde-dementi-2016", P, "fr", "Le Monde-style", """
Damas a démenti jeudi la perte du quartier de Cheikh Saïd, affirmant que l'armée en gardait le contrôle.
""", [C("Cheikh Saïd","Sheikh Saeed","government",P,"control","l'armée en gardait le contrôle")],
[N("Cheikh Saïd","denied loss")])

P="2016-11-27"
doc("fr-afp-hanano-securise-2016", P, "fr", "AFP-style", """
Massaken Hanano, premier quartier d'Alep-Est à avoir été arraché aux rebelles, a été entièrement sécurisé samedi par l'armée, a affirmé une source militaire.
""", [C("Massaken Hanano","Masaken Hanano","government",wd(P,"sat"),"capture","Massaken Hanano ... a été entièrement sécurisé samedi par l'armée")])

P="2016-11-29"
doc("fr-rfi-sakhour-2016", P, "fr", "RFI-style", """
La reprise de Sakhour par les troupes gouvernementales, lundi, coupe en deux le territoire tenu par l'opposition.
""", [C("Sakhour","Sakhour","government",wd(P,"mon"),"capture","La reprise de Sakhour par les troupes gouvernementales, lundi")],
[N("le territoire","not a named region")])

P="2016-12-03"
doc("fr-f24-karmjabal-2016", P, "fr", "France 24-style", """
Après Tariq al-Bab, ce sont les quartiers de Karm al-Jabal et de Chaar qui sont tombés aux mains du régime.
""", [C("Karm al-Jabal","Karm al-Jabal","government",P,"capture","les quartiers de Karm al-Jabal et de Chaar qui sont tombés aux mains du régime"),
      C("Chaar","Shaar","government",P,"capture","les quartiers de Karm al-Jabal et de Chaar qui sont tombés aux mains du régime")],
[N("Tariq al-Bab","implied earlier fall", implied=dict(mention="Tariq al-Bab",canonical="Tariq al-Bab",faction="government",date=P))])

P="2012-08-05"
doc("fr-lemonde-salaheddine-dementi-2012", P, "fr", "Le Monde-style", """
Contrairement à ce qu'affirme la télévision d'État, le quartier de Salaheddine n'est pas tombé, assure un porte-parole des rebelles, qui affirment en contrôler toujours la moitié.
""", [], [N("Salaheddine","negation; half of a quarter")])

P="2016-12-22"
doc("fr-afp-amiriye-2016", P, "fr", "AFP-style", """
Les derniers combattants ont quitté jeudi le quartier d'Amiriyé, que l'armée a aussitôt investi, selon la télévision d'État.
""", [C("Amiriyé","Amiriyah","government",P,"capture","le quartier d'Amiriyé, que l'armée a aussitôt investi")])

P="2014-07-04"
doc("fr-rfi-cheikhnajjar-2014", P, "fr", "RFI-style", """
L'armée syrienne a repris jeudi la zone industrielle de Cheikh Najjar, au nord-est d'Alep, après des mois de combats avec les rebelles, selon l'agence officielle Sana.
""", [C("zone industrielle de Cheikh Najjar","Sheikh Najjar industrial city","government",wd(P,"thu"),"capture","L'armée syrienne a repris jeudi la zone industrielle de Cheikh Najjar")])

P="2016-12-13"
doc("es-efe-ansari-2016", P, "es", "EFE-style", """
El Ejército sirio recuperó este martes el control del barrio de Al Ansari, según la televisión estatal.
""", [C("Al Ansari","Ansari East","government",P,"capture","El Ejército sirio recuperó este martes el control del barrio de Al Ansari")])

P="2016-11-29"
doc("it-agi-sheikhfares-2016", P, "it", "AGI-style", """
Le milizie curde hanno preso il controllo del quartiere di Sheikh Fares, secondo l'Osservatorio.
""", [C("Sheikh Fares","Sheikh Fares","kurds",P,"capture","Le milizie curde hanno preso il controllo del quartiere di Sheikh Fares")])

P="2016-11-27"
doc("ar-hanano-2016", P, "ar", "Arabic agency style", """
استعاد الجيش السوري السيطرة على حي مساكن هنانو أمس بعد معارك عنيفة.
""", [C("مساكن هنانو","Masaken Hanano","government",minus(P,1),"capture","استعاد الجيش السوري السيطرة على حي مساكن هنانو أمس")])


# ---------------- batch 3 (written after the second round of fixes, scored before any further change) ----------------
BATCH3_START = len(DOCS)
P="2012-09-10"
doc("en-afp-sakhour-quote-2012", P, "en", "AFP-style", """
"We liberated Sakhour this morning," said a rebel commander who gave his name as Abu Bakr.
""", [C("Sakhour","Sakhour","rebels",P,"capture","We liberated Sakhour this morning")])

P="2016-11-28"
doc("en-reuters-bustanbasha-contradict-2016", P, "en", "Reuters-style", """
State television said troops had taken control of Bustan al-Basha, but the Observatory said the district was now held by the Kurdish YPG.
""", [C("Bustan al-Basha","Bustan al-Basha","government",P,"capture","troops had taken control of Bustan al-Basha"),
      C("the district","Bustan al-Basha","kurds",P,"control","the district was now held by the Kurdish YPG")])

P="2016-11-29"
doc("en-bbc-ardhamra-2016", P, "en", "BBC-style", """
In quick succession, Ard al-Hamra, Inzarat and Ain al-Tal were overrun by pro-government militias on Monday.
""", [C("Ard al-Hamra","Ard al-Hamra","government",wd(P,"mon"),"capture","Ard al-Hamra, Inzarat and Ain al-Tal were overrun by pro-government militias on Monday"),
      C("Inzarat","Inzarat","government",wd(P,"mon"),"capture","Ard al-Hamra, Inzarat and Ain al-Tal were overrun by pro-government militias on Monday"),
      C("Ain al-Tal","Ain al-Tal","government",wd(P,"mon"),"capture","Ard al-Hamra, Inzarat and Ain al-Tal were overrun by pro-government militias on Monday")])

P="2016-12-13"
doc("en-ap-sheikhsaeed-fell-2016", P, "en", "AP-style", """
Hezbollah fighters and Iraqi Shiite militiamen spearheaded the assault on Sheikh Saeed, which fell on Monday after fierce resistance.
""", [], [N("Sheikh Saeed","fell, no taker named", implied=dict(mention="Sheikh Saeed",canonical="Sheikh Saeed",faction="government",date=wd(P,"mon")))])

P="2014-07-20"
doc("en-guardian-easternhalf-2014", P, "en", "Guardian-style", """
For two years the rebels have run the eastern half of the city, from Hanano in the north to Sukkari in the south.
""", [C("the eastern half of the city","East Aleppo","rebels",P,"control","the rebels have run the eastern half of the city")],
[N("Hanano","boundary of a region", implied=dict(mention="Hanano",canonical="Masaken Hanano",faction="rebels",date=P)),
 N("Sukkari","boundary of a region", implied=dict(mention="Sukkari",canonical="Sukkari",faction="rebels",date=P))])

P="2016-11-29"
doc("en-sohr-ypg-expand-2016", P, "en", "SOHR statement style", """
The Kurdish People's Protection Units (YPG) have expanded their control to the Sheikh Fares and Hellok areas after opposition factions withdrew, the Observatory said.
""", [C("Sheikh Fares","Sheikh Fares","kurds",P,"capture","have expanded their control to the Sheikh Fares and Hellok areas"),
      C("Hellok","Hellok","kurds",P,"capture","have expanded their control to the Sheikh Fares and Hellok areas")])

P="2016-12-09"
doc("en-ap-sheikhlutfi-2016", P, "en", "AP-style", """
Government troops pushed deeper into eastern Aleppo on Thursday, taking the neighbourhood of Sheikh Lutfi after days of clashes.
""", [C("Sheikh Lutfi","Sheikh Lutfi","government",wd(P,"thu"),"capture","taking the neighbourhood of Sheikh Lutfi")],
[N("eastern Aleppo","advance")])

P="2016-09-05"
doc("en-reuters-ramouseh-positions-2016", P, "en", "Reuters-style", """
The army has recaptured all the positions it lost in the Ramouseh area last month, a Syrian military source said.
""", [], [N("Ramouseh","positions in: partial")])

P="2016-11-28"
doc("en-nyt-abandoned-2016", P, "en", "newspaper style", """
As the government advanced, the rebels abandoned Sakhour, Haydariya and Sheikh Khodr without a fight.
""", [], [N("Sakhour","withdrawal, no taker named"), N("Haydariya","withdrawal"), N("Sheikh Khodr","withdrawal")])

P="2016-12-12"
doc("en-sana-sukkari-2016", P, "en", "SANA-style", """
Units of the Syrian Arab Army, in cooperation with allied forces, have taken full control of al-Sukkari neighborhood after eliminating the remaining terrorists there.
""", [C("al-Sukkari","Sukkari","government",P,"capture","have taken full control of al-Sukkari neighborhood")])

P="2012-07-26"
doc("fr-afp-seifdawla-2012", P, "fr", "AFP-style", """
Les rebelles se sont emparés mercredi du quartier de Seif al-Dawla, proche de Salaheddine, d'où ils tiennent en respect les blindés de l'armée.
""", [C("Seif al-Dawla","Saif al-Dawla","rebels",wd(P,"wed"),"capture","Les rebelles se sont emparés mercredi du quartier de Seif al-Dawla")])

P="2016-11-27"
doc("fr-lemonde-hanano-defaite-2016", P, "fr", "Le Monde-style", """
C'est une défaite majeure pour l'opposition : le quartier de Massaken Hanano, qu'elle contrôlait depuis 2012, est tombé samedi.
""", [C("Massaken Hanano","Masaken Hanano","rebels","2012","control","le quartier de Massaken Hanano, qu'elle contrôlait depuis 2012")],
[N("Massaken Hanano","fell, no taker named", implied=dict(mention="Massaken Hanano",canonical="Masaken Hanano",faction="government",date=wd(P,"sat")))])

P="2016-12-12"
doc("fr-rfi-cheikhsaid-chasse-2016", P, "fr", "RFI-style", """
Les forces loyalistes affirment avoir chassé les rebelles de Cheikh Saïd, ce que dément l'opposition.
""", [C("Cheikh Saïd","Sheikh Saeed","government",P,"capture","Les forces loyalistes affirment avoir chassé les rebelles de Cheikh Saïd")])

P="2016-11-28"
doc("fr-f24-deplaces-2016", P, "fr", "France 24-style", """
Dans le quartier kurde de Cheikh Maqsoud, tenu par les YPG, des centaines de déplacés sont arrivés dimanche.
""", [C("Cheikh Maqsoud","Sheikh Maqsoud","kurds",P,"control","Cheikh Maqsoud, tenu par les YPG")],
[N("Cheikh Maqsoud","arrival of displaced people")])

P="2016-12-08"
doc("fr-afp-vieilleville-ensemble-2016", P, "fr", "AFP-style", """
Les forces du régime contrôlent désormais l'ensemble de la vieille ville d'Alep, selon l'OSDH.
""", [C("la vieille ville","Old City","government",P,"control","Les forces du régime contrôlent désormais l'ensemble de la vieille ville d'Alep")])

P="2014-01-09"
doc("fr-rfi-eiil-2014", P, "fr", "RFI-style", """
L'État islamique en Irak et au Levant (EIIL) a été chassé mercredi de ses positions dans le quartier de Qadi Askar par une coalition de groupes rebelles.
""", [], [N("Qadi Askar","positions in: partial")])

P="2016-12-14"
doc("fr-lemonde-paches-2016", P, "fr", "Le Monde-style", """
Les derniers insurgés tiennent encore quelques pâtés de maisons à Soukkari et dans une partie d'Al-Machhad.
""", [], [N("Soukkari","partial: a few blocks"), N("Al-Machhad","partial: une partie")])

P="2016-08-01"
doc("fr-afp-layramoun-repasse-2016", P, "fr", "AFP-style", """
Le quartier de Layramoun, dans le nord-ouest d'Alep, est repassé dimanche sous le contrôle des forces gouvernementales.
""", [C("Layramoun","Layramoun","government",wd(P,"sun"),"capture","Le quartier de Layramoun ... est repassé dimanche sous le contrôle des forces gouvernementales")])

P="2016-12-02"
doc("fr-rfi-contreoffensive-2016", P, "fr", "RFI-style", """
Les jihadistes de Fateh al-Cham et leurs alliés ont lancé vendredi une contre-offensive pour reprendre Hanano, sans succès.
""", [], [N("Hanano","attempt")])

P="2016-11-28"
doc("fr-f24-sakhour-officier-2016", P, "fr", "France 24-style", """
« Nous avons libéré Sakhour et nous avançons vers Cheikh Khodr », a déclaré à l'AFP un officier syrien.
""", [C("Sakhour","Sakhour","government",P,"capture","Nous avons libéré Sakhour")],
[N("Cheikh Khodr","advance")])

P="2016-11-29"
doc("es-europapress-kurdos-2016", P, "es", "Europa Press-style", """
Las fuerzas kurdas controlan el barrio de Sheij Maqsud desde 2012.
""", [C("Sheij Maqsud","Sheikh Maqsoud","kurds","2012","control","Las fuerzas kurdas controlan el barrio de Sheij Maqsud desde 2012")])

P="2016-11-28"
doc("pt-lusa-sakhur-2016", P, "pt", "Lusa-style", """
As forças do regime sírio retomaram nesta segunda-feira o bairro de Sakhur, em Alepo.
""", [C("Sakhur","Sakhour","government",P,"capture","retomaram nesta segunda-feira o bairro de Sakhur")])

P="2016-11-29"
doc("ar-ypg-sheikhfares-2016", P, "ar", "Kurdish outlet style (Arabic)", """
وسيطرت وحدات حماية الشعب الكردية على حي الشيخ فارس بعد انسحاب الفصائل منه.
""", [C("حي الشيخ فارس","Sheikh Fares","kurds",P,"capture","وسيطرت وحدات حماية الشعب الكردية على حي الشيخ فارس")])


# ---------------- batch 4 (written after the third round of fixes; its first score is the final unseen estimate) ----------------
BATCH4_START = len(DOCS)
P="2016-12-08"
doc("en-afp-babnairab-2016", P, "en", "AFP-style", """
Regime forces on Wednesday seized the neighbourhoods of Bab al-Nairab, Qadi Askar and Salhin, the Observatory said, leaving rebels with a shrinking sliver of territory.
""", [C("Bab al-Nairab","Bab al-Nairab (Muhammad Bek)","government",wd(P,"wed"),"capture","Regime forces on Wednesday seized the neighbourhoods of Bab al-Nairab, Qadi Askar and Salhin"),
      C("Qadi Askar","Qadi Askar","government",wd(P,"wed"),"capture","Regime forces on Wednesday seized the neighbourhoods of Bab al-Nairab, Qadi Askar and Salhin"),
      C("Salhin","Salihin","government",wd(P,"wed"),"capture","Regime forces on Wednesday seized the neighbourhoods of Bab al-Nairab, Qadi Askar and Salhin")])

P="2015-10-10"
doc("en-reuters-division-2015", P, "en", "Reuters-style", """
Government forces hold the west of the city while insurgents control the east, a division that has barely shifted since 2013.
""", [C("the west of the city","West Aleppo","government",P,"control","Government forces hold the west of the city", note="2013 also acceptable"),
      C("the east","East Aleppo","rebels",P,"control","insurgents control the east", note="2013 also acceptable")])

P="2016-12-01"
doc("en-ap-ypg-deny-2016", P, "en", "AP-style", """
A YPG spokesman denied that Kurdish fighters had handed over Sheikh Maqsoud to government forces.
""", [], [N("Sheikh Maqsoud","denial")])

P="2016-11-28"
doc("en-bbc-jabalbadro-fell-2016", P, "en", "BBC-style", """
Jabal Badro fell to the army on Sunday, a day after troops stormed Masaken Hanano.
""", [C("Jabal Badro","Jabal Badro","government",wd(P,"sun"),"capture","Jabal Badro fell to the army on Sunday")],
[N("Masaken Hanano","assault")])

P="2016-12-12"
doc("en-mee-sheikhsaeed-now-2016", P, "en", "Middle East Eye-style", """
Sheikh Saeed, which overlooks the main road to the south, is now under the control of regime troops, according to activists.
""", [C("Sheikh Saeed","Sheikh Saeed","government",P,"control","Sheikh Saeed ... is now under the control of regime troops")])

P="2012-10-28"
doc("en-afp-pyd-2012", P, "en", "AFP-style", """
In Sheikh Maqsoud, a mainly Kurdish district in the north, armed men from the Kurdish Democratic Union Party man checkpoints and keep both the army and the rebels out.
""", [], [N("Sheikh Maqsoud","implicit control", implied=dict(mention="Sheikh Maqsoud",canonical="Sheikh Maqsoud",faction="kurds",date=P))])

P="2016-08-07"
doc("en-reuters-ramouseh-parts-2016", P, "en", "Reuters-style", """
Insurgents captured large parts of the Ramouseh district on Saturday, opening a narrow corridor into the besieged east.
""", [], [N("Ramouseh","partial: large parts of"), N("the besieged east","siege")])

P="2016-11-28"
doc("en-sohr-sakhour-headline-2016", P, "en", "SOHR statement style", """
Regime forces and their allies advance in al-Sakhour and take control of the area completely.
""", [C("al-Sakhour","Sakhour","government",P,"capture","take control of the area completely")])

P="2016-12-13"
doc("en-guardian-remained-2016", P, "en", "Guardian-style", """
By Monday night, only the districts of Mashhad, Sukkari and part of Ansari remained in rebel hands.
""", [C("Mashhad","Mashhad","rebels",wd(P,"mon"),"control","only the districts of Mashhad, Sukkari and part of Ansari remained in rebel hands", note=f"{P} also acceptable"),
      C("Sukkari","Sukkari","rebels",wd(P,"mon"),"control","only the districts of Mashhad, Sukkari and part of Ansari remained in rebel hands", note=f"{P} also acceptable")],
[N("Ansari","partial: part of")])

P="2012-08-09"
doc("en-ap-salaheddine-driven-2012", P, "en", "AP-style", """
Syrian rebels have been driven out of Salaheddine, the army said Thursday.
""", [C("Salaheddine","Salaheddine","government",P,"capture","Syrian rebels have been driven out of Salaheddine, the army said Thursday")])

P="2016-12-09"
doc("fr-afp-babnayrab-2016", P, "fr", "AFP-style", """
Les troupes gouvernementales ont pris jeudi le quartier de Bab al-Nayrab, a rapporté l'agence officielle Sana.
""", [C("Bab al-Nayrab","Bab al-Nairab (Muhammad Bek)","government",wd(P,"thu"),"capture","Les troupes gouvernementales ont pris jeudi le quartier de Bab al-Nayrab")])

P="2016-12-01"
doc("fr-lemonde-kurdes-neutres-2016", P, "fr", "Le Monde-style", """
Les Kurdes, qui tiennent Cheikh Maqsoud depuis 2012, ont observé une neutralité prudente.
""", [C("Cheikh Maqsoud","Sheikh Maqsoud","kurds","2012","control","Les Kurdes, qui tiennent Cheikh Maqsoud depuis 2012")])

P="2016-12-10"
doc("fr-rfi-pasencore-2016", P, "fr", "RFI-style", """
Le régime n'a pas encore repris le quartier de Cheikh Saïd, où les combats se poursuivent.
""", [], [N("Cheikh Saïd","negation")])

P="2016-12-12"
doc("fr-f24-moitie-soukkari-2016", P, "fr", "France 24-style", """
Les forces prorégime contrôlent désormais plus de la moitié du quartier de Soukkari.
""", [], [N("Soukkari","partial: half of a quarter")])

P="2016-12-06"
doc("fr-afp-karmhomad-2016", P, "fr", "AFP-style", """
Les quartiers de Karm Homad et Karm al-Qaterji sont désormais aux mains de l'armée, après le retrait des insurgés.
""", [C("Karm Homad","Karm Homad","government",P,"control","Les quartiers de Karm Homad et Karm al-Qaterji sont désormais aux mains de l'armée"),
      C("Karm al-Qaterji","Karm al-Qaterji","government",P,"control","Les quartiers de Karm Homad et Karm al-Qaterji sont désormais aux mains de l'armée")])

P="2012-09-12"
doc("fr-lemonde-hanano-asl-2012", P, "fr", "Le Monde-style", """
Le quartier de Hanano est passé sous le contrôle total de l'Armée syrienne libre (ASL) mardi, selon un militant joint par téléphone.
""", [C("Hanano","Masaken Hanano","rebels",wd(P,"tue"),"capture","Le quartier de Hanano est passé sous le contrôle total de l'Armée syrienne libre (ASL) mardi")])

P="2016-11-28"
doc("fr-rfi-dizaine-2016", P, "fr", "RFI-style", """
Au total, l'armée a reconquis en quatre jours une dizaine de quartiers, dont Massaken Hanano, Jabal Badro et Haydariyé.
""", [C("Massaken Hanano","Masaken Hanano","government",P,"capture","l'armée a reconquis ... une dizaine de quartiers, dont Massaken Hanano, Jabal Badro et Haydariyé"),
      C("Jabal Badro","Jabal Badro","government",P,"capture","dont Massaken Hanano, Jabal Badro et Haydariyé"),
      C("Haydariyé","Haydariya","government",P,"capture","dont Massaken Hanano, Jabal Badro et Haydariyé")])

P="2016-12-03"
doc("fr-f24-abandonne-2016", P, "fr", "France 24-style", """
Hier soir, les rebelles ont abandonné le quartier de Tariq al-Bab aux forces loyalistes.
""", [C("Tariq al-Bab","Tariq al-Bab","government",minus(P,1),"capture","les rebelles ont abandonné le quartier de Tariq al-Bab aux forces loyalistes")])

P="2015-02-01"
doc("fr-afp-ei-villages-2015", P, "fr", "AFP-style", """
L'État islamique contrôle toujours plusieurs villages à l'est d'Alep, selon l'OSDH.
""", [], [N("l'est d'Alep","villages east of the city: not a named quarter or region held")])

P="2016-12-23"
doc("fr-rfi-dernierbus-2016", P, "fr", "RFI-style", """
Le dernier bus a quitté Ramoussa jeudi soir ; l'armée a aussitôt annoncé avoir repris le contrôle total d'Alep.
""", [C("Alep","Aleppo","government",wd(P,"thu"),"capture","l'armée a aussitôt annoncé avoir repris le contrôle total d'Alep", note=f"{P} also acceptable")],
[N("Ramoussa","evacuation")])

P="2016-12-12"
doc("it-ansa-sheikhsaid-2016", P, "it", "ANSA-style", """
I ribelli hanno perso il controllo del quartiere di Sheikh Said, ora in mano alle forze governative.
""", [C("Sheikh Said","Sheikh Saeed","government",P,"control","Sheikh Said, ora in mano alle forze governative")])

P="2016-12-12"
doc("es-efe-bustanqasr-2016", P, "es", "EFE-style", """
Los rebeldes se retiraron de Bustan al Qasr, que quedó bajo control del Ejército sirio.
""", [C("Bustan al Qasr","Bustan al-Qasr","government",P,"capture","Bustan al Qasr, que quedó bajo control del Ejército sirio")])

P="2016-12-08"
doc("pt-lusa-cidadevelha-2016", P, "pt", "Lusa-style", """
O Exército sírio controla agora toda a Cidade Velha de Alepo.
""", [C("Cidade Velha","Old City","government",P,"control","O Exército sírio controla agora toda a Cidade Velha de Alepo")])


# ---------------- batch 5 (written after all fixes; scored once, not tuned on: the final unseen estimate) ----------------
BATCH5_START = len(DOCS)
P="2016-12-13"
doc("en-afp-98percent-2016", P, "en", "AFP-style", """
Syrian troops backed by Russian air power now control some 98 percent of the former rebel enclave, the army said on Tuesday.
""", [], [N("former rebel enclave","partial; former")])

P="2016-11-26"
doc("en-reuters-hanano-blow-2016", P, "en", "Reuters-style", """
Government forces and their allies captured the Masaken Hanano housing district on Saturday, a significant blow to the rebels, a war monitor and a military source said.
""", [C("Masaken Hanano","Masaken Hanano","government",P,"capture","captured the Masaken Hanano housing district on Saturday")])

P="2016-11-28"
doc("en-ap-kurdishled-2016", P, "en", "AP-style", """
Kurdish-led forces took advantage of the chaos to seize the district of Sheikh Fares.
""", [C("Sheikh Fares","Sheikh Fares","kurds",P,"capture","Kurdish-led forces took advantage of the chaos to seize the district of Sheikh Fares")])

P="2013-04-05"
doc("en-bbc-fsa-entered-2013", P, "en", "BBC-style", """
Rebels from the Free Syrian Army entered the Kurdish neighbourhood of Sheikh Maqsoud in late March, sparking clashes with YPG fighters.
""", [], [N("Sheikh Maqsoud","entry; 'Kurdish neighbourhood' is ethnic, not control")])

P="2016-11-27"
doc("en-mee-hanano-since-2016", P, "en", "Middle East Eye-style", """
The opposition had held Hanano since July 2012.
""", [C("Hanano","Masaken Hanano","rebels","2012-07","control","The opposition had held Hanano since July 2012")])

P="2016-12-09"
doc("en-ap-bothdistricts-2016", P, "en", "AP-style", """
On Thursday, government forces pushed into Salaheddine and Ansari, seizing both districts by nightfall.
""", [C("Salaheddine","Salaheddine","government",wd(P,"thu"),"capture","seizing both districts by nightfall"),
      C("Ansari","Ansari East","government",wd(P,"thu"),"capture","seizing both districts by nightfall")])

P="2016-11-30"
doc("en-reuters-repelled-2016", P, "en", "Reuters-style", """
Rebels said they had repelled the attack on Sheikh Saeed, while state media reported that the army had taken the district.
""", [C("the district","Sheikh Saeed","government",P,"capture","state media reported that the army had taken the district")],
[N("Sheikh Saeed","attack repelled")])

P="2012-12-15"
doc("en-guardian-half-2012", P, "en", "Guardian-style", """
The rebels control roughly half of Aleppo, mostly in the east and south.
""", [C("half of Aleppo","East Aleppo","rebels",P,"control","The rebels control roughly half of Aleppo")])

P="2016-12-05"
doc("en-sana-karmmaysar-2016", P, "en", "SANA-style", """
Army units continued their advance in the eastern neighborhoods of Aleppo city, restoring security to al-Jazmati and Karm al-Maysar after eliminating scores of terrorists.
""", [C("al-Jazmati","Karm al-Jazmati","government",P,"capture","restoring security to al-Jazmati and Karm al-Maysar"),
      C("Karm al-Maysar","Karm al-Maysar","government",P,"capture","restoring security to al-Jazmati and Karm al-Maysar")])

P="2016-12-12"
doc("fr-afp-5pourcent-2016", P, "fr", "AFP-style", """
Selon l'OSDH, les rebelles ne contrôlent plus qu'environ 5 % de la superficie qu'ils détenaient à Alep-Est.
""", [], [N("Alep-Est","partial")])

P="2016-12-07"
doc("fr-lemonde-chaar-reconquis-2016", P, "fr", "Le Monde-style", """
Chaar, où vivaient des dizaines de milliers de civils, a été reconquis mardi, selon une source militaire.
""", [C("Chaar","Shaar","government",wd(P,"tue"),"capture","Chaar ... a été reconquis mardi, selon une source militaire")])

P="2012-08-08"
doc("fr-rfi-essentiel-2012", P, "fr", "RFI-style", """
Les combattants de l'ASL assurent tenir toujours l'essentiel de Salaheddine.
""", [], [N("Salaheddine","partial: l'essentiel")])

P="2016-11-27"
doc("fr-f24-tombes-nuit-2016", P, "fr", "France 24-style", """
Jabal Badro et Haydariyé sont tombés dans la nuit de samedi à dimanche.
""", [], [N("Jabal Badro","fell, no taker named"), N("Haydariyé","fell, no taker named")])

P="2016-12-20"
doc("fr-afp-kurdes-retrait-2016", P, "fr", "AFP-style", """
Les combattants kurdes se sont retirés de Cheikh Farès et Hellok, qu'ils avaient pris fin novembre, au profit de l'armée.
""", [C("Cheikh Farès","Sheikh Fares","government",P,"capture","se sont retirés de Cheikh Farès et Hellok ... au profit de l'armée"),
      C("Hellok","Hellok","government",P,"capture","se sont retirés de Cheikh Farès et Hellok ... au profit de l'armée"),
      C("Cheikh Farès","Sheikh Fares","kurds","2016-11","capture","qu'ils avaient pris fin novembre"),
      C("Hellok","Hellok","kurds","2016-11","capture","qu'ils avaient pris fin novembre")])

P="2016-12-08"
doc("fr-lemonde-sud-2016", P, "fr", "Le Monde-style", """
Dans le sud, l'armée a conquis mercredi les quartiers de Cheikh Lotfi, Marjé et Bab al-Nayrab.
""", [C("Cheikh Lotfi","Sheikh Lutfi","government",wd(P,"wed"),"capture","l'armée a conquis mercredi les quartiers de Cheikh Lotfi, Marjé et Bab al-Nayrab"),
      C("Marjé","Marjeh","government",wd(P,"wed"),"capture","l'armée a conquis mercredi les quartiers de Cheikh Lotfi, Marjé et Bab al-Nayrab"),
      C("Bab al-Nayrab","Bab al-Nairab (Muhammad Bek)","government",wd(P,"wed"),"capture","l'armée a conquis mercredi les quartiers de Cheikh Lotfi, Marjé et Bab al-Nayrab")])

P="2016-11-27"
doc("fr-rfi-perdu-profit-2016", P, "fr", "RFI-style", """
Les insurgés ont perdu samedi le quartier de Massaken Hanano au profit des forces du régime.
""", [C("Massaken Hanano","Masaken Hanano","government",wd(P,"sat"),"capture","Les insurgés ont perdu samedi le quartier de Massaken Hanano au profit des forces du régime")])

P="2016-11-29"
doc("fr-f24-ypg-desormais-2016", P, "fr", "France 24-style", """
Les Unités de protection du peuple (YPG) contrôlent désormais le quartier de Boustane al-Bacha.
""", [C("Boustane al-Bacha","Bustan al-Basha","kurds",P,"control","Les Unités de protection du peuple (YPG) contrôlent désormais le quartier de Boustane al-Bacha")])

P="2012-08-01"
doc("fr-afp-seif-tenu-2012", P, "fr", "AFP-style", """
Des combats opposent depuis dimanche soldats et rebelles à Seif al-Dawla, un quartier tenu par l'opposition.
""", [C("Seif al-Dawla","Saif al-Dawla","rebels",P,"control","Seif al-Dawla, un quartier tenu par l'opposition")],
[N("Seif al-Dawla","fighting")])

P="2016-12-08"
doc("es-ep-ciudadvieja-2016", P, "es", "Europa Press-style", """
El régimen sirio recuperó el control de la Ciudad Vieja de Alepo el miércoles.
""", [C("Ciudad Vieja","Old City","government",wd(P,"wed"),"capture","El régimen sirio recuperó el control de la Ciudad Vieja de Alepo el miércoles")])

P="2016-11-28"
doc("it-agi-curdi-2016", P, "it", "AGI-style", """
I curdi controllano il quartiere di Sheikh Maqsoud dal 2012.
""", [C("Sheikh Maqsoud","Sheikh Maqsoud","kurds","2012","control","I curdi controllano il quartiere di Sheikh Maqsoud dal 2012")])

P="2016-12-05"
doc("ar-shaar-2016", P, "ar", "Arabic agency style", """
قوات النظام تسيطر على حي الشعار شرق حلب.
""", [C("حي الشعار","Shaar","government",P,"capture","قوات النظام تسيطر على حي الشعار")])


# ---------------- batch 6 (written after rules-1.4 was complete; scored once: the final version's unseen estimate) ----------------
BATCH6_START = len(DOCS)
P="2016-12-07"
doc("en-reuters-sweptthrough-2016", P, "en", "Reuters-style", """
Syrian government troops swept through the Bustan al-Qasr and Kalasa districts on Tuesday, according to a Reuters witness.
""", [C("Bustan al-Qasr","Bustan al-Qasr","government",wd(P,"tue"),"capture","troops swept through the Bustan al-Qasr and Kalasa districts on Tuesday"),
      C("Kalasa","Kalasa","government",wd(P,"tue"),"capture","troops swept through the Bustan al-Qasr and Kalasa districts on Tuesday")])

P="2016-12-12"
doc("en-reuters-ansari-overnight-2016", P, "en", "Reuters-style", """
The Syrian army and its allies retook Aleppo's Ansari district overnight, a commander in the pro-Damascus alliance said.
""", [C("Ansari","Ansari East","government",minus(P,1),"capture","retook Aleppo's Ansari district overnight", note=f"{P} also acceptable")])

P="2015-04-01"
doc("en-ap-nusra-pulledout-2015", P, "en", "AP-style", """
Nusra Front fighters are reported to have pulled out of the outskirts of Sheikh Maqsoud.
""", [], [N("Sheikh Maqsoud","withdrawal from outskirts")])

P="2015-06-06"
doc("en-bbc-midan-2015", P, "en", "BBC-style", """
Government-held Midan came under intense rocket fire on Friday.
""", [C("Midan","Midan","government",P,"control","Government-held Midan")])

P="2016-12-09"
doc("en-afp-threequarters-2016", P, "en", "AFP-style", """
The rebels have lost around three-quarters of the territory they held in eastern Aleppo.
""", [], [N("eastern Aleppo","partial")])

P="2016-11-29"
doc("en-ap-loyaltoassad-2016", P, "en", "AP-style", """
Forces loyal to Bashar al-Assad took the Sakhour district on Monday, state TV reported.
""", [C("Sakhour","Sakhour","government",wd(P,"mon"),"capture","Forces loyal to Bashar al-Assad took the Sakhour district on Monday")])

P="2016-08-10"
doc("en-guardian-hamdaniyeh-2016", P, "en", "Guardian-style", """
Residents of Hamdaniyeh, a government-controlled district, said rebel shells had killed three children.
""", [C("Hamdaniyeh","Hamdaniyeh","government",P,"control","Hamdaniyeh, a government-controlled district")])

P="2016-12-01"
doc("fr-osdh-mislamain-2016", P, "fr", "AFP-style", """
Les loyalistes ont mis la main mercredi sur le quartier de Karm al-Tarab, selon l'OSDH.
""", [C("Karm al-Tarab","Karm al-Tarab","government",wd(P,"wed"),"capture","Les loyalistes ont mis la main mercredi sur le quartier de Karm al-Tarab")])

P="2016-12-09"
doc("fr-lemonde-salaheddine-premiers-2016", P, "fr", "Le Monde-style", """
Le quartier de Salaheddine, l'un des premiers à être tombés aux mains des rebelles en 2012, a été repris jeudi par l'armée.
""", [C("Salaheddine","Salaheddine","government",wd(P,"thu"),"capture","Le quartier de Salaheddine ... a été repris jeudi par l'armée"),
      C("Salaheddine","Salaheddine","rebels","2012","capture","l'un des premiers à être tombés aux mains des rebelles en 2012")])

P="2016-12-06"
doc("fr-rfi-progression-2016", P, "fr", "RFI-style", """
Les forces gouvernementales poursuivent leur progression dans la vieille ville.
""", [], [N("vieille ville","advance")])

P="2015-07-10"
doc("fr-f24-quartiersouest-2015", P, "fr", "France 24-style", """
Les quartiers ouest d'Alep, contrôlés par le régime, ont été la cible de tirs de roquettes.
""", [C("Les quartiers ouest d'Alep","West Aleppo","government",P,"control","Les quartiers ouest d'Alep, contrôlés par le régime")])

P="2016-11-28"
doc("fr-afp-totalement-2016", P, "fr", "AFP-style", """
Selon l'armée, ses troupes ont repris « totalement » le quartier de Cheikh Khodr lundi.
""", [C("Cheikh Khodr","Sheikh Khodr","government",P,"capture","ses troupes ont repris « totalement » le quartier de Cheikh Khodr lundi")])

P="2016-08-03"
doc("fr-rfi-hamdaniye-partie-2016", P, "fr", "RFI-style", """
Les rebelles ont reconquis mardi soir une partie du quartier de Hamdaniyé.
""", [], [N("Hamdaniyé","partial: une partie")])

P="2016-11-28"
doc("fr-lemonde-ypg-sanscombattre-2016", P, "fr", "Le Monde-style", """
Au nord, les Kurdes des YPG ont pris Cheikh Farès sans combattre.
""", [C("Cheikh Farès","Sheikh Fares","kurds",P,"capture","les Kurdes des YPG ont pris Cheikh Farès sans combattre")])

P="2016-12-12"
doc("es-efe-sheijsaid-2016", P, "es", "EFE-style", """
Las tropas de Asad conquistaron el barrio de Sheij Said.
""", [C("Sheij Said","Sheikh Saeed","government",P,"capture","Las tropas de Asad conquistaron el barrio de Sheij Said")])

P="2016-11-27"
doc("it-ansa-hanano-2016", P, "it", "ANSA-style", """
L'esercito siriano ha riconquistato il quartiere di Hanano.
""", [C("Hanano","Masaken Hanano","government",P,"capture","L'esercito siriano ha riconquistato il quartiere di Hanano")])

# ---------------- batch 7 (written after rules-1.4; scored once before any rules-1.5 change) ----------------
BATCH7_START = len(DOCS)
P="2016-11-28"
doc("en-b7-jabalbadro-secured-2016", P, "en", "Reuters-style", """
ALEPPO, Nov 28 - Syrian troops pushed into and secured the Jabal Badro district on Monday, state television said, as the rebel enclave kept shrinking.
""", [C("Jabal Badro","Jabal Badro","government",P,"capture","Syrian troops pushed into and secured the Jabal Badro district on Monday")])

P="2016-12-07"
doc("en-b7-regained-full-2016", P, "en", "AFP-style", """
The army regained full control over Tariq al-Bab and Karm al-Tarab, a military source told the agency.
""", [C("Tariq al-Bab","Tariq al-Bab","government",P,"capture","The army regained full control over Tariq al-Bab and Karm al-Tarab"),
      C("Karm al-Tarab","Karm al-Tarab","government",P,"capture","The army regained full control over Tariq al-Bab and Karm al-Tarab")])

P="2016-12-13"
doc("en-b7-drivenout-2016", P, "en", "AP-style", """
Rebels were driven out of Sheikh Saeed by government forces overnight, the Syrian Observatory for Human Rights said.
""", [C("Sheikh Saeed","Sheikh Saeed","government",minus(P,1),"capture","Rebels were driven out of Sheikh Saeed by government forces overnight")])

P="2016-11-29"
doc("en-b7-security-stability-2016", P, "en", "SANA-style", """
The army announced it had restored security and stability to the Sakhour neighbourhood after eliminating the last terrorist pockets there.
""", [C("Sakhour","Sakhour","government",P,"capture","The army announced it had restored security and stability to the Sakhour neighbourhood")])

P="2012-07-30"
doc("en-b7-nowinrebelhands-2012", P, "en", "Headline style", """
Salaheddine now in rebel hands, activists say
Fighters of the Free Syrian Army patrolled the streets of the southwestern quarter as residents queued for bread.
""", [C("Salaheddine","Salaheddine","rebels",P,"control","Salaheddine now in rebel hands")])

P="2012-08-01"
doc("en-b7-overran-2012", P, "en", "Guardian-style", """
Insurgents overran the Bab al-Hadid quarter on Tuesday after a three-day battle with loyalist militias, activists said.
""", [C("Bab al-Hadid","Bab al-Hadid","rebels",wd(P,"tue"),"capture","Insurgents overran the Bab al-Hadid quarter on Tuesday")])

P="2016-12-08"
doc("en-b7-fellintohands-2016", P, "en", "BBC-style", """
The Old City fell into government hands on Wednesday, along with the neighbouring districts of Bab al-Hadid and Bab al-Nairab, state media said.
""", [C("Old City","Old City","government",wd(P,"wed"),"capture","The Old City fell into government hands on Wednesday"),
      C("Bab al-Hadid","Bab al-Hadid","government",wd(P,"wed"),"capture","along with the neighbouring districts of Bab al-Hadid and Bab al-Nairab"),
      C("Bab al-Nairab","Bab al-Nairab","government",wd(P,"wed"),"capture","along with the neighbouring districts of Bab al-Hadid and Bab al-Nairab")])

P="2016-12-03"
doc("en-b7-shaar-recaptured-2016", P, "en", "Reuters-style", """
Shaar was recaptured by the army on Saturday, the Syrian Observatory for Human Rights said, leaving the rebels squeezed into a shrinking pocket in the southeast.
""", [C("Shaar","Shaar","government",wd(P,"sat"),"capture","Shaar was recaptured by the army on Saturday")])

P="2016-11-25"
doc("en-b7-gainedground-2016", P, "en", "AP-style", """
Government forces gained ground in the south of Sheikh Saeed on Friday and encircled Sukkari, while hundreds of civilians were evacuated from Masaken Hanano.
""", [], [N("Sheikh Saeed","advance: gained ground"), N("Sukkari","siege: encircled"), N("Masaken Hanano","evacuation")])

P="2015-06-16"
doc("en-b7-westernpart-2015", P, "en", "AFP-style", """
Rockets fired from opposition-held districts struck the government-controlled western part of the city on Tuesday, killing three people, the state news agency said.
""", [C("western part of the city","West Aleppo","government",P,"control","the government-controlled western part of the city")],
[N("opposition-held districts","unnamed")])

P="2016-11-27"
doc("en-b7-plus-2016", P, "en", "Al Jazeera-style", """
The army now holds Jabal Badro, Haydariya and Ain al-Tal, plus the Masaken Hanano housing district, a field commander told state TV.
""", [C("Jabal Badro","Jabal Badro","government",P,"control","The army now holds Jabal Badro, Haydariya and Ain al-Tal, plus the Masaken Hanano housing district"),
      C("Haydariya","Haydariya","government",P,"control","The army now holds Jabal Badro, Haydariya and Ain al-Tal"),
      C("Ain al-Tal","Ain al-Tal","government",P,"control","The army now holds Jabal Badro, Haydariya and Ain al-Tal"),
      C("Masaken Hanano","Masaken Hanano","government",P,"control","plus the Masaken Hanano housing district")])

P="2016-11-27"
doc("en-b7-sohr-quote-2016", P, "en", "AFP-style", """
"Regime forces and their allies have taken the whole of Masaken Hanano," the head of the Observatory said.
""", [C("Masaken Hanano","Masaken Hanano","government",P,"capture","Regime forces and their allies have taken the whole of Masaken Hanano")])

P="2016-08-06"
doc("en-b7-liberated-quote-2016", P, "en", "Reuters-style", """
"We liberated Ramouseh this morning and our men are combing the streets," a rebel commander said by telephone.
""", [C("Ramouseh","Ramouseh","rebels",P,"capture","We liberated Ramouseh this morning")])

P="2016-11-29"
doc("en-b7-headline-backunder-2016", P, "en", "Headline style", """
Syria: Karm al-Jabal back under government control
""", [C("Karm al-Jabal","Karm al-Jabal","government",P,"control","Karm al-Jabal back under government control")])

P="2016-12-01"
doc("en-b7-stormed-2016", P, "en", "AP-style", """
Government troops and allied militias stormed and took full control of the Sheikh Lutfi district on Thursday, a pro-government television channel reported.
""", [C("Sheikh Lutfi","Sheikh Lutfi","government",wd(P,"thu"),"capture","stormed and took full control of the Sheikh Lutfi district on Thursday")])

P="2014-05-12"
doc("en-b7-rebelcontrolled-2014", P, "en", "BBC-style", """
Barrel bombs fell on the rebel-controlled Bustan al-Qasr neighbourhood for a third day, rescuers said.
""", [C("Bustan al-Qasr","Bustan al-Qasr","rebels",P,"control","the rebel-controlled Bustan al-Qasr neighbourhood")])

P="2016-11-30"
doc("en-b7-aswellas-2016", P, "en", "Reuters-style", """
Regime forces retook Hellok and Haydariya as well as the Bustan al-Basha area, the Observatory said.
""", [C("Hellok","Hellok","government",P,"capture","Regime forces retook Hellok and Haydariya as well as the Bustan al-Basha area"),
      C("Haydariya","Haydariya","government",P,"capture","Regime forces retook Hellok and Haydariya"),
      C("Bustan al-Basha","Bustan al-Basha","government",P,"capture","as well as the Bustan al-Basha area")])

P="2016-12-08"
doc("fr-b7-reprise-2016", P, "fr", "AFP-style", """
La vieille ville d'Alep a été reprise mercredi par les forces du régime, a annoncé la télévision d'Etat.
""", [C("vieille ville","Old City","government",wd(P,"wed"),"capture","La vieille ville d'Alep a été reprise mercredi par les forces du régime")])

P="2016-11-27"
doc("fr-b7-annonce-avoir-repris-2016", P, "fr", "RFI-style", """
L'armée a annoncé avoir repris le quartier de Masaken Hanano, le plus grand de la partie rebelle de la ville.
""", [C("Masaken Hanano","Masaken Hanano","government",P,"capture","L'armée a annoncé avoir repris le quartier de Masaken Hanano")])

P="2016-11-27"
doc("fr-b7-chasses-2016", P, "fr", "Le Figaro-style", """
Les insurgés ont été chassés de Jabal Badro par les forces loyalistes dimanche, selon l'OSDH.
""", [C("Jabal Badro","Jabal Badro","government",wd(P,"sun"),"capture","Les insurgés ont été chassés de Jabal Badro par les forces loyalistes dimanche")])

P="2016-10-16"
doc("fr-b7-tenus-est-2016", P, "fr", "AFP-style", """
Des raids aériens ont de nouveau visé dimanche les quartiers tenus par les rebelles dans l'est d'Alep, faisant au moins dix morts.
""", [C("l'est d'Alep","East Aleppo","rebels",P,"control","les quartiers tenus par les rebelles dans l'est d'Alep")])

P="2016-12-08"
doc("fr-b7-ainsique-2016", P, "fr", "Le Monde-style", """
Les forces prorégime ont reconquis jeudi dernier Tariq al-Bab ainsi que Karm al-Tarab, dans le nord-est de la ville.
""", [C("Tariq al-Bab","Tariq al-Bab","government",minus(P,7),"capture","Les forces prorégime ont reconquis jeudi dernier Tariq al-Bab ainsi que Karm al-Tarab",
        note="gold corrected after the first score: 'jeudi dernier' in a Thursday dispatch is a week before (dates rule)"),
      C("Karm al-Tarab","Karm al-Tarab","government",minus(P,7),"capture","ainsi que Karm al-Tarab")])

P="2016-11-29"
doc("fr-b7-desormais-aux-mains-2016", P, "fr", "France 24-style", """
Sakhour est désormais aux mains du régime, a indiqué l'OSDH.
""", [C("Sakhour","Sakhour","government",P,"control","Sakhour est désormais aux mains du régime")])

P="2015-04-21"
doc("fr-b7-partieouest-2015", P, "fr", "RFI-style", """
Des obus de mortier sont tombés mardi sur la partie ouest d'Alep, sous contrôle gouvernemental, blessant plusieurs enfants.
""", [C("partie ouest d'Alep","West Aleppo","government",P,"control","la partie ouest d'Alep, sous contrôle gouvernemental")])

P="2016-11-30"
doc("fr-b7-encercle-2016", P, "fr", "Le Monde-style", """
Les forces du régime ont encerclé le quartier de Chaar et progressé à Hellok, tandis que des centaines de civils étaient évacués de Bustan al-Qasr.
""", [], [N("Chaar","siege: encerclé"), N("Hellok","advance: progressé"), N("Bustan al-Qasr","evacuation")])

P="2016-08-05"
doc("fr-b7-conquis-2016", P, "fr", "AFP-style", """
Les insurgés ont conquis vendredi le quartier de Ramoussé, au sud-ouest d'Alep, a affirmé un commandant rebelle.
""", [C("Ramoussé","Ramouseh","rebels",wd(P,"fri"),"capture","Les insurgés ont conquis vendredi le quartier de Ramoussé")])

P="2016-11-28"
doc("fr-b7-titre-repris-2016", P, "fr", "Headline style", """
Alep : le quartier de Hanano repris par l'armée
""", [C("Hanano","Masaken Hanano","government",P,"capture","le quartier de Hanano repris par l'armée")])

P="2016-12-01"
doc("fr-b7-ensemble-2016", P, "fr", "Libération-style", """
Les loyalistes contrôlent désormais l'ensemble du quartier de Haydariyé, tandis que leurs troupes ont pris pied dans Cheikh Khodr.
""", [C("Haydariyé","Haydariya","government",P,"control","Les loyalistes contrôlent désormais l'ensemble du quartier de Haydariyé")],
[N("Cheikh Khodr","foothold: pris pied")])

P="2015-03-04"
doc("fr-b7-ypg-tiennent-2015", P, "fr", "RFI-style", """
Les Unités de protection du peuple (YPG), qui tiennent le quartier à majorité kurde de Cheikh Maqsoud depuis 2012, ont repoussé un assaut rebelle.
""", [C("Cheikh Maqsoud","Sheikh Maqsoud","kurds","2012","control","qui tiennent le quartier à majorité kurde de Cheikh Maqsoud depuis 2012")],
[N("assaut","attempt")])

P="2016-12-05"
doc("fr-b7-liberes-quote-2016", P, "fr", "SANA-style", """
« Nos forces ont libéré le quartier de Bustan al-Qasr des terroristes », a déclaré la télévision d'Etat.
""", [C("Bustan al-Qasr","Bustan al-Qasr","government",P,"capture","Nos forces ont libéré le quartier de Bustan al-Qasr des terroristes")])

P="2016-12-01"
doc("fr-b7-escarcelle-2016", P, "fr", "Le Point-style", """
Le quartier de Cheikh Lotfi est tombé jeudi dans l'escarcelle du régime, selon une source militaire.
""", [C("Cheikh Lotfi","Sheikh Lutfi","government",wd(P,"thu"),"capture","Le quartier de Cheikh Lotfi est tombé jeudi dans l'escarcelle du régime")])

# ---------------- batch 8 (written after batch 7's rules; scored once before any change for it) ----------------
BATCH8_START = len(DOCS)
P="2016-11-28"
doc("en-b8-seizedcontrol-2016", P, "en", "AFP-style", """
Government forces on Sunday seized control of the Sakhour neighbourhood, a monitor said, the biggest advance in months.
""", [C("Sakhour","Sakhour","government",wd(P,"sun"),"capture","Government forces on Sunday seized control of the Sakhour neighbourhood")])

P="2016-09-29"
doc("en-b8-takenback-2016", P, "en", "SANA-style", """
The Syrian army has taken back the Handarat camp north of Aleppo, the state news agency reported.
""", [C("Handarat camp","Handarat camp","government",P,"capture","The Syrian army has taken back the Handarat camp")])

P="2016-12-13"
doc("en-b8-fullcontrolof-2016", P, "en", "Reuters-style", """
Government troops are now in full control of Sheikh Saeed, a field commander told reporters.
""", [C("Sheikh Saeed","Sheikh Saeed","government",P,"control","Government troops are now in full control of Sheikh Saeed")])

P="2016-12-12"
doc("en-b8-forcedout-2016", P, "en", "BBC-style", """
Militants were forced out of Karm al-Jabal after three days of fighting, according to state television.
""", [C("Karm al-Jabal","Karm al-Jabal","government",P,"capture","Militants were forced out of Karm al-Jabal, according to state television")])

P="2016-11-30"
doc("en-b8-wrested-2016", P, "en", "AP-style", """
The army said it had wrested control of the Bustan al-Basha district from the rebels.
""", [C("Bustan al-Basha","Bustan al-Basha","government",P,"capture","The army said it had wrested control of the Bustan al-Basha district from the rebels")])

P="2015-10-20"
doc("en-b8-enclave-2015", P, "en", "Al Jazeera-style", """
Kurdish fighters control the Sheikh Maqsoud enclave, which overlooks the main road into the city.
""", [C("Sheikh Maqsoud","Sheikh Maqsoud","kurds",P,"control","Kurdish fighters control the Sheikh Maqsoud enclave")])

P="2016-10-03"
doc("en-b8-sharednoun-2016", P, "en", "Guardian-style", """
The rebels still hold the Sukkari, Fardous and Mashhad districts in the southeast, where food is running out.
""", [C("Sukkari","Sukkari","rebels",P,"control","The rebels still hold the Sukkari, Fardous and Mashhad districts"),
      C("Fardous","Fardous","rebels",P,"control","The rebels still hold the Sukkari, Fardous and Mashhad districts"),
      C("Mashhad","Mashhad","rebels",P,"control","The rebels still hold the Sukkari, Fardous and Mashhad districts")])

P="2016-12-09"
doc("en-b8-backinhands-2016", P, "en", "Reuters-style", """
After four years under opposition control, the Old City is back in the hands of the government.
""", [C("Old City","Old City","government",P,"control","the Old City is back in the hands of the government")],
[N("Old City","former holding: after four years under opposition control")])

P="2016-11-22"
doc("en-b8-repelled-2016", P, "en", "AP-style", """
The army bombarded Bustan al-Qasr and tried to storm Kalasa, but rebels repelled the assault.
""", [], [N("Bustan al-Qasr","shelling"), N("Kalasa","attempt")])

P="2016-12-22"
doc("en-b8-entireeast-2016", P, "en", "AFP-style", """
The entire eastern part of Aleppo is now under the control of the Syrian army, a military spokesman said on state television.
""", [C("eastern part of Aleppo","East Aleppo","government",P,"control","The entire eastern part of Aleppo is now under the control of the Syrian army")])

P="2016-08-07"
doc("en-b8-tookover-2016", P, "en", "Reuters-style", """
Fighters from Jabhat Fateh al-Sham took over the Ramouseh area on Saturday, a rebel source said.
""", [C("Ramouseh","Ramouseh","rebels",wd(P,"sat"),"capture","Fighters from Jabhat Fateh al-Sham took over the Ramouseh area on Saturday")])

P="2016-11-27"
doc("en-b8-headline-recaptures-2016", P, "en", "Headline style", """
Syrian army recaptures Aleppo's Hanano district
""", [C("Hanano","Masaken Hanano","government",P,"capture","Syrian army recaptures Aleppo's Hanano district")])

P="2012-07-24"
doc("en-b8-headline-seize-2012", P, "en", "Headline style", """
Rebels seize Salaheddine as battle for Aleppo rages
""", [C("Salaheddine","Salaheddine","rebels",P,"capture","Rebels seize Salaheddine")])

P="2016-12-02"
doc("en-b8-handing-2016", P, "en", "Guardian-style", """
The rebels who had controlled Bab al-Nairab since 2012 withdrew overnight, handing the district to government forces.
""", [C("Bab al-Nairab","Bab al-Nairab","government",minus(P,1),"capture","withdrew overnight, handing the district to government forces"),
      C("Bab al-Nairab","Bab al-Nairab","rebels","2012","control","The rebels who had controlled Bab al-Nairab since 2012")])

P="2016-12-10"
doc("fr-b8-titre-reprend-2016", P, "fr", "Headline style", """
Syrie : l'armée reprend le quartier de Cheikh Saïd à Alep
""", [C("Cheikh Saïd","Sheikh Saeed","government",P,"capture","l'armée reprend le quartier de Cheikh Saïd")])

P="2016-11-28"
doc("fr-b8-maitres-2016", P, "fr", "AFP-style", """
Les troupes gouvernementales se sont rendues maîtres du quartier de Sakhour dimanche, selon l'OSDH.
""", [C("Sakhour","Sakhour","government",wd(P,"sun"),"capture","Les troupes gouvernementales se sont rendues maîtres du quartier de Sakhour dimanche")])

P="2016-11-29"
doc("fr-b8-deloges-2016", P, "fr", "Le Figaro-style", """
Les rebelles ont été délogés du quartier de Cheikh Lotfi par l'armée, a rapporté l'agence officielle.
""", [C("Cheikh Lotfi","Sheikh Lutfi","government",P,"capture","Les rebelles ont été délogés du quartier de Cheikh Lotfi par l'armée")])

P="2016-10-03"
doc("fr-b8-toujours-2016", P, "fr", "Le Monde-style", """
L'opposition contrôle toujours les quartiers de Soukkari et de Machhad, dans le sud-est.
""", [C("Soukkari","Sukkari","rebels",P,"control","L'opposition contrôle toujours les quartiers de Soukkari et de Machhad"),
      C("Machhad","Mashhad","rebels",P,"control","L'opposition contrôle toujours les quartiers de Soukkari et de Machhad")])

P="2016-11-29"
doc("fr-b8-possession-2016", P, "fr", "RFI-style", """
Les forces kurdes ont pris possession du quartier de Cheikh Farès mardi.
""", [C("Cheikh Farès","Sheikh Fares","kurds",wd(P,"tue"),"capture","Les forces kurdes ont pris possession du quartier de Cheikh Farès mardi")])

P="2016-12-10"
doc("fr-b8-quasitotalite-2016", P, "fr", "France 24-style", """
La quasi-totalité de l'est d'Alep est désormais contrôlée par l'armée.
""", [], [N("l'est d'Alep","partial: quasi-totalité")])

P="2016-11-28"
doc("fr-b8-entierement-2016", P, "fr", "AFP-style", """
Le quartier de Hanano est désormais entièrement sous contrôle de l'armée, a indiqué l'OSDH.
""", [C("Hanano","Masaken Hanano","government",P,"control","Le quartier de Hanano est désormais entièrement sous contrôle de l'armée")])

P="2016-12-01"
doc("fr-b8-entree-2016", P, "fr", "RFI-style", """
L'armée a fait son entrée dans Bustan al-Qasr, où des combats de rue se poursuivent.
""", [], [N("Bustan al-Qasr","entry")])

P="2016-12-08"
doc("fr-b8-acheve-2016", P, "fr", "Le Monde-style", """
Les forces du régime ont achevé la reconquête de la vieille ville, a annoncé la télévision d'État.
""", [C("vieille ville","Old City","government",P,"capture","Les forces du régime ont achevé la reconquête de la vieille ville")])

P="2016-12-03"
doc("fr-b8-apresavoir-2016", P, "fr", "AFP-style", """
Après avoir repris Tariq al-Bab jeudi, les troupes ont conquis vendredi Karm al-Tarab.
""", [C("Tariq al-Bab","Tariq al-Bab","government",wd(P,"thu"),"capture","Après avoir repris Tariq al-Bab jeudi, les troupes"),
      C("Karm al-Tarab","Karm al-Tarab","government",wd(P,"fri"),"capture","les troupes ont conquis vendredi Karm al-Tarab")])

P="2016-08-06"
doc("fr-b8-arrache-2016", P, "fr", "Libération-style", """
Les rebelles ont arraché samedi le quartier de Ramoussé aux forces du régime.
""", [C("Ramoussé","Ramouseh","rebels",wd(P,"sat"),"capture","Les rebelles ont arraché samedi le quartier de Ramoussé aux forces du régime")])

P="2016-10-18"
doc("fr-b8-alepest-depuis-2016", P, "fr", "Le Point-style", """
Alep-Est, aux mains des rebelles depuis 2012, subit un siège depuis juillet.
""", [C("Alep-Est","East Aleppo","rebels","2012","control","Alep-Est, aux mains des rebelles depuis 2012")],
[N("Alep-Est","siege")])

P="2016-11-26"
doc("fr-b8-partie-bani-2016", P, "fr", "France 24-style", """
Selon l'OSDH, les combattants kurdes contrôlent à présent Cheikh Maqsoud et une partie de Bani Zeid.
""", [C("Cheikh Maqsoud","Sheikh Maqsoud","kurds",P,"control","les combattants kurdes contrôlent à présent Cheikh Maqsoud")],
[N("Bani Zeid","partial: une partie")])

# ---------------- batch 9 (written after batch 8's rules, i.e. rules-1.5 complete; scored once: its unseen estimate) ----------------
BATCH9_START = len(DOCS)
P="2016-12-06"
doc("en-b9-loyaltopresident-2016", P, "en", "AP-style", """
Troops loyal to President Bashar al-Assad captured the Karm al-Maysar district on Tuesday, according to the Observatory.
""", [C("Karm al-Maysar","Karm al-Maysar","government",P,"capture","Troops loyal to President Bashar al-Assad captured the Karm al-Maysar district on Tuesday")])

P="2014-02-10"
doc("en-b9-percentcity-2014", P, "en", "Reuters-style", """
Rebels now control around 60 percent of the city, a monitor estimated.
""", [], [N("the city","partial: 60 percent")])

P="2016-12-01"
doc("en-b9-incontrolby-2016", P, "en", "AFP-style", """
Government forces were in control of Shaar by Wednesday evening, the Observatory said.
""", [C("Shaar","Shaar","government",wd(P,"wed"),"control","Government forces were in control of Shaar by Wednesday evening")])

P="2016-11-28"
doc("en-b9-assadsforces-2016", P, "en", "Al Jazeera-style", """
Assad's forces secured Karm al-Qaterji and Karm al-Jazmati on Sunday, state TV said.
""", [C("Karm al-Qaterji","Karm al-Qaterji","government",wd(P,"sun"),"capture","Assad's forces secured Karm al-Qaterji and Karm al-Jazmati on Sunday"),
      C("Karm al-Jazmati","Karm al-Jazmati","government",wd(P,"sun"),"capture","Assad's forces secured Karm al-Qaterji and Karm al-Jazmati on Sunday")])

P="2016-03-02"
doc("en-b9-runs-2016", P, "en", "BBC-style", """
The Kurdish YPG militia, which runs Sheikh Maqsoud, denied it had handed positions to the army.
""", [C("Sheikh Maqsoud","Sheikh Maqsoud","kurds",P,"control","The Kurdish YPG militia, which runs Sheikh Maqsoud")], [N("positions","denial")])

P="2015-05-14"
doc("en-b9-easterndistricts-2015", P, "en", "Guardian-style", """
Aleppo's eastern districts have been under rebel control since mid-2012.
""", [C("eastern districts","East Aleppo","rebels","2012","control","Aleppo's eastern districts have been under rebel control since mid-2012")])

P="2016-12-07"
doc("en-b9-withcapture-2016", P, "en", "Reuters-style", """
With the capture of Sukkari, the army now controls all of eastern Aleppo except a small pocket along the river.
""", [C("Sukkari","Sukkari","government",P,"capture","With the capture of Sukkari")], [N("eastern Aleppo","partial: all except a pocket")])

P="2016-08-03"
doc("en-b9-saiditsfighters-2016", P, "en", "AFP-style", """
Jaish al-Fatah said its fighters had captured Amiriyah and were pressing towards Hamdaniyeh.
""", [C("Amiriyah","Amiriyah","rebels",P,"capture","Jaish al-Fatah said its fighters had captured Amiriyah")], [N("Hamdaniyeh","advance")])

P="2016-12-09"
doc("en-b9-poised-2016", P, "en", "AP-style", """
The army is poised to retake Sheikh Saeed within days, a commander predicted.
""", [], [N("Sheikh Saeed","future")])

P="2016-10-31"
doc("en-b9-whichrebels-2016", P, "en", "Reuters-style", """
Government troops pulled back from Sheikh Saeed, which rebels recaptured on Saturday.
""", [C("Sheikh Saeed","Sheikh Saeed","rebels",wd(P,"sat"),"capture","Sheikh Saeed, which rebels recaptured on Saturday")])

P="2016-12-05"
doc("fr-b9-forcesdebachar-2016", P, "fr", "France 24-style", """
Les forces de Bachar al-Assad contrôlent désormais Cheikh Khodr, selon l'OSDH.
""", [C("Cheikh Khodr","Sheikh Khodr","government",P,"control","Les forces de Bachar al-Assad contrôlent désormais Cheikh Khodr")])

P="2016-11-29"
doc("fr-b9-secteur-kurdes-2016", P, "fr", "RFI-style", """
Le secteur de Bustan al-Pacha est passé aux mains des Kurdes.
""", [C("Bustan al-Pacha","Bustan al-Basha","kurds",P,"capture","Le secteur de Bustan al-Pacha est passé aux mains des Kurdes")])

P="2016-11-28"
doc("fr-b9-reprisauxrebelles-2016", P, "fr", "AFP-style", """
L'armée syrienne a repris lundi aux rebelles le contrôle du quartier de Masaken Hanano.
""", [C("Masaken Hanano","Masaken Hanano","government",P,"capture","L'armée syrienne a repris lundi aux rebelles le contrôle du quartier de Masaken Hanano")])

P="2016-12-11"
doc("fr-b9-retranches-2016", P, "fr", "Le Monde-style", """
Les rebelles sont retranchés dans les quartiers de Soukkari et de Fardous, soumis à d'intenses bombardements.
""", [C("Soukkari","Sukkari","rebels",P,"control","Les rebelles sont retranchés dans les quartiers de Soukkari et de Fardous"),
      C("Fardous","Fardous","rebels",P,"control","Les rebelles sont retranchés dans les quartiers de Soukkari et de Fardous")])

P="2016-12-09"
doc("fr-b9-tenudepuis-2016", P, "fr", "Libération-style", """
Tenu par les rebelles depuis juillet 2012, le quartier de Salaheddine a été repris par l'armée.
""", [C("Salaheddine","Salaheddine","rebels","2012-07","control","Tenu par les rebelles depuis juillet 2012, le quartier de Salaheddine"),
      C("Salaheddine","Salaheddine","government",P,"capture","le quartier de Salaheddine a été repris par l'armée")])

P="2016-12-08"
doc("fr-b9-totalite-2016", P, "fr", "AFP-style", """
L'armée a pris le contrôle de la totalité de la vieille ville, selon un correspondant de l'AFP.
""", [C("vieille ville","Old City","government",P,"capture","L'armée a pris le contrôle de la totalité de la vieille ville")])

P="2016-09-04"
doc("fr-b9-perdueunmois-2016", P, "fr", "RFI-style", """
L'armée a reconquis dimanche la zone de Ramoussé, perdue un mois plus tôt.
""", [C("Ramoussé","Ramouseh","government",P,"capture","L'armée a reconquis dimanche la zone de Ramoussé")])

P="2014-06-03"
doc("fr-b9-ellipse-2014", P, "fr", "Le Monde-style", """
Le régime contrôle l'ouest de la ville, les rebelles l'est.
""", [C("l'ouest de la ville","West Aleppo","government",P,"control","Le régime contrôle l'ouest de la ville"),
      C("l'est","East Aleppo","rebels",P,"control","les rebelles l'est")])

P="2016-11-30"
doc("fr-b9-nettoye-2016", P, "fr", "SANA-style", """
D'après la télévision officielle, les soldats ont « nettoyé » le quartier de Karm al-Jabal des « terroristes ».
""", [C("Karm al-Jabal","Karm al-Jabal","government",P,"capture","les soldats ont « nettoyé » le quartier de Karm al-Jabal des « terroristes »")])

P="2016-12-13"
doc("fr-b9-dernierbastion-2016", P, "fr", "AFP-style", """
Les derniers rebelles sont acculés dans une petite poche autour du quartier d'al-Machhad.
""", [], [N("al-Machhad","partial: a pocket around")])

OUT.mkdir(parents=True, exist_ok=True)
for p in OUT.glob("*.txt"):
    p.unlink()
with (OUT / "gold.jsonl").open("w", encoding="utf-8") as g:
    for d in DOCS:
        fm = ["---", f"id: {d['id']}", f"date: {d['date']}", "date_note: invented dispatch date (fictional text)",
              f"lang: {d['lang']}", f"source: {d['source']} (fictional, written by the developers)", "url:", "---"]
        (OUT / f"{d['id']}.txt").write_text("\n".join(fm) + "\n" + d["text"] + "\n", encoding="utf-8")
        g.write(json.dumps({"id": d["id"], "claims": d["claims"], "non_claims": d["non"]}, ensure_ascii=False) + "\n")
from collections import Counter
print(len(DOCS), Counter(d["lang"] for d in DOCS), sum(len(d["claims"]) for d in DOCS))
(OUT / "batch2.txt").write_text("\n".join(d["id"] for d in DOCS[BATCH2_START:BATCH3_START]) + "\n", encoding="utf-8")
(OUT / "batch9.txt").write_text("\n".join(d["id"] for d in DOCS[BATCH9_START:]) + "\n", encoding="utf-8")
(OUT / "batch8.txt").write_text("\n".join(d["id"] for d in DOCS[BATCH8_START:BATCH9_START]) + "\n", encoding="utf-8")
(OUT / "batch7.txt").write_text("\n".join(d["id"] for d in DOCS[BATCH7_START:BATCH8_START]) + "\n", encoding="utf-8")
(OUT / "batch6.txt").write_text("\n".join(d["id"] for d in DOCS[BATCH6_START:BATCH7_START]) + "\n", encoding="utf-8")
(OUT / "batch5.txt").write_text("\n".join(d["id"] for d in DOCS[BATCH5_START:BATCH6_START]) + "\n", encoding="utf-8")
(OUT / "batch4.txt").write_text("\n".join(d["id"] for d in DOCS[BATCH4_START:BATCH5_START]) + "\n", encoding="utf-8")
(OUT / "batch3.txt").write_text("\n".join(d["id"] for d in DOCS[BATCH3_START:BATCH4_START]) + "\n", encoding="utf-8")
