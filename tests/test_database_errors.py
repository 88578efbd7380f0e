"""What the database refuses is named by the seed file, line and record it came from.

Validation checks every record first, so these are the refusals it cannot see: an id
a row written by other means already holds, a record removed while such a row still
refers to it, a value longer than a PostgreSQL column. Each must name the file and
record, never print a bare "database error: UNIQUE constraint failed", and leave the
database as it was, on SQLite and on PostgreSQL, into a new database and an existing one.
"""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from timeline.cli import cli
from timeline.database import create_db_engine, resolve_database_url, transaction
from timeline.errors import SeedError
from timeline.validate import Corpus
from timeline.write import insert_rows

from .conftest import FIXTURES, dump_tables

REFUSED = FIXTURES / "refused"


@pytest.fixture
def seeds(tmp_path, monkeypatch):
    """A copy of fixtures/minimal, in the folder the commands run from."""
    monkeypatch.chdir(tmp_path)
    return shutil.copytree(FIXTURES / "minimal", tmp_path / "seeds")


def load(db: str):
    return CliRunner().invoke(cli, ["load", "seeds", "--db", db])


def run_sql(db: str, sql: str) -> None:
    engine = create_db_engine(resolve_database_url(db))
    try:
        with engine.begin() as connection:
            connection.execute(text(sql))
    finally:
        engine.dispose()


def assert_refused(result, before, db, *expected: str) -> None:
    assert result.exit_code == 1, result.output
    for part in expected:
        assert part in result.output
    assert "database error" not in result.output
    assert "Traceback" not in result.output
    assert dump_tables(db) == before


def test_an_id_a_row_written_by_other_means_holds_names_file_line_and_record(seeds, new_database):
    db = new_database()
    assert load(db).exit_code == 0
    run_sql(db, "INSERT INTO actors (id, name, type) VALUES ('ana-rusu', 'Ana Rusu', 'person')")
    before = dump_tables(db)
    shutil.copy(REFUSED / "actor_id_taken.yaml", seeds / "records")

    result = load(db)

    assert_refused(
        result,
        before,
        db,
        "Error: seeds/records/actor_id_taken.yaml:4: the database refused actor 'ana-rusu': "
        "its key is already taken by a row no seed file holds",
    )


def test_removing_a_record_a_row_written_by_other_means_uses_names_the_file(seeds, new_database):
    db = new_database()
    assert load(db).exit_code == 0
    run_sql(
        db,
        "INSERT INTO quotes (id, text, speaker_id, source_id, start_offset, end_offset)"
        " VALUES ('by-hand', 'A bad peace', 'volodymyr-zelenskyy', 'aa-2025-08-11-call', 0, 11)",
    )
    before = dump_tables(db)
    records = seeds / "records" / "all.yaml"
    text_ = records.read_text(encoding="utf-8")
    text_ = text_.replace(
        "  - id: volodymyr-zelenskyy\n    name: Volodymyr Zelenskyy\n    type: person\n"
        "    aliases: [Zelenskyy, Zelensky]\n",
        "",
    ).replace("      - {actor: volodymyr-zelenskyy, role: participant}\n", "")
    records.write_text(text_, encoding="utf-8")

    result = load(db)

    assert_refused(
        result,
        before,
        db,
        "Error: seeds/records/all.yaml: actor 'volodymyr-zelenskyy' is no longer defined, "
        "but quote 'by-hand', a row no seed file holds",
    )


@pytest.mark.parametrize("existing", [True, False], ids=["existing-db", "new-db"])
def test_a_value_longer_than_a_postgres_column_names_file_line_and_record(
    seeds, postgres_server, existing
):
    db = postgres_server.create_database(f"errors_long_{existing}".lower())
    if existing:
        assert load(db).exit_code == 0
    before = dump_tables(db)
    shutil.copy(REFUSED / "role_longer_than_a_column.yaml", seeds / "records")

    result = load(db)

    assert_refused(
        result,
        before,
        db,
        "Error: seeds/records/role_longer_than_a_column.yaml:4: the database refused event "
        "'2025-08-10-call-reported', actor 'kassym-jomart-tokayev' as 'the president who held "
        "the phone call on Sunday': role is 47 characters long; the database holds at most 40 "
        "(shorten role to 40 characters or fewer)",
    )


def test_an_id_in_a_new_file_and_an_already_loaded_file_names_both(seeds, new_database):
    db = new_database()
    assert load(db).exit_code == 0
    before = dump_tables(db)
    (seeds / "records" / "more.yaml").write_text(
        "actors:\n  - id: volodymyr-zelenskyy\n    name: Someone Else\n    type: person\n",
        encoding="utf-8",
    )

    result = load(db)

    assert_refused(
        result,
        before,
        db,
        "Error: seeds/records/more.yaml:2: duplicate actor id 'volodymyr-zelenskyy', "
        "first defined at seeds/records/all.yaml:6",
    )


def test_a_refused_extracted_row_names_the_source_it_was_found_in(minimal_db):
    # No seeds folder produces this (extraction reads every id it could collide with):
    # it is the message a bug in the extractor would give, instead of a bare refusal.
    extracted = Corpus(
        actors=[
            {"id": "kassym-jomart-tokayev", "name": "K. Tokayev", "type": "person"}
            | {"origin": "extracted", "seed_file": None}
        ],
        quotes=[
            {"id": "x-aa-q9", "text": "A bad peace", "speaker_id": "kassym-jomart-tokayev"}
            | {"source_id": "aa-2025-08-11-call", "start_offset": 0, "end_offset": 11}
            | {"origin": "extracted", "seed_file": None}
        ],
    )
    before = dump_tables(minimal_db)

    with pytest.raises(SeedError) as raised:
        with transaction(resolve_database_url(str(minimal_db))) as connection:
            insert_rows(connection, extracted)

    (problem,) = raised.value.problems
    assert problem.message == (
        "the database refused extracted actor 'kassym-jomart-tokayev': its key is already "
        "taken by a row from seed file 'records/all.yaml' "
        "(extracted from source 'aa-2025-08-11-call')"
    )
    assert problem.file.endswith("aa-call.txt")
    assert dump_tables(minimal_db) == before
