#!/usr/bin/python3
"""Generates data/kb/countries.txt (annalist knowledge-base format, docs/dictionary-format.md).

Run ONCE by hand when iso-codes or the table below changes; the output is committed:

    /usr/bin/python3 scripts/make_countries.py > data/kb/countries.txt

Sources:
  * names, official names, common names and ISO 3166-1 alpha-3 codes: Debian package
    iso-codes (/usr/share/iso-codes/json/iso_3166-1.json);
  * CAMEO codes: ISO alpha-3, as the CAMEO actor codebook prescribes for states, with the
    codebook's exceptions listed in CAMEO_CODES (Kosovo has no ISO code: KSV);
  * demonyms, adjectives, peoples, common short names, capitals and seats of government:
    the EXTRA table below, written for annalist from public knowledge (national names as
    used in English-language news, capitals as in the countries' constitutions/CIA World
    Factbook entries). Nothing here is copied from any PETRARCH/Phoenix dictionary.

Every country and territory of iso-codes is listed, plus Kosovo.
"""
import json
import sys

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"

# CAMEO codes that differ from ISO alpha-3, and entities iso-codes lacks.
CAMEO_CODES = {}
MISSING = [
    # code, name, official name
    ("KSV", "Kosovo", "Republic of Kosovo"),
]

# alpha-3 | extra names and aliases | adjectives/demonyms | plural people | capitals/seats
# Fields are ';'-separated. Ambiguous forms are left out on purpose: "Dominican" (Dominica
# and the Dominican Republic), "Congolese" (two Congos), "Male" (Maldives: an English
# word), "Victoria"/"Hamilton" (personal names), "Georgian" is kept for Georgia.
EXTRA = """
AFG|Afghanistan|Afghan|Afghans|Kabul
ALB|Albania|Albanian|Albanians|Tirana
DZA|Algeria|Algerian|Algerians|Algiers
AND|Andorra|Andorran|Andorrans|Andorra la Vella
AGO|Angola|Angolan|Angolans|Luanda
ATG|Antigua;Antigua-Barbuda|Antiguan|Antiguans|St. John's
ARG|Argentina|Argentine;Argentinian|Argentines;Argentinians|Buenos Aires;Casa Rosada
ARM|Armenia|Armenian|Armenians|Yerevan
AUS|Australia|Australian|Australians|Canberra
AUT|Austria|Austrian|Austrians|Vienna
AZE|Azerbaijan|Azerbaijani;Azeri|Azerbaijanis;Azeris|Baku
BHS|Bahamas;The Bahamas|Bahamian|Bahamians|Nassau
BHR|Bahrain|Bahraini|Bahrainis|Manama
BGD|Bangladesh|Bangladeshi|Bangladeshis|Dhaka
BRB|Barbados|Barbadian;Bajan|Barbadians|Bridgetown
BLR|Belarus;Byelorussia|Belarusian;Belarussian|Belarusians|Minsk
BEL|Belgium|Belgian|Belgians|Brussels
BLZ|Belize|Belizean|Belizeans|Belmopan
BEN|Benin|Beninese||Porto-Novo;Cotonou
BTN|Bhutan|Bhutanese||Thimphu
BOL|Bolivia|Bolivian|Bolivians|La Paz;Sucre
BIH|Bosnia;Bosnia-Herzegovina;Bosnia and Herzegovina|Bosnian|Bosnians|Sarajevo
BWA|Botswana|Botswanan;Motswana|Batswana|Gaborone
BRA|Brazil|Brazilian|Brazilians|Brasilia;Brasília;Planalto
BRN|Brunei;Brunei Darussalam|Bruneian|Bruneians|Bandar Seri Begawan
BGR|Bulgaria|Bulgarian|Bulgarians|Sofia
BFA|Burkina Faso;Burkina|Burkinabe;Burkinabé|Burkinabes|Ouagadougou
BDI|Burundi|Burundian|Burundians|Bujumbura;Gitega
CPV|Cape Verde;Cabo Verde|Cape Verdean|Cape Verdeans|Praia
KHM|Cambodia;Kampuchea|Cambodian;Khmer|Cambodians|Phnom Penh
CMR|Cameroon|Cameroonian|Cameroonians|Yaounde;Yaoundé
CAN|Canada|Canadian|Canadians|Ottawa
CAF|Central African Republic;CAR|Central African|Central Africans|Bangui
TCD|Chad|Chadian|Chadians|N'Djamena;Ndjamena
CHL|Chile|Chilean|Chileans|Santiago;La Moneda
CHN|China;People's Republic of China;PRC;Mainland China|Chinese||Beijing;Peking;Zhongnanhai
COL|Colombia|Colombian|Colombians|Bogota;Bogotá
COM|Comoros|Comoran;Comorian|Comorians|Moroni
COG|Congo-Brazzaville;Republic of the Congo;Republic of Congo|||Brazzaville
COD|Democratic Republic of the Congo;Democratic Republic of Congo;DR Congo;DRC;D.R. Congo;Congo-Kinshasa;Zaire|||Kinshasa
CRI|Costa Rica|Costa Rican|Costa Ricans|San Jose;San José
CIV|Ivory Coast;Cote d'Ivoire;Côte d'Ivoire|Ivorian;Ivoirian|Ivorians|Yamoussoukro;Abidjan
HRV|Croatia|Croatian;Croat|Croatians;Croats|Zagreb
CUB|Cuba|Cuban|Cubans|Havana
CYP|Cyprus|Cypriot|Cypriots|Nicosia
CZE|Czech Republic;Czechia|Czech|Czechs|Prague
DNK|Denmark|Danish|Danes|Copenhagen
DJI|Djibouti|Djiboutian|Djiboutians|
DMA|Dominica|||Roseau
DOM|Dominican Republic|||Santo Domingo
ECU|Ecuador|Ecuadorian;Ecuadorean|Ecuadorians|Quito
EGY|Egypt|Egyptian|Egyptians|Cairo
SLV|El Salvador|Salvadoran;Salvadorean|Salvadorans|San Salvador
GNQ|Equatorial Guinea|Equatoguinean;Equatorial Guinean|Equatoguineans|Malabo
ERI|Eritrea|Eritrean|Eritreans|Asmara
EST|Estonia|Estonian|Estonians|Tallinn
SWZ|Eswatini;Swaziland|Swazi|Swazis|Mbabane
ETH|Ethiopia|Ethiopian|Ethiopians|Addis Ababa
FJI|Fiji|Fijian|Fijians|Suva
FIN|Finland|Finnish|Finns|Helsinki
FRA|France|French|Frenchmen|Paris;Elysee;Élysée;Elysee Palace;Quai d'Orsay
GAB|Gabon|Gabonese||Libreville
GMB|Gambia;The Gambia|Gambian|Gambians|Banjul
GEO|Georgia|Georgian|Georgians|Tbilisi
DEU|Germany;Federal Republic of Germany|German|Germans|Berlin
GHA|Ghana|Ghanaian|Ghanaians|Accra
GRC|Greece;Hellenic Republic|Greek|Greeks|Athens
GRD|Grenada|Grenadian|Grenadians|St. George's
GTM|Guatemala|Guatemalan|Guatemalans|Guatemala City
GIN|Guinea;Guinea-Conakry|Guinean|Guineans|Conakry
GNB|Guinea-Bissau;Guinea Bissau|Bissau-Guinean|Bissau-Guineans|Bissau
GUY|Guyana|Guyanese||Georgetown
HTI|Haiti|Haitian|Haitians|Port-au-Prince
HND|Honduras|Honduran|Hondurans|Tegucigalpa
HUN|Hungary|Hungarian|Hungarians|Budapest
ISL|Iceland|Icelandic|Icelanders|Reykjavik;Reykjavík
IND|India|Indian|Indians|New Delhi
IDN|Indonesia|Indonesian|Indonesians|Jakarta
IRN|Iran;Islamic Republic of Iran;Persia|Iranian|Iranians|Tehran;Teheran
IRQ|Iraq|Iraqi|Iraqis|Baghdad
IRL|Ireland;Republic of Ireland;Eire|Irish|Irishmen|Dublin
ISR|Israel;State of Israel|Israeli|Israelis|Jerusalem;Tel Aviv
ITA|Italy|Italian|Italians|Rome
JAM|Jamaica|Jamaican|Jamaicans|Kingston
JPN|Japan|Japanese||Tokyo
JOR|Jordan;Hashemite Kingdom of Jordan|Jordanian|Jordanians|Amman
KAZ|Kazakhstan|Kazakh;Kazakhstani|Kazakhs;Kazakhstanis|Astana;Nur-Sultan
KEN|Kenya|Kenyan|Kenyans|Nairobi
KIR|Kiribati|I-Kiribati||Tarawa
PRK|North Korea;DPRK;Democratic People's Republic of Korea|North Korean|North Koreans|Pyongyang
KOR|South Korea;Republic of Korea;ROK|South Korean|South Koreans|Seoul;Blue House
KSV|Kosovo|Kosovar;Kosovan|Kosovars|Pristina;Prishtina
KWT|Kuwait|Kuwaiti|Kuwaitis|Kuwait City
KGZ|Kyrgyzstan;Kirghizia;Kyrgyz Republic|Kyrgyz|Kyrgyzstanis|Bishkek
LAO|Laos;Lao PDR|Laotian;Lao|Laotians|Vientiane
LVA|Latvia|Latvian|Latvians|Riga
LBN|Lebanon|Lebanese||Beirut
LSO|Lesotho|Basotho;Mosotho||Maseru
LBR|Liberia|Liberian|Liberians|Monrovia
LBY|Libya|Libyan|Libyans|Tripoli
LIE|Liechtenstein|Liechtensteiner|Liechtensteiners|Vaduz
LTU|Lithuania|Lithuanian|Lithuanians|Vilnius
LUX|Luxembourg|Luxembourgish;Luxembourger|Luxembourgers|
MDG|Madagascar|Malagasy||Antananarivo
MWI|Malawi|Malawian|Malawians|Lilongwe
MYS|Malaysia|Malaysian|Malaysians|Kuala Lumpur;Putrajaya
MDV|Maldives|Maldivian|Maldivians|
MLI|Mali|Malian|Malians|Bamako
MLT|Malta|Maltese||Valletta
MHL|Marshall Islands|Marshallese||Majuro
MRT|Mauritania|Mauritanian|Mauritanians|Nouakchott
MUS|Mauritius|Mauritian|Mauritians|Port Louis
MEX|Mexico;United Mexican States|Mexican|Mexicans|Mexico City
FSM|Micronesia;Federated States of Micronesia|Micronesian|Micronesians|Palikir
MDA|Moldova|Moldovan|Moldovans|Chisinau;Chișinău
MCO|Monaco|Monegasque;Monacan|Monegasques|
MNG|Mongolia|Mongolian|Mongolians|Ulaanbaatar;Ulan Bator
MNE|Montenegro|Montenegrin|Montenegrins|Podgorica
MAR|Morocco|Moroccan|Moroccans|Rabat
MOZ|Mozambique|Mozambican|Mozambicans|Maputo
MMR|Myanmar;Burma|Myanmarese;Burmese||Naypyidaw;Nay Pyi Taw;Naypyitaw
NAM|Namibia|Namibian|Namibians|Windhoek
NRU|Nauru|Nauruan|Nauruans|Yaren
NPL|Nepal|Nepali;Nepalese|Nepalis|Kathmandu
NLD|Netherlands;Holland|Dutch|Dutchmen|Amsterdam;The Hague
NZL|New Zealand|New Zealander|New Zealanders|Wellington
NIC|Nicaragua|Nicaraguan|Nicaraguans|Managua
NER|Niger|Nigerien|Nigeriens|Niamey
NGA|Nigeria|Nigerian|Nigerians|Abuja
MKD|North Macedonia;Macedonia;FYROM|Macedonian|Macedonians|Skopje
NOR|Norway|Norwegian|Norwegians|Oslo
OMN|Oman;Sultanate of Oman|Omani|Omanis|Muscat
PAK|Pakistan|Pakistani|Pakistanis|Islamabad
PLW|Palau|Palauan|Palauans|Ngerulmud
PSE|Palestine;State of Palestine;Palestinian territories;Palestinian Territories;occupied Palestinian territories;Occupied Palestinian Territory;Gaza;Gaza Strip;West Bank|Palestinian|Palestinians|Ramallah
PAN|Panama|Panamanian|Panamanians|Panama City
PNG|Papua New Guinea|Papua New Guinean;Papuan|Papua New Guineans|Port Moresby
PRY|Paraguay|Paraguayan|Paraguayans|Asuncion;Asunción
PER|Peru|Peruvian|Peruvians|Lima
PHL|Philippines|Philippine;Filipino|Filipinos|Manila;Malacanang;Malacañang
POL|Poland|Polish|Poles|Warsaw
PRT|Portugal|Portuguese||Lisbon
QAT|Qatar|Qatari|Qataris|Doha
ROU|Romania;Rumania|Romanian|Romanians|Bucharest
RUS|Russia;Russian Federation|Russian|Russians|Moscow;Kremlin
RWA|Rwanda|Rwandan|Rwandans|Kigali
KNA|Saint Kitts and Nevis;St. Kitts and Nevis;St Kitts and Nevis|Kittitian||Basseterre
LCA|Saint Lucia;St. Lucia;St Lucia|Saint Lucian;St. Lucian|Saint Lucians|Castries
VCT|Saint Vincent and the Grenadines;St. Vincent and the Grenadines;St Vincent|Vincentian|Vincentians|Kingstown
WSM|Samoa|Samoan|Samoans|Apia
SMR|San Marino|Sammarinese||
STP|Sao Tome and Principe;São Tomé and Príncipe|Santomean|Santomeans|Sao Tome
SAU|Saudi Arabia;Kingdom of Saudi Arabia;KSA|Saudi;Saudi Arabian|Saudis|Riyadh
SEN|Senegal|Senegalese||Dakar
SRB|Serbia|Serbian;Serb|Serbians;Serbs|Belgrade
SYC|Seychelles|Seychellois||
SLE|Sierra Leone|Sierra Leonean|Sierra Leoneans|Freetown
SGP|Singapore|Singaporean|Singaporeans|
SVK|Slovakia;Slovak Republic|Slovak;Slovakian|Slovaks|Bratislava
SVN|Slovenia|Slovenian;Slovene|Slovenians;Slovenes|Ljubljana
SLB|Solomon Islands|Solomon Islander|Solomon Islanders|Honiara
SOM|Somalia|Somali|Somalis|Mogadishu
ZAF|South Africa|South African|South Africans|Pretoria;Cape Town
SSD|South Sudan|South Sudanese||Juba
ESP|Spain|Spanish|Spaniards|Madrid;Moncloa
LKA|Sri Lanka;Ceylon|Sri Lankan|Sri Lankans|Colombo;Sri Jayawardenepura Kotte
SDN|Sudan|Sudanese||Khartoum
SUR|Suriname;Surinam|Surinamese||Paramaribo
SWE|Sweden|Swedish|Swedes|Stockholm
CHE|Switzerland;Swiss Confederation|Swiss||Bern;Berne
SYR|Syria;Syrian Arab Republic|Syrian|Syrians|Damascus
TWN|Taiwan;Republic of China;ROC|Taiwanese||Taipei
TJK|Tajikistan|Tajik;Tajikistani|Tajiks|Dushanbe
TZA|Tanzania;United Republic of Tanzania|Tanzanian|Tanzanians|Dodoma;Dar es Salaam
THA|Thailand;Siam|Thai|Thais|Bangkok
TLS|East Timor;Timor-Leste;Timor Leste|Timorese;East Timorese||Dili
TGO|Togo|Togolese||Lome;Lomé
TON|Tonga|Tongan|Tongans|Nuku'alofa
TTO|Trinidad and Tobago;Trinidad|Trinidadian;Tobagonian|Trinidadians|Port of Spain;Port-of-Spain
TUN|Tunisia|Tunisian|Tunisians|Tunis
TUR|Turkey;Türkiye;Turkiye|Turkish|Turks|Ankara
TKM|Turkmenistan|Turkmen|Turkmens|Ashgabat
TUV|Tuvalu|Tuvaluan|Tuvaluans|Funafuti
UGA|Uganda|Ugandan|Ugandans|Kampala
UKR|Ukraine|Ukrainian|Ukrainians|Kyiv;Kiev
ARE|United Arab Emirates;UAE;U.A.E.;Emirates|Emirati|Emiratis|Abu Dhabi
GBR|United Kingdom;UK;U.K.;Britain;Great Britain;England;Scotland;Wales;Northern Ireland|British;Scottish;Welsh|Britons;Brits;Englishmen;Scots|London;Downing Street;Whitehall
USA|United States;US;U.S.;USA;U.S.A.;America;United States of America;New Jersey;New Mexico|American|Americans|Washington;White House
URY|Uruguay|Uruguayan|Uruguayans|Montevideo
UZB|Uzbekistan|Uzbek;Uzbekistani|Uzbeks|Tashkent
VUT|Vanuatu|Ni-Vanuatu||Port Vila
VAT|Vatican;Vatican City;Holy See|Vatican||
VEN|Venezuela;Bolivarian Republic of Venezuela|Venezuelan|Venezuelans|Caracas;Miraflores
VNM|Vietnam;Viet Nam|Vietnamese||Hanoi
YEM|Yemen|Yemeni|Yemenis|Sanaa;Sana'a;Aden
ZMB|Zambia|Zambian|Zambians|Lusaka
ZWE|Zimbabwe|Zimbabwean|Zimbabweans|Harare
HKG|Hong Kong|Hong Konger;Hongkonger|Hong Kongers|
MAC|Macau;Macao|Macanese||
PRI|Puerto Rico|Puerto Rican|Puerto Ricans|San Juan
GRL|Greenland|Greenlandic|Greenlanders|Nuuk
ESH|Western Sahara|Sahrawi;Saharawi|Sahrawis|
FLK|Falkland Islands;Falklands;Malvinas|Falkland Islander|Falkland Islanders|Stanley
GIB|Gibraltar|Gibraltarian|Gibraltarians|
BMU|Bermuda|Bermudian|Bermudians|
CUW|Curacao;Curaçao|Curacaoan||Willemstad
PYF|French Polynesia;Tahiti|French Polynesian;Tahitian||Papeete
NCL|New Caledonia|New Caledonian||Noumea;Nouméa
FRO|Faroe Islands;Faroes|Faroese||Torshavn;Tórshavn
GUM|Guam|Guamanian||Hagatna
"""

# Territories whose iso-codes names are awkward for text matching get an extra name.
KIND_TERRITORY_EXCEPT_UN = set()  # computed below: UN members are "country"

# UN member states (193), observer states and partially recognised states that news
# treats as countries: kind "country"; everything else in ISO 3166-1 is "territory".
UN_MEMBERS = set("""
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH
BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB
CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA
GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN
KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT
MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK
PLW PAN PNG PRY PER PHL POL PRT QAT ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC
SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO
TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split())
OTHER_STATES = {"PSE", "VAT", "TWN", "KSV"}

# CAMEO region codes (codebook, "Regions"); names written for annalist. Multi-word region
# names also keep "Latin America" or "South America" from matching America = USA.
REGIONS = """
AFR|Africa|African
ASA|Asia|Asian
BLK|Balkans|Balkan
CAU|Caucasus|
CAS|Central Asia|Central Asian
EEU|Eastern Europe|Eastern European
EUR|Europe|European
LAM|Latin America|Latin American
MEA|Middle East;Mideast|Middle Eastern
NAF|North Africa|North African
NMR|North America|North American
PGS|Persian Gulf;Gulf region|
SAM|South America|South American
SAS|South Asia|South Asian
SEA|Southeast Asia;South-East Asia|Southeast Asian
WAF|West Africa|West African
EAF|East Africa|East African
SAF|Southern Africa|
CRB|Caribbean|
WST|the West|
"""


# Lines written after a country's adj line, each with a comment saying why: hand additions
# belong here, never in data/kb/countries.txt (tests regenerate the file and compare).
AFTER_ADJ = {
    "ISR": ["# \"the Zionist regime / entity\": Iranian and Arab official usage for Israel's state.",
            "adj      Zionist"],
}


def split(field):
    return [x.strip() for x in field.split(";") if x.strip()]


def main():
    with open(ISO_JSON, encoding="utf-8") as f:
        iso = json.load(f)["3166-1"]
    extra = {}
    for line in EXTRA.strip().splitlines():
        parts = line.split("|")
        if len(parts) != 5:
            sys.exit("bad EXTRA line: " + line)
        extra[parts[0]] = [split(p) for p in parts[1:]]

    entries = [(e["alpha_3"], e.get("common_name") or e["name"], e["name"],
                e.get("official_name")) for e in iso]
    entries += [(c, n, n, o) for c, n, o in MISSING]
    entries.sort(key=lambda e: e[1])
    iso_codes = {e[0] for e in entries}
    unknown = set(extra) - iso_codes
    if unknown:
        sys.exit("EXTRA codes not in iso-codes: " + " ".join(sorted(unknown)))

    out = sys.stdout
    out.write("""# annalist knowledge base: countries and territories (docs/dictionary-format.md).
# GENERATED by scripts/make_countries.py -- edit the script, not this file.
# Sources: Debian iso-codes (ISO 3166-1: names, official and common names, alpha-3);
# CAMEO actor codebook (state codes are ISO alpha-3; Kosovo KSV; Palestine PSE covers
# Gaza and the West Bank); demonyms, short names, capitals and seats of government written
# for annalist from public knowledge (CIA World Factbook style). A capital stands for the
# government ("Tehran said" = IRNGOV).

""")
    for code, name, iso_name, official in entries:
        cameo = CAMEO_CODES.get(code, code)
        aliases, adjs, peoples, capitals = extra.get(code, [[], [], [], []])
        names = []
        for n in [name] + aliases + [official, iso_name]:
            # iso "Korea, Republic of" forms are never written in news; skip them.
            if n and "," not in n and n not in names:
                names.append(n)
        canonical = aliases[0] if aliases and "," in name else name
        if canonical in names:
            names.remove(canonical)
        kind = "country" if code in UN_MEMBERS or code in OTHER_STATES else "territory"
        exact = [n for n in names if n.replace(".", "").isupper() and "." not in n]
        names = [n for n in names if n not in exact]
        out.write("@actor %s\n" % cameo)
        out.write("name     %s\n" % canonical)
        if names:
            out.write("alias    %s\n" % "; ".join(names))
        if exact:
            out.write("exact    %s\n" % "; ".join(exact))
        if adjs:
            out.write("adj      %s\n" % "; ".join(adjs))
        for line in AFTER_ADJ.get(code, []):
            out.write(line + "\n")
        if peoples:
            out.write("plural   %s\n" % "; ".join(peoples))
        if capitals:
            out.write("capital  %s\n" % "; ".join(capitals))
        out.write("kind     %s\n" % kind)
        src = "iso-codes 3166-1" if code in {e["alpha_3"] for e in iso} else "CAMEO codebook (no ISO code)"
        if code in extra:
            src += "; names, demonyms, capitals: annalist (public knowledge)"
        out.write("source   %s\n\n" % src)
    out.write("# ---- regions (CAMEO codebook region codes)\n\n")
    for line in REGIONS.strip().splitlines():
        code, names, adjs = [split(p) for p in line.split("|")]
        out.write("@actor %s\nname     %s\n" % (code[0], names[0]))
        if len(names) > 1:
            out.write("alias    %s\n" % "; ".join(names[1:]))
        if adjs:
            out.write("adj      %s\n" % "; ".join(adjs))
        out.write("kind     region\nsource   CAMEO codebook region codes; names: annalist\n\n")


if __name__ == "__main__":
    main()
