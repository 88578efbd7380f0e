"""Seed YAML: the same values with or without line numbers, YAML 1.2 scalars, refusals."""

from __future__ import annotations

import pytest

from timeline.errors import SeedError
from timeline.yaml_records import MAX_DEPTH, LocatedDict, as_written, line_of, load_yaml

RECORDS = """\
events:
  - id: e1
    title: yes
    date: 2025-08-10
    count: 0012
    actors:
      - {actor: a, role: host}
"""


def test_located_and_plain_reads_give_the_same_values():
    located = load_yaml(RECORDS, "r.yaml")
    plain = load_yaml(RECORDS, "r.yaml", located=False)
    assert located == plain
    assert isinstance(located["events"][0], LocatedDict)
    assert not isinstance(plain["events"][0], LocatedDict)


def test_lines_of_records_keys_and_nested_entries():
    event = load_yaml(RECORDS, "r.yaml", first_line=3)["events"][0]
    assert line_of(event) == 4
    assert line_of(event, key="date") == 6
    assert line_of(event["actors"][0]) == 9


def test_yaml_1_2_scalars_yes_is_text_and_dates_stay_text():
    event = load_yaml(RECORDS, "r.yaml")["events"][0]
    assert event["title"] == "yes"
    assert event["date"] == "2025-08-10"
    assert event["count"] == 12


@pytest.mark.parametrize(
    "text, message",
    [
        ("a: &x [1]\nb: *x\n", "r.yaml:1: malformed YAML: YAML aliases"),
        ("a: 1\nb: 2\na: 3\n", "r.yaml:3: malformed YAML: key 'a' appears twice"),
        ("a: !!binary aGk=\n", "r.yaml:1: malformed YAML: could not determine a constructor"),
        ("a: [1, 2\n", "r.yaml:2: malformed YAML:"),
    ],
)
def test_refusals_name_file_and_line(text, message):
    with pytest.raises(SeedError) as raised:
        load_yaml(text, "r.yaml", located=False)
    assert message in str(raised.value)


@pytest.mark.parametrize(
    "text",
    [
        "- " * (MAX_DEPTH + 1) + "x",
        "".join("  " * i + "- a:\n" for i in range(MAX_DEPTH)),
        "a:\n" + "".join(" " * (i + 1) + f"b{i}:\n" for i in range(MAX_DEPTH + 1)),
    ],
    ids=["compact-dashes", "indented-sequences", "indented-mappings"],
)
def test_nesting_just_past_the_limit_is_caught_by_the_cheap_filter(text):
    with pytest.raises(SeedError, match=f"nested more than {MAX_DEPTH} levels"):
        load_yaml(text, "r.yaml", located=False)


def test_nesting_within_the_limit_reads():
    text = "".join("  " * i + "- a:\n" for i in range(MAX_DEPTH // 2 - 1))
    assert load_yaml(text, "r.yaml") is not None


@pytest.mark.parametrize("text", ["a: !!binary aGk=\n", "- [!!binary aGk=]\n", "{a: 1, b: !x y}\n"])
def test_tags_are_found_wherever_a_node_starts(text):
    with pytest.raises(SeedError, match="could not determine a constructor"):
        load_yaml(text, "r.yaml", located=False)


def test_an_exclamation_mark_in_text_is_not_a_tag():
    assert load_yaml("text: 'Glory to Ukraine!'\nb: Yes!\n", "r.yaml") == {
        "text": "Glory to Ukraine!",
        "b": "Yes!",
    }


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "actors:\n  - {id: a, name: A\x00, type: person}\n  - {id: b, name: B, type: person}\n",
            "r.yaml:2: a NUL character (byte 0x00) at line 2, column 20",
        ),
        ('a: "x\x00y"\n', "r.yaml:1: a NUL character (byte 0x00) at line 1, column 6"),
        ("a: 1\n\ufeffb: 2\n", "r.yaml:2: a byte-order mark (U+FEFF) at line 2, column 1"),
        (
            "actors: []\n---\nevents: []\n",
            "r.yaml:2: a second YAML document starts here ('---')",
        ),
        ("actors: []\n---\n", "r.yaml:2: a second YAML document starts here"),
        ("- a\n---\n- b\n", "r.yaml:2: a second YAML document starts here"),
    ],
)
@pytest.mark.parametrize("located", [True, False], ids=["located", "plain"])
def test_nul_inner_byte_order_mark_and_second_documents_are_refused_where_they_are(
    text, message, located
):
    with pytest.raises(SeedError) as raised:
        load_yaml(text, "r.yaml", located=located)
    assert message in str(raised.value)


@pytest.mark.parametrize(
    "text", ["---\nactors: []\n", "actors: []\n...\n", "%YAML 1.2\n---\na: 1\n"]
)
def test_one_document_with_its_markers_is_accepted(text):
    assert load_yaml(text, "r.yaml") is not None


def test_numbers_and_booleans_keep_the_text_they_were_written_as():
    value = load_yaml(
        "a: 007\nb: 1.50\nc: 0x1F\nd: true\ne: 45\nf: '007'\ng: [0o17, 2]\n", "r.yaml"
    )
    assert [as_written(value, key) for key in "abcdef"] == [
        "007",
        "1.50",
        "0x1F",
        "true",
        45,
        "007",
    ]
    assert [as_written(value["g"], index) for index in range(2)] == ["0o17", 2]
    assert value["a"] == 7  # the value YAML gives stays what numeric fields read
