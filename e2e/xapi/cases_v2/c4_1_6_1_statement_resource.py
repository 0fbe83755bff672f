SOURCE = "4.1.6.1-Statement-Resource.js"
TITLE = "Statement Resource Requirements (Communication 2.1)"
from . import sr_part1, sr_part2, sr_part3, sr_part4


def register(S):
    sr_part1.register(S)
    sr_part2.register(S)
    sr_part3.register(S)
    sr_part4.register(S)
