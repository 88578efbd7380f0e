"""Common English nicknames and the given names they shorten: "Larry Lessig" is the
"Lawrence Lessig" named before, "Bill Gates" the "William Gates".

A small hand-written table of the nicknames English-language news uses most, each
mapped to one formal name; a nickname two formal names share ("Chris": Christopher or
Christine) is left out, so no two people are joined by a guess.
"""

from __future__ import annotations

_FORMAL_OF = {
    nickname: formal
    for formal, nicknames in {
        "Abraham": "Abe",
        "Albert": "Al Bert",
        "Alexander": "Alex Sasha",
        "Andrew": "Andy Drew",
        "Anthony": "Tony",
        "Benjamin": "Ben Benny",
        "Charles": "Charlie Chuck",
        "Daniel": "Dan Danny",
        "David": "Dave Davey",
        "Donald": "Don Donnie",
        "Douglas": "Doug",
        "Edward": "Ed Eddie Ted Ned",
        "Elizabeth": "Liz Beth Betty Betsy Lizzie Eliza",
        "Gregory": "Greg",
        "Harold": "Hal",
        "Henry": "Hank",
        "James": "Jim Jimmy Jamie",
        "Jeffrey": "Jeff",
        "Jennifer": "Jenny Jen",
        "John": "Jack Johnny",
        "Jonathan": "Jon",
        "Joseph": "Joe Joey",
        "Katherine": "Kate Kathy Katie",
        "Kenneth": "Ken Kenny",
        "Lawrence": "Larry",
        "Margaret": "Peggy Maggie Meg",
        "Matthew": "Matt",
        "Michael": "Mike Mick Mickey",
        "Nicholas": "Nick",
        "Patricia": "Patty Trish",
        "Peter": "Pete",
        "Philip": "Phil",
        "Rebecca": "Becky",
        "Richard": "Rick Dick Rich Richie",
        "Robert": "Bob Bobby Rob Robbie Bert",
        "Ronald": "Ron Ronnie",
        "Samuel": "Sam Sammy",
        "Stephen": "Steve",
        "Steven": "Steve",
        "Susan": "Sue Susie",
        "Theodore": "Teddy",
        "Thomas": "Tom Tommy",
        "Timothy": "Tim",
        "Victoria": "Vicky Tori",
        "Walter": "Walt Wally",
        "William": "Bill Billy Will Willie Liam",
    }.items()
    for nickname in nicknames.split()
}
# "Steve" shortens Stephen and Steven alike; "Bert" Albert and Robert: no one answer.
_AMBIGUOUS = {"Steve", "Bert"}
FORMAL_OF = {k: v for k, v in _FORMAL_OF.items() if k not in _AMBIGUOUS}


def formal_name(name: str) -> str:
    """The name with a nickname opening it written as the given name it shortens
    ("Larry Lessig" -> "Lawrence Lessig"); a name of one word, or opening with no
    nickname, is returned as it is."""
    first, _, rest = name.partition(" ")
    if not rest or first not in FORMAL_OF:
        return name
    return f"{FORMAL_OF[first]} {rest}"
