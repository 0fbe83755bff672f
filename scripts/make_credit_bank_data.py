#!/usr/bin/env python3
"""Builds Sources/CreditBank/Resources/{frameworks,alignment}.json.

Structure comes from ../shared/data/qualifications_frameworks/qf_structure.json (Guangdong and
Hong Kong: 7 levels each, HKQF 10 notional hours per credit, award titles per HKQF level). That
file found no official level-descriptor texts, so descriptors stay empty (null) — never invented.
The national academic levels and the Macau degree levels are not in the shared data; they are
named from the levels themselves. The default alignment to the Guangdong framework is a
starting table for the city to confirm and edit, not an official correspondence.
Run: python3 scripts/make_credit_bank_data.py"""
import json, os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QF = os.path.join(ROOT, "..", "shared", "data", "qualifications_frameworks", "qf_structure.json")
OUT = os.path.join(ROOT, "Sources", "CreditBank", "Resources")
qf = json.load(open(QF, encoding="utf-8"))

gd = qf["guangdong_lifelong_education_qf"]
hk = qf["hkqf"]
titles = {t["level"]: t["titles_zh"] for t in hk["award_titles_by_level_per_source"]}

frameworks = [
    {"id": "gd-lqf", "nameZh": gd["name_zh"], "nameEn": "Guangdong Lifelong Education Qualifications Framework",
     "levels": [{"number": n, "titleZh": f"第{n}级", "titleEn": f"Level {n}", "descriptorZh": None, "descriptorEn": None} for n in gd["levels"]],
     "hoursPerCredit": None, "source": "; ".join(gd["sources"]) + " (descriptor texts not retrieved)"},
    {"id": "hkqf", "nameZh": hk["name_zh"], "nameEn": hk["name_en"],
     "levels": [{"number": n, "titleZh": f"資歷級別{n}（{'、'.join(titles.get(n, []))}）", "titleEn": f"QF Level {n}",
                 "descriptorZh": None, "descriptorEn": None} for n in hk["levels"]],
     "hoursPerCredit": hk["credit_rules_per_source"]["qf_credit_notional_learning_hours"],
     "source": "; ".join(hk["sources"]) + " (GLD texts not retrieved)"},
    {"id": "mo-he", "nameZh": "澳门高等教育学历", "nameEn": "Macau higher-education awards",
     "levels": [{"number": n, "titleZh": zh, "titleEn": en, "descriptorZh": None, "descriptorEn": None}
                for n, zh, en in [(1, "副学士", "Associate degree"), (2, "学士", "Bachelor"), (3, "硕士", "Master"), (4, "博士", "Doctorate")]],
     "hoursPerCredit": None, "source": "degree levels of Macau higher education; not in ../shared/data — to confirm"},
    {"id": "cn-academic", "nameZh": "国家学历层次", "nameEn": "National academic levels",
     "levels": [{"number": n, "titleZh": zh, "titleEn": en, "descriptorZh": None, "descriptorEn": None}
                for n, zh, en in [(1, "中职", "Secondary vocational"), (2, "专科", "Associate (higher vocational)"), (3, "本科", "Bachelor")]],
     "hoursPerCredit": None, "source": "national academic levels named in the issue"},
]

alignment = {"pairs": (
    [{"level": {"framework": "hkqf", "level": n}, "hubLevel": n} for n in range(1, 8)]
    + [{"level": {"framework": "mo-he", "level": n}, "hubLevel": h} for n, h in [(1, 4), (2, 5), (3, 6), (4, 7)]]
    + [{"level": {"framework": "cn-academic", "level": n}, "hubLevel": h} for n, h in [(1, 3), (2, 4), (3, 5)]]
)}

os.makedirs(OUT, exist_ok=True)
json.dump(frameworks, open(os.path.join(OUT, "frameworks.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
json.dump(alignment, open(os.path.join(OUT, "alignment.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print(f"{len(frameworks)} frameworks, {len(alignment['pairs'])} alignment pairs")
