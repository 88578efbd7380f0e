"""Word lists the extraction rules share: speech verbs, titles, role nouns, name suffixes.

Kept in one place so a rule change in one module cannot drift from another.
"""

from __future__ import annotations

# Verbs that introduce someone's words; both tenses, since news mixes them.
SPEECH_VERBS = set(
    """said says say added adds noted notes stressed stresses emphasized emphasised emphasizes
    emphasises recalled recalls concluded concludes explained explains told tells wrote writes
    stated states declared declares asked asks replied replies answered answers argued argues
    insisted insists warned warns announced announces remarked remarks continued continues
    observed observes commented comments reiterated reiterates confirmed confirms called calls
    described describes cited cites quoted quotes expressed expresses suggested suggests
    urged urges claimed claims acknowledged acknowledges admitted admits underlined underlines
    underscored underscores assured assures posted posts tweeted tweets added highlighted
    highlights mentioned mentions pointed believes believed thinks thought hopes hoped
    promised promises vowed vows predicted predicts conceded concedes agreed agrees reaffirmed
    reaffirms affirmed affirms
    saying stating adding noting writing telling explaining arguing warning insisting
    declaring""".split()
)
# Verbs a statement (a document) "says" with; 'called' is left out: "in a statement, X called".
DOCUMENT_VERBS = {"said", "says", "added", "adds", "noted", "notes", "stated", "states", "read"}
DOCUMENT_NOUNS = {
    "statement",
    "readout",
    "release",
    "communiqué",
    "communique",
    "declaration",
    "report",
    "post",
    "message",
    "announcement",
}

# Lowercase nouns that say a name next to them is a person's.
ROLE_NOUNS = set(
    """president president-elect minister ambassador analyst spokesperson spokesman spokeswoman
    diplomat blogger expert adviser advisor director chairman chairwoman chair head leader
    governor mayor deputy senator secretary envoy journalist professor commander chief officer
    premier chancellor king queen prince pope general ceo founder economist politician lawmaker
    counterpart correspondent reporter editor researcher scholar activist official representative
    speaker akim prosecutor judge mp veteran priest pastor bishop imam rabbi detective nurse
    midwife doctor physician surgeon resident residents lawyer attorney teacher student worker
    farmer owner manager coordinator organiser organizer witness survivor volunteer campaigner
    commissioner administrator superintendent sheriff inspector sergeant captain lieutenant
    colonel constable councillor councilor trustee executive principal dean curator historian
    scientist engineer pilot soldier firefighter paramedic psychologist artist author writer
    novelist singer musician coach athlete entrepreneur investor banker consultant strategist
    pollster agent negotiator organizer commentator host presenter producer designer
    architect spokesmen spokeswomen officials illustrator photographer actor actress comedian
    filmmaker cartoonist rapper dancer poet playwright candidate nominee challenger
    incumbent""".split()
)
# More people described by what they do: a speaker given only by a description ("the
# ranger said") and a role written before a name ("Shopkeeper Edith Cole") (issue 12).
# Words that are also common surnames (Baker, Cook, Porter) are left out.
ROLE_NOUNS |= set(
    """ranger warden shopkeeper fisherman fishermen pharmacist dentist mechanic plumber
    electrician chef vendor trader merchant shopper accountant aide staffer legislator
    congressman congresswoman assemblyman assemblywoman councilman councilwoman alderman
    magistrate coroner barrister solicitor epidemiologist virologist biologist geologist
    meteorologist forecaster climatologist astronomer physicist chemist academic lecturer
    headteacher headmaster headmistress pupil librarian photographer filmmaker actor actress
    comedian poet playwright composer dancer chaplain monk nun cleric preacher missionary
    rancher grower landlord tenant homeowner commuter passenger motorist cyclist trucker
    driver lifeguard rescuer medic protester demonstrator refugee migrant pensioner retiree
    neighbour neighbor widow widower tourist supporter goalkeeper referee sailor trooper
    mediator auditor regulator supervisor employee labourer laborer nanny carer caregiver
    therapist counsellor counselor""".split()
)
# Capitalised words that stand before a name as a title ("Prime Minister Kristersson").
TITLE_WORDS = set(
    """President Vice Prime Minister Ministers Foreign Defence Defense Deputy Ambassador Chancellor
    Secretary Senator Governor Mayor General Gen Gen. Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof.
    King Queen Prince Pope Chairman Chairwoman Spokesperson Spokesman Director Envoy Speaker
    Akim Premier Analyst Commander Chief Head Leader Special Representative First Lady Sir
    Lieutenant Colonel Admiral Marshal Sheikh Emir Administrator Commissioner Superintendent
    Inspector Detective Sergeant Sgt Sgt. Captain Capt Capt. Major Maj Maj. Lt Lt. Col Col.
    Cpl Cpl. Pvt Pvt. Officer Constable Judge Justice Rep Rep. Sen Sen. Gov Gov. Councillor
    Councilor Bishop Archbishop Cardinal Father Rabbi Imam Reverend Rev Rev. Sister Brother
    Chief Executive Sheriff Attorney Spokeswoman Professor Doctor Minister Secretary-General
    Pastor Nurse""".split()
)
# Sentence-opening words that are capitalised only because they open the sentence.
FUNCTION_WORDS = set(
    """The A An In On At After Before Despite However According This That These Those It He She
    They We I You Our His Her Their Its But And Or As For From With Since While When Where If
    Still Yet Also Both Meanwhile Further Furthermore Moreover Although Though Because So Then
    Today Yesterday Tomorrow Last Next Earlier Later During Under Over Among Between Without
    Within Through Thus Hence Nevertheless Nonetheless Instead Such Some Many Most Every Each
    No Not Other Another All Any One Two Three Four Five Here There What Which Who Whom Whose
    Why How Let Do Does Did Is Are Was Were Be Been Has Have Had Will Would Can Could May Might
    Must Shall Should Only Even Just Once Now Whether Unlike Like Following Regarding About
    Against Along Around By To Of Into Upon Via Per Amid Toward Towards Until Ahead Given
    Besides Rather Indeed Of Dear Photo Image Source Read Related Editor Note Yes Well Mr
    Unless Except Never Always""".split()
)
MONTHS = (
    "January February March April May June July August September October November December"
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()

GOVERNMENT_WORDS = set(
    """Ministry Ministries Embassy Embassies Office Government Parliament Cabinet Administration
    Akimat Senate Mazhilis Duma Rada Service Department Presidency Court Police Army Forces
    Guard Bureau Inspectorate Consulate Prosecutor Agency Commission Secretariat Akorda Kremlin
    Council Committee Customs Legislature Congress Authority Authorities Directorate
    Municipality Prefecture Ministry Navy Command Marines""".split()
)
ORGANISATION_WORDS = set(
    """Institute University Forum Assembly Union Association Foundation Fund Bank Company
    Corporation Corp Group Consortium Organization Organisation Alliance Party Center Centre
    Society Chamber Shipyard Club Movement Network Coalition Trust Federation Academy
    Exchange Holding Holdings Airlines Railways JSC LLC LLP Ltd Inc PLC GmbH AG NGO Initiative
    Church Council Board Partnership Cooperative Enterprise Enterprises Industries Museum
    Planetarium School College League Legion Corps Brotherhood Institution Democrats
    Republicans Conservatives Guild Syndicate Laboratory Laboratories Observatory""".split()
)
# Plural heads of one body's name ("Social Security and Medicare Boards of Trustees",
# "Centers for Disease Control") or of a list of bodies ("the Departments of the
# Treasury and Labor", split by the actor rules) (issue 12, actors).
# "the United Nations" (issue 12, actors).
ORGANISATION_WORDS |= {"Nations"}
GOVERNMENT_WORDS |= {"Departments", "Agencies", "Commissions", "Committees", "Offices"}
ORGANISATION_WORDS |= {"Boards", "Centers", "Centres", "Institutes", "Councils"}
# A company's legal form spelled out ("Rasperia Trading Limited") (issue 12, actors).
ORGANISATION_WORDS |= {"Limited", "Incorporated"}
# More people in an election, beside "candidate" and "nominee" above (issue 12, actors).
ROLE_NOUNS |= {"contender", "frontrunner"}
# People described by their wealth ("Russian oligarch Oleg Deripaska") (issue 12, actors).
ROLE_NOUNS |= {"oligarch", "businessman", "businesswoman", "tycoon", "billionaire", "magnate"}
ORGANISATION_ACRONYMS = set(
    """NATO UN EU OSCE CSTO SCO WHO IMF OPEC CIS EAEU CPC ISW ICC IAEA UNICEF UNHCR WTO ASEAN
    OECD G7 G20 BRICS OTS""".split()
)
MEDIA_WORDS = set(
    """Times News Post Herald Gazette Tribune Journal Telegraph Radio TV Television Broadcasting
    Press Reuters Bloomberg Interfax TASS Xinhua Kazinform Ukrinform Anadolu AFP BBC CNN
    Euronews RFE/RL Azattyq Kun Vlast Tengrinews Sputnik Khabar Magazine Weekly Daily
    Newspaper""".split()
)
# Names of broadcasters and government agencies that news writes as bare initials: their
# spelling alone says their type ("NBC" an outlet, "NASA" a government body).
BROADCASTER_INITIALS = set("NBC CBS ABC PBS NPR CBC RTE NHK ITV ZDF ARD RAI KBS SBS".split())
GOVERNMENT_INITIALS = set(
    """NASA FBI CIA NSA FEMA EPA FDA CDC IRS NOAA DHS DOJ ATF DEA NIH USDA ESA ISRO JAXA
    Roscosmos MI5 MI6 GCHQ""".split()
)
# Words that make a capitalised phrase a place, an event or a thing, not an actor.
NOT_ACTOR_WORDS = set(
    """Sea Lake River Region Oblast Corridor Asia Europe Caucasus Territory Territories Street
    Avenue Square Field Port Route Pipeline Mountains Island Islands Bay Ocean Valley Steppe
    Province District City Airport Station War Charter Constitution Day Program Programme Format
    Plan Summit Conference Package Agreement Treaty Resolution Act Law Week Year Month Zone
    Republic Republics Reserve Park Hall Palace Bridge Road Highway Canal Basin Peninsula Coast
    Front Line East West North South Central Eastern Western Northern Southern Middle Black
    Caspian Olympics Games Cup Prize Award Strategy Doctrine Declaration Memorandum Protocol
    Convention Project Campaign Operation Festival Exhibition Expo Session Meeting Talks
    Yurts Yurt Garden Gardens Shuttle Browser""".split()
)
# Programmes and benefits, named like bodies: "the Emergency Rental Assistance program",
# "the Indian Housing Block Grant" (issue 12, actors).
NOT_ACTOR_WORDS |= set("Assistance Grant Grants Scheme Subsidy Subsidies Allowance".split())
# Settlements named with their kind: "Kibbutz Be'eri", "Moshav Netiv HaAsara".
NOT_ACTOR_WORDS |= set("Kibbutz Moshav Village Township Camp".split())
# Prepositions after which a capital city is a place, not its state ("talks in Moscow").
LOCATIVE_WORDS = set(
    """in to from at near via through into across towards toward around outside inside within
    between beyond of for""".split()
)
PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person"}
# Lowercase nouns that, after a state, a demonym or a party's or leader's name, make the
# phrase a government body: "the Malaysian navy", "the Monti government".
GOVERNMENT_NOUNS = {"government", "navy", "military", "army", "police", "parliament", "cabinet"}
# Capitalised abbreviations that name no actor: units, times, subjects, titles.
NOT_ACTOR_ACRONYMS = set(
    """AI US UK USA TV CEO CFO COO CTO GDP HIV AIDS DNA RNA COVID OK AM PM GMT UTC BST EST PST
    EDT CET ID IT PC PR FAQ VIP USB DVD CD SMS URL HTML PDF LGBT LGBTQ ISBN MP MW KM KG CO II
    III IV VI VII VIII IX XI XII VR IE FM AD BC CE BCE DC NY LA UFO RSS API CPU GPS SUV ATM
    PIN IQ ER ICU NB PS RIP DIY
    QC KC SC OBE MBE CBE KBE DBE PHD MD RN""".split()
)
# Technical abbreviations: formats, protocols, devices and game terms (issue 12, actors).
NOT_ACTOR_ACRONYMS |= set(
    """XML JSON CSV SQL HTTP HTTPS FTP SSH IRC VM VMS OS RAM ROM LED LCD OLED LTE GSM NFC
    SSD HDD GPU VPN DNS IP TCP UDP SSL TLS MMO MMORPG RPG FPS NPC DLC PVP HD UHD PHP CSS
    JS SDK IDE UI UX IOT AR XR ML LLM GUI CLI BIOS USB WWW""".split()
)

# Peoples and nationalities named by a plural noun ("Palestinians said", "Israelis have
# voted"): a group when they act or speak (issue 12, actors). Only plurals that cannot
# be adjectives ("the Chinese" can): a hand-written list across regions.
PEOPLES = frozenset(
    """Palestinians Israelis Arabs Jews Kurds Muslims Christians Sunnis Shiites Shias
    Druze Yazidis Rohingya Uyghurs Uighurs Tamils Sikhs Hindus Buddhists Pashtuns Hazaras
    Tutsis Hutus Haitians Ukrainians Russians Americans Europeans Africans Asians Latinos
    Hispanics Iranians Afghans Syrians Iraqis Egyptians Jordanians Saudis Yemenis Libyans
    Somalis Ethiopians Eritreans Kenyans Nigerians Ghanaians Mexicans Cubans Venezuelans
    Colombians Brazilians Argentines Argentinians Chileans Peruvians Canadians Britons
    Scots Germans Italians Spaniards Greeks Turks Poles Czechs Hungarians Romanians Serbs
    Croats Bosnians Albanians Georgians Armenians Azerbaijanis Kazakhs Uzbeks Tajiks
    Turkmens Mongolians Koreans Filipinos Indonesians Malaysians Thais Indians Pakistanis
    Bangladeshis Nepalis Australians Belgians Swedes Norwegians Danes Finns Icelanders
    Austrians Catalans Basques Belarusians Moldovans Lithuanians Latvians Estonians
    Tibetans Chechens Berbers Bedouins Israelites Zimbabweans Ugandans Rwandans Congolese
    Sudanese Lebanese""".split()
)
# Armed groups and movements news names by one name with no body's word: groups, not
# organisations, whatever verb or agent cue found them ("the Taliban said") (issue 12).
ARMED_GROUPS = frozenset(
    """Taliban Hamas Hezbollah Hizbollah Houthis Houthi al-Qaeda al-Qaida Al-Qaeda Al-Qaida
    al-Shabaab Al-Shabaab ISIS ISIL Daesh FARC ELN PKK IRA ETA Wagner""".split()
) | {"Islamic State", "Boko Haram", "Islamic Jihad", "Tehrik-i-Taliban"}
# Titles of rank before one name, as "Prince" and "Lady" were: "Lord Sugar", "Dame Judi"
# (issue 12, actors).
TITLE_WORDS |= {"Lord", "Dame"}
# "the Sea Org": "Org" is "Organization" cut short (issue 12, actors).
ORGANISATION_WORDS |= {"Org"}
