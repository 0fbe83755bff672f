SOURCE = "c4_1_6_5_agent_profile_resource"
TITLE = "c4_1_6_5_agent_profile_resource"


def register(S):
    pass  # TODO
