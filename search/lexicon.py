"""German words that compounds are made of, for splitting compounds.

PostgreSQL's ``german`` stemmer does not split compounds, so "Jugendfußball"
would never match "Fußball". ``search.text.decompound`` splits a word into parts
from this list (with the linking letters s, es, n, en, e between them); the parts
are indexed at the lowest weight and queries for a compound also look for its
parts. The list leans to what clubs write about: activities, groups, places,
help and cooperation. A word missing here only means its compounds are not
split; add it (lower case, umlauts and ß as written) and rebuild the index.
The Elasticsearch analyzer's decompounder uses the same list.
"""

WORDS = """
abend fuß alltag alphabetisierung alte alten angebot angebote anlauf anmeldung arbeit
arbeiten arbeitsmarkt arzt ausbildung ausflug austausch ausstellung auto bad
ball band basketball bau begegnung begleitung behörde beratung beruf berufe
betreuung bewegung bewerbung bibliothek bildung bildungs bio blatt boxen brauch
brücke buch bücher bühne bürger café chor chöre computer dach deutsch dialog
dichtung dienst dolmetschen dorf eltern ehrenamt einkauf einrichtung empowerment
engagement erfahrung ernährung erziehung essen fahrrad familie familien fest feste
feier film fitness flucht forum foto fotografie frau frauen freizeit freund
freunde frieden frühstück führung fußball garten gast gemeinde gemeinschaft
gemüse generation generationen gerechtigkeit gesang geschichte geschichten
gesellschaft gespräch gesundheit gitarre gottesdienst gruppe gruppen gymnastik
hand handball handwerk haus hausaufgaben heim heimat hilfe hof hochschule hobby
information initiative integration interkultur jugend jugendliche jugendlichen
junge jungen kampf kampfsport karate kind kinder kino kirche klub koch kochen
konzert kooperation kreis kultur kulturen kunst kurs kurse küche laden land
lauf leben lehre lehrer leitung lernen lese lesen leute licht lied lieder
literatur mädchen mahl markt medien medizin mensch menschen mentor mentoring
miete migration mitglied mitglieder mittag mode moschee musik mutter mütter
nachbar nachbarschaft nachhilfe natur netz netzwerk nähen orchester ort paar
park partner partnerschaft pate paten patenschaft pflege plan platz politik
praktikum preis projekt projekte prävention psychologie quartier rad radio rat
raum recht rechte reise religion rente rentner sache schach schule schüler
schwimmen see seelsorge selbsthilfe senior senioren sitz sommer sozial spiel
spiele spielplatz sport sprach sprache sprachen sprachkurs stadt stadtteil
stammtisch start stelle stiftung stimme straße streit studium stunde
stunden sucht tag tanz tanzen team technik teilhabe tennis theater tisch
tradition training treff treffen treffpunkt trommel turnen umwelt unterricht
unterstützung urlaub vater väter verband verein vereine verkehr vielfalt
volleyball vortrag wahl wald wander wandern wasser weg weihnachten welt werk
werkstatt wettbewerb wissen wohnen wohnung zeit zeitung zentrum zukunft
zusammenarbeit aufgaben schul schulen spielen singen lieben hilfen tänze tänzen
saz folklore kinderbetreuung deutschkurs deutschkurse elterncafé frauencafé
begegnungsstätte ferien ferienfreizeit freizeiten kita krippe senioren
jugendarbeit sozialarbeit übersetzung übersetzungen dolmetscher antirassismus
rassismus diskriminierung demokratie kindergarten garten ringen judo fechten
tischtennis kicker laufen yoga kreativ malen zeichnen keramik schmuck nähkurs
computerkurs programmieren robotik wissenschaft mathematik physik chemie
biologie gesundheits pflegekräfte ärztin ärzte hebamme geburt baby babys
kleinkinder väterarbeit mütterarbeit geflüchtete flüchtlinge ankommen ankunft
wohnungssuche job jobs arbeitssuche anerkennung abschluss abschlüsse
""".split()
