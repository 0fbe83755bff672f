SOURCE = "c4_1_6_2_state_resource"
TITLE = "c4_1_6_2_state_resource"


def register(S):
    pass  # TODO
