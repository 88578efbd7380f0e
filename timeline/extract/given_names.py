"""Common given names: a capitalised word from this list opening a short capitalised run
("Laura Brennan", "Omar Haddad") says the run is a person's name when nothing else in
the sentence does.

Two lists: frequent first names in English-language news (English, European, Arabic,
Slavic, South and East Asian, African, Latin American) written by hand, ``GIVEN_NAMES``;
and the shipped table data/given_names.txt (U.S. Social Security baby names, public
domain, filtered of English words and places by tools/make_given_names_table.py), read
by ``is_given_name`` on first use. A name missing from both only costs the rule its
evidence; other rules still apply.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

HAND_WRITTEN_GIVEN_NAMES = frozenset(
    """
    Aaron Abby Abdul Abdullah Abigail Adam Adrian Ahmad Ahmed Aidan Aisha Alan Albert Alberto
    Alejandro Aleksandr Alex Alexander Alexandra Alexei Alexey Alfred Ali Alice Alicia Alison
    Allan Allen Alma Amanda Amber Amelia Amir Amit Amy Ana Anastasia Anders Andre Andrea
    Andreas Andrei Andrew Andrey Andy Angela Angelo Anita Ann Anna Anne Annie Anthony Antonio
    Anton Arjun Arthur Ashley Aziz Barbara Barry Ben Benjamin Bernard Beth Betty Bill Billy
    Bob Bonnie Boris Brad Bradley Brandon Brenda Brendan Brian Bruce Bruno Bryan Caitlin
    Cameron Carl Carla Carlos Carmen Carol Caroline Catherine Cathy Charles Charlie Charlotte
    Chen Cheryl Chloe Chris Christian Christina Christine Christopher Claire Clara Claudia
    Colin Connor Craig Cynthia Dale Dan Daniel Daniela Danielle Danny Darren Dave David Dean
    Deborah Debra Denis Dennis Derek Diana Diane Diego Dmitri Dmitry Dominic Donald Donna
    Doris Dorothy Doug Douglas Duncan Dylan Ed Eddie Edward Elena Eli Elizabeth Ella Ellen
    Emily Emma Emmanuel Enrique Eric Erik Erin Ethan Eugene Eva Evan Eve Fatima Felix Fernando
    Fiona Florence Francesca Francesco Francis Frank Fred Frederick Gabriel Gabriela Gary
    Gavin Geoffrey George Georgia Gerald Gerhard Giovanni Giuseppe Gordon Grace Graham Greg
    Gregory Hannah Hans Harold Harry Hassan Heather Helen Helena Henry Hiroshi Howard Hugh
    Hussein Ian Ibrahim Igor Irene Isaac Isabel Isabella Ivan Jack Jacob Jacqueline Jake
    James Jamie Jan Jane Janet Janice Jasmine Jason Javier Jean Jeff Jeffrey Jennifer Jenny
    Jeremy Jerry Jessica Jill Jim Jimmy Joan Joanna Joe Joel Johan Johann John Johnny Jon
    Jonathan Jorge Jose Joseph Josh Joshua Joyce Juan Judith Judy Julia Julian Julie Juliet
    Justin Karen Karim Karl Kate Katherine Kathleen Kathryn Katie Kelly Ken Kenneth Kevin
    Khalid Kim Kimberly Klaus Kyle Larry Laura Lauren Laurent Lawrence Leah Lee Leila Leo
    Leon Leonard Leslie Linda Lisa Liz Louis Louise Lucas Lucy Luis Luke Lydia Lynn Mahmoud
    Manuel Marc Marco Margaret Maria Marie Marina Mario Mark Martha Martin Mary Matt Matthew
    Maurice Max Maxim Maxime Megan Melanie Melissa Michael Michel Michelle Miguel Mike Mikhail
    Mohamed Mohammad Mohammed Monica Muhammad Nadia Nancy Naomi Natalia Natalie Nathan
    Neil Nicholas Nick Nicola Nicole Nikolai Nina Noah Norman Olga Oliver Olivia Omar Oscar
    Owen Pablo Pamela Patricia Patrick Patty Paul Paula Pavel Pedro Peggy Peter Philip
    Phillip Pierre Priya Rachel Rahul Ralph Ramon Randy Raj Ray Raymond Rebecca Regina Richard
    Rick Rita Rob Robert Roberto Robin Roger Ron Ronald Rosa Rose Ross Roy Ruby Russell Ruth
    Ryan Sally Sam Samantha Samuel Sandra Sara Sarah Scott Sean Sergei Sergey Sergio Seth
    Shane Sharon Sheila Simon Sofia Sophie Stan Stanley Stefan Stephanie Stephen Steve
    Steven Stuart Susan Suzanne Sylvia Tamara Tanya Ted Teresa Terry Thomas Tim Timothy Tina
    Todd Tom Tommy Tony Tracy Travis Trevor Valentina Valerie Vanessa Victor Victoria Vikram
    Viktor Vincent Vladimir Walter Wayne Wendy William Willie Xavier Yana Yasmin Yuri Yusuf
    Zach Zachary Zoe
    Agnes Alvin Arnold Bernice Calvin Cecil Clarence Clyde Cora Curtis Edith Edna Eunice
    Floyd Gladys Gloria Hazel Herbert Horace Ira Irma Johnnie Lionel Lloyd Lorraine Luther
    Marvin Melvin Mildred Milton Norma Otis Percy Priscilla Roland Rosalind Roy Ruth Sidney
    Tammy Tyrone Vera Vernon Wallace Wilbur Winifred
    Alessandro Alessia Andrea Antonella Carlo Chiara Claudio Domenico Enrico Federica
    Federico Franco Gianluca Giorgio Giulia Giulio Lorenzo Luca Luigi Marcello Massimo
    Matteo Mauro Nicola Paolo Pietro Riccardo Roberto Salvatore Sandro Silvia Simone
    Stefano Vincenzo Vittorio
    Ahmet Emre Fatih Mehmet Mustafa Murat Yusuf Zeynep Aditya Anil Deepak Pooja Priya Rahul
    Rajesh Ravi Sanjay Sunil Kenji Takashi Yuki Hyun Seo Kwame Kofi Chinedu
    Ngozi Amara Thabo Sipho Joao Luiz Mateus Rafael Thiago Ximena Valeria Camila
    """.split()
) | frozenset(
    # More Slavic, South Asian, African and other frequent given names in news (issue 12,
    # actors: "Russian oligarch Oleg Deripaska", "Dmitrii Beloglazov").
    """
    Oleg Dmitrii Kirill Nikolay Vitali Vitaly Vladislav Yevgeny Yevgeniy Volodymyr Mykola
    Andriy Denys Petro Olena Oksana Svetlana Tatiana Tatyana Yulia Narendra Rishi Satya
    Arvind Vijay Tariq Alia Amina Fatou Chidi Olusegun Recep Shinzo Takeshi Nunzio Giorgia
    Elisa Isabelle Sophia Theresa Ursula Olaf Jacinda Kamala Hillary Keir Mitch Chuck Wally
    """.split()
)

# The speaker rules read the hand-written list only (their own measures were made so).
GIVEN_NAMES = HAND_WRITTEN_GIVEN_NAMES


@cache
def _table_text() -> str:
    """The shipped table's sorted names, one a line, as one string: read once, searched by
    halving (building a set of some 90,000 names would cost a one-article load 20 ms)."""
    text = (
        resources.files("timeline.extract")
        .joinpath("data/given_names.txt")
        .read_text(encoding="utf-8")
    )
    return text[text.index("\n# end of header\n") + len("\n# end of header\n") :]


def sorted_table_line(text: str, word: str) -> str | None:
    """The line of a sorted table (one entry a line, perhaps ``key<TAB>value``) whose key
    is ``word``, found by halving the text; None when there is none. Shared by the
    given-names table and the given-name genders table."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high) // 2
        start = text.rfind("\n", 0, middle) + 1
        end = text.find("\n", start)
        line = text[start:end]
        key = line.partition("\t")[0]
        if key == word:
            return line
        if key < word:
            low = end + 1
        else:
            high = start
    return None


@lru_cache(maxsize=8192)
def is_given_name(word: str) -> bool:
    """A given name by the hand-written list or the shipped table ("Maziar", "Devin")."""
    if word in HAND_WRITTEN_GIVEN_NAMES:
        return True
    return word.isalpha() and sorted_table_line(_table_text(), word) is not None
