"""test/v1_0_3/H.Communication2.5-ActivitiesResource.js: the same cases as the 2.0 port of its counterpart (cases_v2/c4_1_6_4_activity_resource.py),
which switches on S.version where the 1.0.3 file differs."""
from cases_v2.c4_1_6_4_activity_resource import TITLE, register  # noqa: F401

SOURCE = "H.Communication2.5-ActivitiesResource.js"
