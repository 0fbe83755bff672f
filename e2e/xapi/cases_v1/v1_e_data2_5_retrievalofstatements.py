"""test/v1_0_3/E.Data2.5-RetrievalofStatements.js: the same cases as the 2.0 port of its counterpart (cases_v2/e_data2_5_retrieval.py),
which switches on S.version where the 1.0.3 file differs."""
from cases_v2.e_data2_5_retrieval import TITLE, register  # noqa: F401

SOURCE = "E.Data2.5-RetrievalofStatements.js"
