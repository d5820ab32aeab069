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
nord süd west ost grund näh gang gänge amt ämter behörden probe proben abende
sprachig sprachige sprachcafé café cafe gebet gebete koran islam islamisch
türkisch arabisch russisch ukrainisch kurdisch persisch polnisch vietnamesisch
box spanisch französisch englisch syrisch afrikanisch albanisch rumänisch bulgarisch
griechisch italienisch eritreisch afghanisch iranisch muttersprache
integrationskurs integrationskurse sprachkurse kurse lern lernen kreis gospel
krabbel krabbelgruppe spiel volk volks schwimm schwimmbad mutter kind
hausaufgabenbetreuung sozialberatung flüchtlingshilfe stämmig türkei flüchtling
schutz klima kleider kammer lotse lotsen gebet gebets mathe sprechstunde
""".split()

# Words a visitor means the same thing by (each line one group, every member
# finds the others): languages with their countries and speakers, what this
# domain calls the same help. Written as the words are typed; a member may be
# several words ("innenstadt nord": both must match). Mädchen and Frauen, or a
# Deutschkurs and any language course, are not the same and are not here.
SYNONYMS = [
    line.split(",")
    for line in """
türkisch,türkei,türke,türken,türkin,türkinnen,türkeistämmig,türkischstämmig
arabisch,araber,araberin,arabien
syrisch,syrien,syrer,syrerin,syrerinnen
ukrainisch,ukraine,ukrainer,ukrainerin,ukrainerinnen
russisch,russland,russe,russen,russin
polnisch,polen,pole,polin
kurdisch,kurde,kurden,kurdin,kurdistan
persisch,farsi,dari,iran,iraner,iranerin,iranisch,afghanistan,afghane,afghanin,afghanisch
vietnamesisch,vietnam,vietnamese,vietnamesin
spanisch,spanien,spanier,spanierin,lateinamerika,lateinamerikanisch
französisch,frankreich,franzose,französin
afrikanisch,afrika,afrikaner,afrikanerin,westafrikanisch
albanisch,albanien,albaner,kosovo
rumänisch,rumänien,rumäne,rumänin
bulgarisch,bulgarien,bulgare,bulgarin
griechisch,griechenland,grieche,griechin
italienisch,italien,italiener,italienerin
eritreisch,eritrea,tigrinya
geflüchtete,geflüchteten,flüchtling,flüchtlinge,flüchtlingen,geflüchtet,asylsuchende,schutzsuchende
islamisch,islam,muslim,muslime,muslimisch,muslima
dolmetschen,dolmetscher,dolmetscherin,dolmetscherinnen,übersetzung,übersetzen,übersetzer,sprachmittlung,sprachmittler
behörde,behörden,amt,ämter,behördengang,behördengänge,behördengängen,ämtergang
integrationskurs,integrationskurse,deutschkurs,deutschkurse,deutschunterricht
hausaufgabenhilfe,hausaufgabenbetreuung,lernhilfe
theater,schauspiel,theatergruppe
garten,gärtnern,gemeinschaftsgarten
senioren,seniorinnen,senior,seniorin,rentner,rentnerin,rentnerinnen,ältere menschen
kita,kindergarten,kindertagesstätte
nordstadt,innenstadt nord
kinder,kids
hilfe,hilfen,unterstützung,helfen
""".strip().splitlines()
]

# Words that only make a query narrower than its searcher means: "türkischer
# Verein" asks for a Turkish club, initiative or not. Dropped from a query that
# has other words (searched alone they still match).
GENERIC = """
verein vereine vereinen vereins club clubs klub klubs ev initiative initiativen
gruppe gruppen zentrum
organisation organisationen angebot angebote angeboten suche gesucht
sprachig sprachige sprachigen sprachiger sprachiges stämmig stämmige stämmigen
""".split()

# "Sprachkurs" also finds a German course; a German course is not any language
# course (one direction only).
NARROWER = {
    "sprachkurs": ["deutschkurs", "integrationskurs", "sprachunterricht", "sprachcafé"],
    "sprachkurse": ["deutschkurse", "integrationskurse", "sprachunterricht"],
    "nachhilfe": ["hausaufgabenhilfe", "lernhilfe"],
    "beratung": ["sozialberatung"],
    "religion": ["moschee", "kirche", "synagoge", "gottesdienst"],
}
