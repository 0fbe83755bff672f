"""test/v1_0_3/E.Data4.0-SpecialDataTypesAndRules.js: the same cases as the 2.0 port of its counterpart (cases_v2/e_data4_0_special_types.py),
which switches on S.version where the 1.0.3 file differs."""
from cases_v2.e_data4_0_special_types import TITLE, register  # noqa: F401

SOURCE = "E.Data4.0-SpecialDataTypesAndRules.js"
