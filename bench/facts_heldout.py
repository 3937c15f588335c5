"""The facts on releases the rules were not written from: extracts bench/facts_heldout/docs/*.txt
and scores them with ../shared/eval/press-dev/score_facts.py against bench/facts_heldout/facts.jsonl
(its gold.jsonl beside it gives the persons and organizations), apart from `make quality`.

usage: python bench/facts_heldout.py [--shared ../shared] [--verbose] [--out bench/out]

Prints one column per part: all documents, the part checked while fixing rules (001-020, 031-040,
051-060, 071-080, 091-100, 111-120, 131-140, 151-160, 171-180, 191-200, 211-220, 231-240, 251-260, 271-280,
291-300, 311-320, 331-340, 351-360, 371-380, 391-400, 411-420, 431-440, 451-460, 471-480, 491-500, 511-520,
531-540, 551-560, 571-580, 591-600, 611-620, 631-640, 651-660, 671-680, 691-700, 711-720, 731-740,
751-760, 771-780, 791-800, 811-820, 831-840, 851-860, 871-880, 891-900, 911-920, 931-940,
951-960, 971-980, 991-1000, 1011-1020, 1031-1040, 1051-1060, 1071-1080,
1091-1100, 1111-1120, 1131-1140, 1151-1160, 1171-1180, 1191-1200, 1211-1220, 1231-1240, 1251-1260,
1271-1280, 1291-1300, 1311-1320, 1331-1340, 1351-1360, 1371-1380, 1391-1400, 1411-1420, 1431-1440,
1451-1460, 1471-1480, 1491-1500, 1511-1520, 1531-1540, 1551-1560,
1571-1580, 1591-1600, 1611-1620, 1631-1640, 1651-1660, 1671-1680, 1691-1700, 1711-1720, 1731-1740,
1751-1760, 1771-1780,
    1791-1800, 1811-1820, 1831-1840, 1851-1860,
    1871-1880, 1891-1900, 1911-1920, 1931-1940, 1951-1960, 1971-1980, 1991-2000, 2011-2020,
    2031-2040, 2051-2060, 2071-2080, 2091-2100, 2111-2120,
    2131-2140, 2151-2160, 2171-2180, 2191-2200, 2211-2220, 2231-2240, 2251-2260,
    2271-2280, 2291-2300, 2311-2320, 2331-2340, 2351-2360, 2371-2380,
    2391-2400, 2411-2420) and the part
kept for a final check only (021-030, 041-050, 061-070, 081-090, 101-110, 121-130, 141-150, 161-170, 181-190,
201-210, 221-230, 241-250, 261-270, 281-290, 301-310, 321-330,
341-350, 361-370, 381-390, 401-410, 421-430, 441-450, 461-470, 481-490, 501-510, 521-530, 541-550, 561-570,
581-590, 601-610, 621-630, 641-650, 661-670, 681-690, 701-710, 721-730, 741-750,
761-770, 781-790, 801-810, 821-830, 841-850, 861-870, 881-890, 901-910, 921-930, 941-950,
961-970, 981-990, 1001-1010, 1021-1030, 1041-1050, 1061-1070, 1081-1090,
1101-1110, 1121-1130, 1141-1150, 1161-1170, 1181-1190, 1201-1210, 1221-1230, 1241-1250, 1261-1270,
1281-1290, 1301-1310, 1321-1330, 1341-1350, 1361-1370, 1381-1390, 1401-1410, 1421-1430, 1441-1450,
1461-1470, 1481-1490, 1501-1510, 1521-1530, 1541-1550, 1561-1570,
1581-1590, 1601-1610, 1621-1630, 1641-1650, 1661-1670, 1681-1690, 1701-1710, 1721-1730, 1741-1750,
1761-1770, 1781-1790,
    1801-1810, 1821-1830, 1841-1850, 1861-1870,
    1881-1890, 1901-1910, 1921-1930, 1941-1950, 1961-1970, 1981-1990, 2001-2010, 2021-2030,
    2041-2050, 2061-2070, 2081-2090, 2101-2110, 2121-2130,
    2141-2150, 2161-2170, 2181-2190, 2201-2210, 2221-2230, 2241-2250, 2261-2270, 2281-2290, 2301-2310,
    2321-2330, 2341-2350, 2361-2370, 2381-2390, 2401-2410, 2421-2430);
--verbose adds the scorer's misses and extras on the tuning part only (--verbose-final on the final part too,
once the rules are settled).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scoring import ROOT, extract_json, run_scorer, write_jsonl

from extractor.pipeline import Pipeline, Request

HELDOUT = ROOT / "bench/facts_heldout"
# never looked at while changing the rules
# every second ten from 021: 021-030, 041-050, ..., 781-790
FINAL_FIRSTS = tuple(range(21, 2422, 20))
FINAL = {f"{n:03d}" for first in FINAL_FIRSTS for n in range(first, first + 10)}
ROWS = (
    ("meetings.pairs F1", "meetings.pairs", "f1"),
    ("meetings.date_acc", "meetings.date_acc", "acc"),
    ("meetings.place_acc", "meetings.place_acc", "acc"),
    ("agreements.pairs F1", "agreements.pairs", "f1"),
    ("agreements.kind_acc", "agreements.kind_acc", "acc"),
    ("agreements.date_acc", "agreements.date_acc", "acc"),
    ("appointments F1", "appointments", "f1"),
    ("appointments.strict F1", "appointments.strict", "f1"),
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "bench/out")
    ap.add_argument("--verbose", action="store_true", help="the scorer's misses and extras, tuning part")
    ap.add_argument("--verbose-final", action="store_true", help="the same on every document")
    args = ap.parse_args()
    scorer = args.shared / "eval/press-dev/score_facts.py"
    if not scorer.is_file():
        sys.exit(f"no score_facts.py at {scorer}: pass --shared PATH")

    docs = sorted((HELDOUT / "docs").glob("*.txt"))
    outputs = extract_json(Pipeline(), [Request(p.read_text(encoding="utf-8"), str(p)) for p in docs])
    ids = [p.stem for p in docs]
    # keyed by "id": the scorer reads an id off a "source" ending in three digits, so «1011.txt»
    # would be taken for document 011
    keyed = [{"id": i, **{k: v for k, v in out.items() if k != "source"}} for i, out in zip(ids, outputs, strict=True)]
    preds = write_jsonl(args.out / "facts_heldout.jsonl", keyed)
    parts = {
        "all": ids,
        "tune": [i for i in ids if i not in FINAL],
        "final": [i for i in ids if i in FINAL],
    }
    gold = HELDOUT / "facts.jsonl"
    runs = {name: run_scorer(scorer, gold, preds, "--ids", ",".join(part)) for name, part in parts.items()}
    if args.verbose or args.verbose_final:
        listed = parts["all"] if args.verbose_final else parts["tune"]
        print(run_scorer(scorer, gold, preds, "--verbose", "--ids", ",".join(listed)).output)
    print(f"{'figure':24}" + "".join(f"{name:>8}" for name in runs))
    for label, key, field in ROWS:
        cells = "".join(f"{runs[name].figures.get(key, {}).get(field, 0.0):8.3f}" for name in runs)
        print(f"{label:24}{cells}")


if __name__ == "__main__":
    main()
