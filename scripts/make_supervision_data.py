#!/usr/bin/env python3
"""Builds Sources/Indicators/Resources/Supervision/{indicators,work-list}.json from the policy's
text (../shared/seed/000_e14b5b7abcd14605.txt). Every quote must appear verbatim in the seed;
the work lists (附件1–3) are parsed from its tables. Run: python3 scripts/make_supervision_data.py"""
import json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "..", "shared", "seed", "000_e14b5b7abcd14605.txt")
OUT = os.path.join(ROOT, "Sources", "Indicators", "Resources", "Supervision")
text = open(SEED, encoding="utf-8").read()
flat = re.sub(r"\s+", "", text)

ALL = ["school", "district", "city"]
CITY = ["city"]
D2022 = "2022Q4"

def share(n, d): return {"kind": "at_least_share", "share": f"{n}/{d}"}
def at_least(n): return {"kind": "at_least", "count": n}
def rng(a, b): return {"kind": "range", "min": a, "max": b}
def about(n): return {"kind": "about", "count": n}

# id, zh, en, clause, quote, measure, unit, target, cadence, deadline, levels, tasks
INDICATORS = [
    ("teachers-dual-qualified", "“双师型”教师占专业课教师比例", "Dual-qualified share of professional-course teachers", "（五）",
     "专业课教师中“双师型”教师比例不低于80%", "dual_qualified_share", "percent", share(4, 5), "once", None, ALL, []),
    ("teachers-enterprise-part-time", "企业兼职教师占专业课教师比例", "Enterprise part-time share of professional-course teachers", "（五）",
     "企业兼职教师比例不低于30%", "enterprise_part_time_share", "percent", share(3, 10), "once", None, ALL, []),
    ("teachers-senior-title", "公办高职院校高级职称教师比例", "Senior-title share of teachers in public higher-vocational institutions", "（五）",
     "公办高职院校高级专业技术职称教师不低于60%", "senior_title_share", "percent", share(3, 5), "once", None, ALL, []),
    ("internship-quota", "规模以上企业实习岗位达标率（职工总数2%）", "Above-scale enterprises offering internship places for 2 % of employees", "（九）",
     "深圳市规模以上企业按职工总数的2%安排实习岗位接纳职业学校学生实习", "internship_quota_compliance", "percent", {"kind": "all"}, "once", None, ["district", "city"], [25]),
    ("smart-campus-5g", "5G智慧校园建成率", "Schools with a 5G smart campus", "（六）",
     "到2022年，深圳全部职业学校建成5G智慧校园", "smart_campus_share", "percent", {"kind": "all"}, "once", D2022, ALL, [19]),
    ("national-quality-secondary-schools", "国家级优质中职学校", "National high-quality secondary vocational schools", "（三）",
     "支持深圳创建6—8所国家级优质中职学校", "designations:national_quality_secondary_school", "count", rng(6, 8), "once", D2022, CITY, [5]),
    ("first-class-program-clusters", "一流专业群", "First-class program clusters", "（四）",
     "建设10—15个一流专业群", "designations:first_class_program_cluster", "count", rng(10, 15), "once", D2022, CITY, [11]),
    ("model-industry-colleges", "示范性特色产业学院", "Model industry colleges", "（四）",
     "到2022年建成10个示范性特色产业学院", "designations:model_industry_college", "count", at_least(10), "once", D2022, CITY, [32]),
    ("master-teacher-studios", "卓越名师工作室", "Master-teacher studios", "（二）",
     "建设20个卓越名师工作室", "designations:master_teacher_studio", "count", at_least(20), "once", D2022, CITY, [1]),
    ("ideology-new-teachers", "思政教坛新秀", "New stars of ideological and political teaching", "（二）",
     "培养40位思政教坛新秀", "designations:ideology_new_teacher", "count", at_least(40), "once", D2022, CITY, [1]),
    ("career-experience-centres", "职业体验中心或劳动实践基地", "Career-experience centres or labour-practice bases", "（二）",
     "建设20个左右职业体验中心或劳动实践基地", "designations:career_experience_centre", "count", about(20), "once", D2022, CITY, [4]),
    ("ai-reform-projects", "人工智能转型职教改革创新标杆项目", "AI transformation flagship projects", "（八）",
     "重点培育20个人工智能转型职教改革创新标杆项目", "designations:ai_reform_project", "count", at_least(20), "once", D2022, CITY, []),
    ("teaching-innovation-teams", "教师教学创新团队（每年）", "Teaching innovation teams (each year)", "（五）",
     "每年培育20个校企联合组建的高水平、结构化团队", "designations:teaching_innovation_team", "count", at_least(20), "yearly", None, CITY, [14]),
    ("teacher-training-bases", "教师培养培训基地", "Teacher training bases", "（五）",
     "支持校企共建10个教师培养培训基地", "designations:teacher_training_base", "count", at_least(10), "once", D2022, CITY, [15]),
    ("enterprise-practice-bases", "教师企业实践示范基地", "Teachers' enterprise-practice bases", "（五）",
     "100个教师企业实践示范基地", "designations:enterprise_practice_base", "count", at_least(100), "once", D2022, CITY, [15]),
    ("cluster-leaders", "专业群建设带头人", "Program-cluster leaders", "（五）",
     "专业群建设带头人20人", "designations:cluster_leader", "count", at_least(20), "once", D2022, CITY, [13]),
    ("master-craftsmen", "绝技绝艺大师", "Master craftsmen", "（五）",
     "绝技绝艺大师20人", "designations:master_craftsman", "count", at_least(20), "once", D2022, CITY, [13]),
    ("applied-research-leaders", "应用研发领军人才", "Applied-research leaders", "（五）",
     "应用研发领军人才20人", "designations:applied_research_leader", "count", at_least(20), "once", D2022, CITY, [13]),
    ("innovation-centres", "应用技术创新中心", "Applied technology innovation centres", "（十）",
     "重点建设10个应用技术创新中心", "designations:innovation_centre", "count", at_least(10), "once", D2022, CITY, [26]),
    ("service-platforms", "公共技术服务平台", "Public technical service platforms", "（十）",
     "重点建设10个公共技术服务平台", "designations:technical_service_platform", "count", at_least(10), "once", D2022, CITY, [26]),
    ("think-tanks", "高端智库", "High-end think tanks", "（十）",
     "重点建设10个高端智库", "designations:think_tank", "count", at_least(10), "once", D2022, CITY, [26]),
    ("production-training-centres", "全球领先的生产性实训中心", "World-leading production training centres", "（十一）",
     "建设1—3个全球领先的生产性实训中心", "designations:production_training_centre", "count", rng(1, 3), "once", D2022, CITY, [29]),
    ("apprenticeship-centres", "现代学徒中心", "Modern apprenticeship centres", "（十一）",
     "建设50个左右现代学徒中心", "designations:apprenticeship_centre", "count", about(50), "once", D2022, CITY, [32]),
    ("integration-enterprises", "产教融合型企业", "Industry–education integration enterprises", "（十一）",
     "培育50家以上产教融合型企业", "certified_integration_enterprises", "count", at_least(50), "once", D2022, ["district", "city"], [20, 32]),
    ("vocational-education-groups", "示范性职业教育集团", "Model vocational education groups", "（十一）",
     "建成3—5个在全国具有示范引领作用的职业教育集团", "designations:vocational_education_group", "count", rng(3, 5), "once", D2022, CITY, [32]),
    ("overseas-training-centres", "海外职业教育培训中心", "Overseas vocational training centres", "（十七）",
     "布局设立10个左右职业教育培训中心", "designations:overseas_training_centre", "count", about(10), "once", D2022, CITY, [45]),
    ("cumulative-investment", "职业教育累计投入", "Cumulative investment in vocational education", "（十九）",
     "计划到2022年累计投入100亿元", "cumulative_spending", "fen", {"kind": "at_least_amount", "fen": 10_000_000_000 * 100}, "once", D2022, CITY, [48]),
]

indicators = []
for (iid, zh, en, clause, quote, measure, unit, target, cadence, deadline, levels, tasks) in INDICATORS:
    if re.sub(r"\s+", "", quote) not in flat:
        sys.exit(f"{iid}: quote not found in the seed: {quote}")
    indicators.append({"id": iid, "nameZh": zh, "nameEn": en, "clause": clause, "quote": quote, "measure": measure,
                       "unit": unit, "target": target, "cadence": cadence, "deadline": deadline, "levels": levels, "tasks": tasks})

# The work lists: rows "N<TAB>content[<TAB>units]" after each 附件 heading.
def rows(start, end):
    section = text[text.index(start):text.index(end) if end else len(text)]
    out = []
    for line in section.splitlines():
        m = re.match(r"^(\d+)\t(.+)$", line)
        if m:
            cells = m.group(2).split("\t")
            out.append((int(m.group(1)), cells[0].strip(), cells[1].strip() if len(cells) > 1 else ""))
    return out

moe = rows("附件 1\n", "附件 2\n")
province = rows("附件 2\n", "附件 3\n")
city = rows("附件 3\n", None)
assert [n for n, _, _ in moe] == list(range(1, 6)), "附件1 has 5 items"
assert [n for n, _, _ in province] == list(range(1, 9)), "附件2 has 8 items"
assert [n for n, _, _ in city] == list(range(1, 55)), "附件3 has 54 tasks"

linked = {}
for ind in indicators:
    for t in ind["tasks"]:
        linked.setdefault(t, []).append(ind["id"])

# One name per unit: the seed spells some units several ways (and once doubles 区).
ALIASES = {"市人力资源保障局": "市人力资源社会保障局", "市人力资源和社会保障局": "市人力资源社会保障局",
           "龙岗区区政府": "龙岗区政府", "区政府": "各区人民政府"}

def units(cell):
    out = []
    for u in re.split(r"[、，,]", cell):
        u = ALIASES.get(u.strip(), u.strip())
        if u and u not in out: out.append(u)
    return out

def deadline(content):
    # The plan's horizon is the end of 2022 ("到2022年"); a task that names 2021 is due then.
    if "2021年启动" in content: return "2021Q4"
    return "2022Q4"

work = []
for list_name, items, default_units in [("moe", moe, ["教育部"]), ("province", province, None), ("city", city, None)]:
    for n, content, unit_cell in items:
        us = units(unit_cell) if unit_cell else default_units
        work.append({"list": list_name, "number": n, "content": content, "units": us, "unitsAsWritten": unit_cell or default_units[0],
                     "indicators": linked.get(n, []) if list_name == "city" else [],
                     "deadline": deadline(content), "yearly": "每年" in content})

os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, "indicators.json"), "w", encoding="utf-8") as f:
    json.dump(indicators, f, ensure_ascii=False, indent=1)
    f.write("\n")
with open(os.path.join(OUT, "work-list.json"), "w", encoding="utf-8") as f:
    json.dump(work, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(f"{len(indicators)} indicators, {len(work)} work items ({len(moe)} + {len(province)} + {len(city)})")
