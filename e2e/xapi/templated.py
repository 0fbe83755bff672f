"""Data-driven cases: test/templatingSelection.js. Each entry of data/<dir>/configs/<file>.json
builds a statement from its templates (or takes its literal json) and POSTs it to
/statements, expecting the status the config names."""
import json
import os

from templates import DATA


def load_config(directory, filename):
    with open(os.path.join(DATA, directory, "configs", filename.replace(".js", ".json")), encoding="utf-8") as fh:
        return json.load(fh)


def create_template(S, directory, filename):
    for group in load_config(directory, filename):
        with S.describe(group["name"], unit=True):
            for test in group["config"]:
                S.it(test["name"])(_make(test))


def _make(test):
    def case(t):
        if test.get("templates"):
            data = t.tpl.create_from_template(test["templates"])
            data = data[next(iter(data))]
        else:
            data = test["json"]
        res = t.post("/statements", json_body=data)
        t.status(res, *test["expect"][:1])
    return case
