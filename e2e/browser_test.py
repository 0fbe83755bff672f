"""Drives the pages in headless Chromium: sign-in, a registry list, an import through the
upload page (a bad file rejected with its row errors, then a good one accepted), sign-out;
then every demo role's front door: its home and each page of its menu at 1400×900 and 390×844
(each answers 200, nothing scrolls sideways, axe-core finds no critical or serious violation).
Screenshots go to $OUT for a person to look at."""
import base64
import io
import os
import sys
import tempfile
import time

import openpyxl
import requests
from axe_selenium_python import Axe

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = os.environ.get("BASE", "http://127.0.0.1:8080")
OUT = os.environ.get("OUT", tempfile.mkdtemp())
os.makedirs(OUT, exist_ok=True)
passed = 0


def check(condition: bool, what: str) -> None:
    global passed
    if not condition:
        driver.save_screenshot(os.path.join(OUT, "failure.png"))
        sys.exit("browser check failed: " + what)
    passed += 1
    print("ok -", what, flush=True)


def text_appears(element_id: str, text: str, seconds: float = 10) -> bool:
    """Waits for the page that a click loads: the element may belong to the page being left."""
    try:
        return WebDriverWait(driver, seconds, ignored_exceptions=[StaleElementReferenceException]).until(
            lambda d: text in d.find_element(By.ID, element_id).text)
    except Exception:
        return False


options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,900", "--lang=zh-CN"]:
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.implicitly_wait(5)
try:
    # sign-in page, then a wrong password, then the right one
    driver.get(BASE + "/")
    check(driver.current_url.endswith("/sign-in"), "an anonymous visitor is sent to sign-in")
    driver.find_element(By.ID, "username").send_keys("city-admin")
    driver.find_element(By.ID, "password").send_keys("wrong password")
    driver.find_element(By.ID, "sign-in").click()
    check("用户名或密码错误" in driver.find_element(By.ID, "sign-in-error").text, "a wrong password is refused in Chinese")
    driver.find_element(By.ID, "password").send_keys("Zhijiao-Demo-2026")
    driver.find_element(By.ID, "sign-in").click()
    check(driver.find_element(By.ID, "sign-out") is not None, "signing in shows the signed-in header")
    cookie = driver.get_cookie("__Host-zhijiao")
    check(cookie is not None and cookie.get("httpOnly") and cookie.get("secure") and cookie.get("sameSite") == "Strict", "the session cookie is __Host-, Secure, HttpOnly, SameSite=Strict")
    driver.save_screenshot(os.path.join(OUT, "home.png"))

    # a registry list: rows, masked ID numbers
    driver.get(BASE + "/registry/students")
    rows = driver.find_elements(By.CSS_SELECTOR, "#records tbody tr")
    check(len(rows) == 50, "the student list shows a page of 50 rows")
    text = driver.find_element(By.ID, "records").text
    check("*" in text, "identity numbers are masked on the page")
    driver.save_screenshot(os.path.join(OUT, "students.png"))
    # the table as people use it: a 学号 in the search box, a column header to order by, a page number past the end
    headers = [th.text for th in driver.find_elements(By.CSS_SELECTOR, "#records thead th")]
    number_column = headers.index("学号")
    number = rows[0].find_elements(By.TAG_NAME, "td")[number_column].text
    driver.find_element(By.ID, "q").send_keys(number)
    driver.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
    found = [r.find_elements(By.TAG_NAME, "td")[number_column].text for r in driver.find_elements(By.CSS_SELECTOR, "#records tbody tr")]
    check(found and all(n.startswith(number) for n in found), f"searching a 学号 ({number}) finds that student ({len(found)} rows)")
    driver.get(BASE + "/registry/students")
    driver.find_element(By.LINK_TEXT, "学号").click()
    ordered = [r.find_elements(By.TAG_NAME, "td")[number_column].text for r in driver.find_elements(By.CSS_SELECTOR, "#records tbody tr")]
    check(ordered == sorted(ordered), "the 学号 header orders the list")
    check(driver.find_element(By.CSS_SELECTOR, "#records thead th[aria-sort=ascending]") is not None, "the ordered column says so (aria-sort)")
    driver.get(BASE + "/registry/students?page=999999")
    page_of = driver.find_element(By.ID, "page-of").text
    check(page_of.split("/")[0].split()[-1] == page_of.split("/")[1].split()[0], f"a page past the end shows the last page ({page_of})")
    driver.get(BASE + "/registry/students?q=" + "没有这个人")
    check("清除筛选" in driver.find_element(By.ID, "empty").text, "an empty result says so and offers to clear the filters")

    # Excel habits, checked with openpyxl: the import template (drop-downs, a guide sheet) and an
    # export (frozen header, filter, numbers as numbers, drop-downs)
    excel = requests.Session()
    excel.headers["Cookie"] = "__Host-zhijiao=" + driver.get_cookie("__Host-zhijiao")["value"]
    template = openpyxl.load_workbook(io.BytesIO(excel.get(BASE + "/registry/students/template.xlsx", timeout=60).content))
    sheet = template.worksheets[0]
    check([c.value for c in sheet[1]][:3] == ["机构代码", "学号", "姓名"] and sheet.max_row == 1, "the student template holds the import's headers")
    lists = {str(dv.sqref): dv.formula1 for dv in sheet.data_validations.dataValidation}
    check(any("男,女" in f for f in lists.values()), f"the template offers 性别 as a drop-down ({lists})")
    check(template.sheetnames[1] == "填写说明" and template.worksheets[1].max_row > 5, "the template has a guide to each column")
    # 专业代码's list is too long to write inline: a defined name over a hidden sheet of codes
    program_column = openpyxl.utils.get_column_letter([c.value for c in sheet[1]].index("专业代码") + 1)
    program_list = next((f for ref, f in lists.items() if ref.startswith(program_column + "2")), None)
    defined = template.defined_names.get(program_list) if program_list else None
    list_sheet, list_range = next(defined.destinations) if defined else (None, None)
    codes = [c.value for (c,) in template[list_sheet][list_range.replace("$", "")]] if list_sheet else []
    check(list_sheet is not None and template[list_sheet].sheet_state == "hidden" and len(codes) > 1000 and all(len(c) in (6, 7) for c in codes),
          f"the template offers 专业代码 from a hidden sheet of the catalogue's codes ({program_list}, {len(codes)} codes)")
    export = openpyxl.load_workbook(io.BytesIO(excel.get(BASE + "/registry/students/export.xlsx", timeout=120).content))
    sheet = export.worksheets[0]
    year_column = [c.value for c in sheet[1]].index("入学年份")
    years = [row[year_column].value for row in sheet.iter_rows(min_row=2, max_row=20)]
    check(sheet.freeze_panes == "A2" and sheet.auto_filter.ref is not None, "the export freezes and filters its header")
    check(years and all(isinstance(y, int) for y in years), "the export's 入学年份 are numbers, so SUM works")

    # import through the upload page: a bad file first
    driver.get(BASE + "/registry/institutions")
    before = driver.find_element(By.ID, "total").text
    driver.find_element(By.ID, "import-link").click()
    bad = os.path.join(OUT, "bad-institutions.csv")
    with open(bad, "w", encoding="utf-8") as f:
        f.write("机构代码,学校名称,院校类型,办学性质,所在区\nE2E-1,端到端测试学校,中职,公办,南山区\nE2E-2,,大学,公办,朝阳区\n")
    driver.find_element(By.ID, "file").send_keys(bad)
    driver.find_element(By.ID, "upload").click()
    errors = driver.find_element(By.ID, "import-errors").text
    check("院校类型" in errors and "学校名称" in errors and "所在区" in errors, "a bad file lists its errors by row and column")
    annotated_href = driver.find_element(By.ID, "annotated").get_attribute("href")
    annotated = openpyxl.load_workbook(io.BytesIO(base64.b64decode(annotated_href.split(",", 1)[1]))).worksheets[0]
    marks = [row[-1].value for row in annotated.iter_rows(min_row=1)]
    check(marks[0] == "错误" and not marks[1] and "院校类型" in (marks[2] or ""), f"the rejected file comes back with an 错误 column by row ({marks})")
    driver.save_screenshot(os.path.join(OUT, "import-rejected.png"))
    driver.get(BASE + "/registry/institutions")
    check(driver.find_element(By.ID, "total").text == before, "the rejected file wrote nothing")

    # then a good file, in GB18030 as Chinese Excel saves it
    good = os.path.join(OUT, "good-institutions.csv")
    with open(good, "w", encoding="gb18030") as f:
        f.write("机构代码,学校名称,院校类型,办学性质,所在区\nE2E-1,端到端测试学校,中职,公办,南山区\n")
    driver.get(BASE + "/registry/institutions/import")
    driver.find_element(By.ID, "file").send_keys(good)
    driver.find_element(By.ID, "upload").click()
    check("1" in driver.find_element(By.ID, "import-result").text, "a good GB18030 file is imported")
    driver.save_screenshot(os.path.join(OUT, "import-ok.png"))
    driver.get(BASE + "/registry/institutions?q=端到端")
    check("E2E-1" in driver.find_element(By.ID, "records").text, "the imported institution is listed")

    # internships: the quota page, then a round run and published through the pages
    driver.get(BASE + "/internships/quotas?under=true")
    check("未达配额" in driver.find_element(By.ID, "quota-summary").text, "the quota page lists enterprises under the 2 % quota")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#quotas tbody tr.under")) > 0, "under-quota enterprises are marked")
    driver.save_screenshot(os.path.join(OUT, "quotas.png"))
    driver.get(BASE + "/internships/rounds")
    driver.find_element(By.ID, "round-name").send_keys("浏览器测试轮次")
    driver.find_element(By.ID, "run").click()
    check(text_appears("round-summary", "草稿"), "running a round shows its draft result")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#placements tbody tr")) > 0, "the round lists placements")
    driver.find_element(By.ID, "publish").click()
    check(text_appears("publish-what", "将发布"), "publishing asks for confirmation first, saying what it does")
    check("不可撤销" in driver.find_element(By.TAG_NAME, "main").text, "the confirmation says publishing cannot be undone")
    round_axe = Axe(driver)
    round_axe.inject()
    serious = [v["id"] for v in round_axe.run()["violations"] if v.get("impact") in ("critical", "serious")]
    check(not serious, f"axe: no critical or serious violation on the publish confirmation {serious}")
    driver.find_element(By.ID, "confirm").click()
    check(text_appears("round-summary", "已发布"), "publishing the round is shown")
    check("已发布" in driver.find_element(By.ID, "confirmation").text, "a banner confirms the round was published")
    check("发布：city-admin" in driver.find_element(By.ID, "round-history").text, "the round names who published it and when")
    driver.save_screenshot(os.path.join(OUT, "round.png"))

    # industry–education matching: the market page, a school against the market, search, negative list
    driver.get(BASE + "/market")
    check("需求" in driver.find_element(By.ID, "market-summary").text, "the market page summarises demand against graduates")
    bars = driver.find_elements(By.CSS_SELECTOR, "#cluster-chart rect")
    check(len(bars) >= 4, "the cluster chart draws demand and graduate bars")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#top-gaps tbody tr")) > 0, "the largest shortages are listed")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#city-signals tbody tr")) > 0, "city-wide program signals are listed")
    driver.save_screenshot(os.path.join(OUT, "market.png"))
    driver.get(BASE + "/market/search?q=" + "工程")
    hits = driver.find_elements(By.CSS_SELECTOR, "#program-hits tbody tr a")
    check(len(hits) > 0, "a Chinese substring finds programs")
    hits[0].click()
    check(text_appears("school-summary", "个专业"), "a search hit opens the school against the market")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#school-signals tbody tr")) > 0, "the school page lists its programs' signals")
    driver.save_screenshot(os.path.join(OUT, "market-school.png"))
    driver.get(BASE + "/market/cooperation")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#findings tbody tr")) > 0, "an agreement that breaks the negative list is flagged")

    # supervision: the city dashboard, the rows behind a number, the work list and a report with evidence
    driver.get(BASE + "/supervision")
    rows = driver.find_elements(By.CSS_SELECTOR, "#indicators tbody tr")
    check(len(rows) >= 27, "the city dashboard lists every indicator")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#indicators .status")) == len(rows), "every indicator carries a status colour")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#indicators svg.spark")) == len(rows), "every indicator has a trend sparkline")
    driver.save_screenshot(os.path.join(OUT, "supervision.png"))
    driver.find_element(By.CSS_SELECTOR, "#indicators tbody tr a.drill").click()
    check(text_appears("rows-summary", "分母"), "the drill-down states numerator and denominator")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#rows tbody tr")) > 0, "the drill-down lists the rows behind the number")
    driver.get(BASE + "/work-tasks")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#tasks tbody tr")) == 67, "the work list holds the 67 items of annexes 1–3")
    driver.get(BASE + "/work-tasks/C47")
    evidence = os.path.join(OUT, "evidence.txt")
    with open(evidence, "w", encoding="utf-8") as f:
        f.write("《深圳经济特区职业教育条例》起草进展（浏览器测试）")
    driver.find_element(By.ID, "report-text").send_keys("条例草案已提交审议（浏览器测试）")
    driver.find_element(By.ID, "report-percent").send_keys("七十")
    driver.find_element(By.ID, "submit-report").click()
    check(text_appears("error-summary", "完成度"), "a percentage typed as a word is refused by its field, not with an error page")
    check(driver.find_element(By.ID, "report-text").get_attribute("value") == "条例草案已提交审议（浏览器测试）"
          and driver.find_element(By.ID, "report-percent").get_attribute("value") == "七十", "the refused report keeps what was typed")
    driver.find_element(By.ID, "report-percent").clear()
    driver.find_element(By.ID, "report-percent").send_keys("70")
    driver.find_element(By.ID, "report-file").send_keys(evidence)
    driver.find_element(By.ID, "submit-report").click()
    check(text_appears("confirmation", "已报送"), "a filed report comes back with a banner")
    check(text_appears("reports", "条例草案已提交审议"), "a progress report with evidence is filed from the task page")
    check("evidence.txt" in driver.find_element(By.ID, "reports").text, "the evidence file is listed with its hash")
    driver.save_screenshot(os.path.join(OUT, "work-task.png"))

    # credit bank: the reviewers' queue, a decision, a learner's account and a transfer question
    driver.get(BASE + "/credit-bank")
    queue = driver.find_elements(By.CSS_SELECTOR, "#queue tbody tr")
    check(len(queue) >= 1, "the reviewers' queue lists outcomes no rule decided")
    form = driver.find_element(By.CSS_SELECTOR, "#queue tbody tr form.decision")
    form.find_element(By.NAME, "reasonZh").send_keys("实习证明齐全（浏览器测试）")
    form.find_element(By.NAME, "unitCode").send_keys("WORK")
    form.find_element(By.NAME, "credits").send_keys("2")
    form.find_element(By.NAME, "hubLevel").send_keys("3")
    form.find_element(By.TAG_NAME, "button").click()
    check("WORK：2 学分" in driver.find_element(By.ID, "preview-units").text and len(driver.find_elements(By.CSS_SELECTOR, "#queue")) == 0,
          "a final decision is shown for confirmation first, as it would be recorded")
    driver.save_screenshot(os.path.join(OUT, "decision-confirmation.png"))
    decision_axe = Axe(driver)
    decision_axe.inject()
    serious = [v["id"] for v in decision_axe.run()["violations"] if v.get("impact") in ("critical", "serious")]
    check(not serious, f"axe: no critical or serious violation on the decision confirmation {serious}")
    driver.find_element(By.ID, "confirm").click()
    check("已认定" in driver.find_element(By.ID, "confirmation").text, "a confirmed decision comes back with a banner")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#queue tbody tr")) == len(queue) - 1, "a reviewer's decision takes the outcome off the queue")
    driver.find_element(By.CSS_SELECTOR, "#queue tbody tr a").click()
    check(text_appears("account-summary", "学分"), "a learner's account shows the credits held")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#outcomes tbody tr")) >= 4, "the account lists each outcome with its decision")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#awards tbody tr")) >= 2, "the account shows each qualification, eligible or what is missing")
    driver.find_element(By.ID, "ask-transfer").click()
    check(text_appears("transfer-summary", "学分"), "asking what would transfer answers with credits traced to rules")
    driver.save_screenshot(os.path.join(OUT, "credit-account.png"))
    learner_url = driver.current_url.split("?")[0]
    learner_id = learner_url.rstrip("/").split("/")[-1]
    before = len(driver.find_elements(By.CSS_SELECTOR, "#outcomes tbody tr"))
    Select(driver.find_element(By.ID, "outcome-kind")).select_by_value("online_course")
    driver.find_element(By.ID, "outcome-title").send_keys("MOOC：Python程序设计（浏览器测试）")
    driver.find_element(By.ID, "outcome-issuer").send_keys("中国大学MOOC")
    driver.find_element(By.ID, "outcome-hours").send_keys("36")
    driver.execute_script("document.getElementById('outcome-date').value = '2026-01-15'")
    driver.find_element(By.ID, "outcome-evidence").send_keys(evidence)
    driver.find_element(By.ID, "submit-outcome-button").click()
    check(text_appears("outcomes", "Python程序设计"), "an outcome with evidence is submitted from the account page and recognised by rule")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#outcomes tbody tr")) == before + 1, "the account shows the new outcome")
    sheet = os.path.join(OUT, "outcomes.csv")
    with open(sheet, "w", encoding="utf-8") as f:
        f.write("学分银行账户,成果类型,成果名称,颁发机构,学时,取得日期\n")
        f.write(f"{learner_id},non_degree_training,企业培训（浏览器测试）,深圳某培训中心,18,2026-02-01\n")
    driver.get(BASE + "/credit-bank/import")
    driver.find_element(By.ID, "outcome-file").send_keys(sheet)
    driver.find_element(By.ID, "import-outcomes").click()
    check(text_appears("import-summary", "已导入 1 项"), "an issuer pushes outcomes from a spreadsheet")
    driver.get(BASE + "/credit-bank/rules")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#rules tbody tr")) >= 5, "the city sees the rules as data")

    # verifiable credentials: issued from the account page, printed with a QR code that a QR
    # reader (zxing-cpp) resolves to the public verification page, revoked with a reason
    import zxingcpp
    from PIL import Image
    driver.get(learner_url)
    before = len(driver.find_elements(By.CSS_SELECTOR, "#credentials tbody tr"))
    Select(driver.find_element(By.ID, "credential-what")).select_by_index(0)
    driver.find_element(By.ID, "issue").click()
    WebDriverWait(driver, 10).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#credentials tbody tr")) == before + 1)
    check(len(driver.find_elements(By.CSS_SELECTOR, "#credentials tbody tr.credential-active")) >= 1, "a credential is issued from the account page")
    newest = driver.find_element(By.CSS_SELECTOR, "#credentials tbody tr")
    print_url = newest.find_element(By.CSS_SELECTOR, "a.print").get_attribute("href")
    jwt_url = newest.find_element(By.CSS_SELECTOR, "a.download-jwt").get_attribute("href")
    credential_id = print_url.split("/credentials/")[1].split("/")[0]
    driver.get(print_url)
    check("有效" in driver.find_element(By.ID, "print-verification").text, "the printable certificate shows the credential verified")
    driver.save_screenshot(os.path.join(OUT, "certificate.png"))
    qr_png = os.path.join(OUT, "certificate-qr.png")
    driver.find_element(By.CSS_SELECTOR, ".qr svg").screenshot(qr_png)
    codes = zxingcpp.read_barcodes(Image.open(qr_png))
    check(len(codes) == 1 and codes[0].text.endswith("/verify/" + credential_id), "zxing-cpp reads the certificate's QR code as its verification address")
    driver.get(codes[0].text)
    check(text_appears("verify-result", "凭证有效"), "the QR code's address verifies the credential without signing in")
    check("持有人（凭证所载）：" in driver.find_element(By.ID, "verify-holder").text, "the verification page names the holder as the credential states it")
    driver.save_screenshot(os.path.join(OUT, "verify.png"))
    jwt = driver.execute_script("return fetch(arguments[0]).then(r => r.text())", jwt_url)
    driver.get(learner_url)
    form = driver.find_element(By.CSS_SELECTOR, "#credentials tbody tr form")
    Select(form.find_element(By.NAME, "action")).select_by_value("revoke")
    form.find_element(By.NAME, "reason").send_keys("浏览器测试：撤销")
    form.find_element(By.CSS_SELECTOR, "button.change-status").click()
    check(text_appears("credentials", "已撤销"), "revoking with a reason marks the credential revoked")
    driver.get(BASE + "/verify")
    driver.execute_script("document.getElementById('credential-text').value = arguments[0]", jwt)
    driver.find_element(By.ID, "verify").click()
    check(text_appears("verify-result", "撤销"), "the public verification page says the pasted credential was revoked")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#verify-checks tr.check-failed")) == 1, "the page marks the failing check")

    # English switch and sign-out
    driver.get(BASE + "/lang/en")
    check("Sign out" in driver.find_element(By.ID, "sign-out").text, "the English switch works")
    driver.find_element(By.ID, "sign-out").click()
    time.sleep(0.5)
    driver.get(BASE + "/registry/students")
    check(driver.current_url.endswith("/sign-in"), "after signing out the pages need sign-in again")

    # the Excel round trip as a school administrator: the list exported for re-import, uploaded
    # back unchanged through the import page, changes nothing (a fresh browser: the English switch above is a cookie)
    driver.delete_all_cookies()
    driver.get(BASE + "/sign-in")
    driver.find_element(By.ID, "username").send_keys("school-admin")
    driver.find_element(By.ID, "password").send_keys("Zhijiao-Demo-2026")
    driver.find_element(By.ID, "sign-in").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "sign-out"))
    driver.get(BASE + "/registry/students")
    school_total = int("".join(ch for ch in driver.find_element(By.ID, "total").text if ch.isdigit()))
    reimport_href = driver.find_element(By.ID, "export-reimport").get_attribute("href")
    school = requests.Session()
    school.headers["Cookie"] = "__Host-zhijiao=" + driver.get_cookie("__Host-zhijiao")["value"]
    reimport = school.get(reimport_href, timeout=120)
    book = openpyxl.load_workbook(io.BytesIO(reimport.content))
    header = [c.value for c in book.worksheets[0][1]]
    check(reimport.status_code == 200 and header[0] == "记录编号" and book.worksheets[0].max_row == school_total + 1,
          f"the export for re-import holds the school's {school_total} students with their record ids")
    check(all("*" in str(row[header.index("证件号码")].value) for row in book.worksheets[0].iter_rows(min_row=2, max_row=20)),
          "the export for re-import keeps identity numbers masked")
    round_trip = os.path.join(OUT, "students-reimport.xlsx")
    with open(round_trip, "wb") as f:
        f.write(reimport.content)
    driver.get(BASE + "/registry/students/import")
    driver.find_element(By.ID, "file").send_keys(round_trip)
    driver.find_element(By.ID, "upload").click()
    result = driver.find_element(By.ID, "import-result").text
    check(f"新增 0 条，更新 0 条，未变 {school_total} 条" in result, f"the export imported back unchanged is accepted with 0 changes ({result})")
    driver.save_screenshot(os.path.join(OUT, "import-round-trip.png"))
    driver.get(BASE + "/registry/students")
    check(int("".join(ch for ch in driver.find_element(By.ID, "total").text if ch.isdigit())) == school_total, "the round trip added no student")

    # every demo role's front door, at desktop and phone size
    roles = ["city-admin", "nanshan-admin", "school-admin", "teacher-demo", "enterprise-demo", "learner-demo", "reviewer-demo", "unit-demo"]
    sizes = [("desktop", 1400, 900, False), ("phone", 390, 844, True)]
    axe = Axe(driver)
    walk_failures = []

    def soft(condition, what):
        global passed
        if condition:
            passed += 1
        else:
            walk_failures.append(what)
            print("FAIL -", what, flush=True)

    def accessibility(where):
        axe.inject()
        found = axe.run()
        bad = [v for v in found["violations"] if v.get("impact") in ("critical", "serious")]
        soft(not bad, f"axe: no critical or serious violation on {where}" + "".join(
            f"\n    {v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])}×, e.g. {v['nodes'][0]['target']})" for v in bad))

    def at_size(name, width, height, mobile):
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})

    def fits(where):
        soft(driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"),
             f"no horizontal overflow on {where} (scrollWidth {driver.execute_script('return document.documentElement.scrollWidth')}, innerWidth {driver.execute_script('return window.innerWidth')})")

    for size, width, height, mobile in sizes:
        at_size(size, width, height, mobile)
        driver.delete_all_cookies()
        driver.get(BASE + "/sign-in")
        accessibility(f"/sign-in at {size}")
        fits(f"/sign-in at {size}")
        for role in roles:
            driver.delete_all_cookies()
            driver.get(BASE + "/sign-in")
            driver.find_element(By.ID, "username").send_keys(role)
            driver.find_element(By.ID, "password").send_keys("Zhijiao-Demo-2026")
            driver.find_element(By.ID, "sign-in").click()
            WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "sign-out"))
            driver.get(BASE + "/")
            soft(len(driver.find_elements(By.CSS_SELECTOR, "#home ul.figures a")) > 0, f"{role}'s home shows its figures ({size})")
            driver.save_screenshot(os.path.join(OUT, f"home-{role}-{size}.png"))
            # checkVisibility() follows display and the closed <details>' content-visibility, as a reader sees them.
            menu_shown = driver.execute_script("return document.querySelector('#menu a').checkVisibility()")
            toggle_shown = driver.execute_script("return document.querySelector('details.menu > summary').checkVisibility()")
            if mobile:
                soft(toggle_shown and not menu_shown, f"{role}: the menu is folded behind its 菜单 button on a phone")
            else:
                soft(menu_shown and not toggle_shown, f"{role}: the menu is open as a bar on a wide screen")
            links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#menu a")]
            figures = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#home ul.figures a")]
            cookie = driver.get_cookie("__Host-zhijiao")
            session = requests.Session()
            session.headers["Cookie"] = "__Host-zhijiao=" + (cookie["value"] if cookie else "")
            if size == "desktop":
                # every link on the menu and the home answers 200 for this role (redirects followed)
                for url in sorted(set(links + figures)):
                    status = session.get(url, allow_redirects=True, timeout=60).status_code
                    soft(status == 200, f"{role}: {url.replace(BASE, '')} answers 200 (got {status})")
            for url in links:
                driver.get(url)
                where = f"{url.replace(BASE, '') or '/'} as {role} at {size}"
                soft(not driver.find_elements(By.ID, "error"), f"{where} opens without an error page")
                fits(where)
                accessibility(where)
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    check(not walk_failures, f"every role's front door passes ({len(walk_failures)} failures: " + "; ".join(walk_failures[:20]) + ")")
finally:
    driver.quit()

with open(os.path.join(OUT, "passed"), "w") as f:
    f.write(str(passed))
print(f"browser: {passed} passed, 0 failed")
