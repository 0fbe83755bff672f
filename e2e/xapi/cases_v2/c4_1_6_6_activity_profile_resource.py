SOURCE = "c4_1_6_6_activity_profile_resource"
TITLE = "c4_1_6_6_activity_profile_resource"


def register(S):
    pass  # TODO
