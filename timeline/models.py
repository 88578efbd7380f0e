"""The database schema, as SQLAlchemy models: read this file as the schema's documentation.

The models describe the schema at the newest migration. They never create tables
themselves: every change goes through a migration in ``migrations/versions/``, and a
test checks that the two agree.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints let Alembic alter tables on SQLite (batch mode) and keep names
# identical on PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class EventType(Base):
    """One word of the event-type vocabulary (meeting, phone_call, aid, ...)."""

    __tablename__ = "event_types"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    description: Mapped[str] = mapped_column(Text)


class ActorType(Base):
    """One kind of actor (person, organisation, state, ...)."""

    __tablename__ = "actor_types"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    description: Mapped[str] = mapped_column(Text)


class Source(Base):
    """One article: its metadata and its original text, byte for byte."""

    __tablename__ = "sources"
    # What every load reads of every source to key its extraction, without the texts
    # (migration 0020).
    __table_args__ = (
        Index(
            "ix_sources_extraction_inputs",
            "id",
            "content_hash",
            "title",
            "publisher",
            "language",
        ),
    )

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    # What Datasette shows for the source: its title, or what the article does state
    # ("Anadolu Agency, 2025-08 (untitled)"); never an invented title.
    label: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(Text, index=True)
    author: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    # Partial ISO date: 2025, 2025-08 or 2025-08-10.
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    published_precision: Mapped[str | None] = mapped_column(String(10))
    # True when the date is not printed in the article; source_inferences says why.
    published_inferred: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str] = mapped_column(String(10), default="en")
    notes: Mapped[str | None] = mapped_column(Text)
    # JSON arrays of text from the front matter (tags / categories, keywords are extra),
    # for Datasette's array facets and SQL's JSON functions; NULL when there are none.
    tags: Mapped[str | None] = mapped_column(Text)
    categories: Mapped[str | None] = mapped_column(Text)
    # A JSON object of every other front matter key, as written (layout, draft, a
    # timestamp's time and zone, ...): json_extract(extra, '$.layout'). NULL when none.
    extra: Mapped[str | None] = mapped_column(Text)
    # The body exactly as published; every offset in the database points into it.
    text: Mapped[str] = mapped_column(Text)
    # The body with boilerplate blanked out by spaces: same length, so offsets line up.
    search_text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    file_path: Mapped[str] = mapped_column(Text)
    file_hash: Mapped[str] = mapped_column(String(64))
    # Seed file (relative to the seeds folder) this row was read from; see seed_files.
    seed_file: Mapped[str | None] = mapped_column(Text, index=True)


class SourceInference(Base):
    """A source field that the article does not state, with the evidence it was inferred from."""

    __tablename__ = "source_inferences"

    source_id: Mapped[str] = mapped_column(
        ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True
    )
    field: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(Text)


class SourceBoilerplate(Base):
    """A span of page junk in a source (ticker, share buttons): kept, but not searched."""

    __tablename__ = "source_boilerplate"

    source_id: Mapped[str] = mapped_column(
        ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True
    )
    start_offset: Mapped[int] = mapped_column(Integer, primary_key=True)
    end_offset: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)


class Actor(Base):
    """A person, organisation, state, government body, media outlet, group, forum,
    initiative or self-proclaimed entity (the vocabulary is the actor_types table)."""

    __tablename__ = "actors"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(Text, index=True)
    type: Mapped[str] = mapped_column(ForeignKey("actor_types.id"), index=True)
    description: Mapped[str | None] = mapped_column(Text)
    # 'curated' (written by a person in seeds/) or 'extracted' (found automatically).
    origin: Mapped[str] = mapped_column(String(20), server_default="curated")
    # How extraction found the row (the rule) and the words it rests on; NULL if curated.
    extraction_method: Mapped[str | None] = mapped_column(Text)
    extraction_basis: Mapped[str | None] = mapped_column(Text)
    # Seed file (relative to the seeds folder) this row was read from; see seed_files.
    seed_file: Mapped[str | None] = mapped_column(Text, index=True)


class ActorAlias(Base):
    """One form of an actor's name used in the corpus; the canonical name is one too."""

    __tablename__ = "actor_aliases"

    actor_id: Mapped[str] = mapped_column(
        ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True
    )
    alias: Mapped[str] = mapped_column(Text, primary_key=True)
    # Case-folded, accent-free form for look-ups: "Mūrat Nūrtıleu" -> "murat nurtileu".
    alias_key: Mapped[str] = mapped_column(Text, index=True)
    # 'curated' (written by a person in seeds/) or 'extracted' (found automatically).
    origin: Mapped[str] = mapped_column(String(20), server_default="curated")
    # How extraction found the row (the rule) and the words it rests on; NULL if curated.
    extraction_method: Mapped[str | None] = mapped_column(Text)
    extraction_basis: Mapped[str | None] = mapped_column(Text)


class Place(Base):
    """A named place, with coordinates when known."""

    __tablename__ = "places"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(Text, index=True)
    country: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    # 'curated' (from seeds/), 'geonames:<geonameid>' (filled by timeline.gazetteer at
    # load time), or NULL when no coordinates are known.
    coordinates_origin: Mapped[str | None] = mapped_column(String(40))
    # 'curated' or 'extracted' (found in an article by timeline.extract.places).
    origin: Mapped[str] = mapped_column(String(20), server_default="curated")
    # How extraction found the row (the rule) and the words it rests on; NULL if curated.
    extraction_method: Mapped[str | None] = mapped_column(Text)
    extraction_basis: Mapped[str | None] = mapped_column(Text)
    # Seed file (relative to the seeds folder) this row was read from; see seed_files.
    seed_file: Mapped[str | None] = mapped_column(Text, index=True)


class Event(Base):
    """A dated happening, with the date's real precision and where it came from."""

    __tablename__ = "events"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    type: Mapped[str] = mapped_column(ForeignKey("event_types.id"), index=True)
    # happened | planned | forecast
    status: Mapped[str] = mapped_column(String(20), default="happened", index=True)
    # The date in EDTF (2025-08-10, 2025-08, 2025-23, 2025-06/2025-07, 2025?).
    date: Mapped[str] = mapped_column(String(40))
    # day | month | season | year | range
    date_precision: Mapped[str] = mapped_column(String(10))
    date_start: Mapped[str] = mapped_column(String(10), index=True)
    date_end: Mapped[str] = mapped_column(String(10))
    # "start/end": sorts events of every precision together, the wider one last.
    sort_key: Mapped[str] = mapped_column(String(21), index=True)
    date_approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    date_uncertain: Mapped[bool] = mapped_column(Boolean, default=False)
    # The words the article used ("last fall"), and how they became the date.
    date_expression: Mapped[str | None] = mapped_column(Text)
    date_inferred: Mapped[bool] = mapped_column(Boolean, default=False)
    date_reasoning: Mapped[str | None] = mapped_column(Text)
    place_id: Mapped[str | None] = mapped_column(ForeignKey("places.id"), index=True)
    # True when the sources disagree on something about this event (see figures).
    sources_differ: Mapped[bool] = mapped_column(Boolean, default=False)
    conflict_note: Mapped[str | None] = mapped_column(Text)
    # 'curated' (written by a person in seeds/) or 'extracted' (found automatically).
    origin: Mapped[str] = mapped_column(String(20), server_default="curated", index=True)
    # How extraction found the row (the rule) and the words it rests on; NULL if curated.
    extraction_method: Mapped[str | None] = mapped_column(Text)
    extraction_basis: Mapped[str | None] = mapped_column(Text)
    # Seed file (relative to the seeds folder) this row was read from; see seed_files.
    seed_file: Mapped[str | None] = mapped_column(Text, index=True)


class EventActor(Base):
    """An actor taking part in an event, and in what role."""

    __tablename__ = "event_actors"

    event_id: Mapped[str] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(40), primary_key=True)
    # 'curated' (written by a person in seeds/) or 'extracted' (found automatically).
    origin: Mapped[str] = mapped_column(String(20), server_default="curated")
    # How extraction found the row (the rule) and the words it rests on; NULL if curated.
    extraction_method: Mapped[str | None] = mapped_column(Text)
    extraction_basis: Mapped[str | None] = mapped_column(Text)


class EventSource(Base):
    """A source reporting an event, with the verbatim excerpt that says so."""

    __tablename__ = "event_sources"
    # "Has this source curated evidence?" is asked of every source on every load.
    __table_args__ = (Index("ix_event_sources_source_id_origin", "source_id", "origin"),)

    event_id: Mapped[str] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id"), primary_key=True, index=True)
    start_offset: Mapped[int] = mapped_column(Integer, primary_key=True)
    excerpt: Mapped[str] = mapped_column(Text)
    end_offset: Mapped[int] = mapped_column(Integer)
    # 'curated' (written by a person in seeds/) or 'extracted' (found automatically).
    origin: Mapped[str] = mapped_column(String(20), server_default="curated")
    # How extraction found the row (the rule) and the words it rests on; NULL if curated.
    extraction_method: Mapped[str | None] = mapped_column(Text)
    extraction_basis: Mapped[str | None] = mapped_column(Text)


class Quote(Base):
    """Words said or written, verbatim as in the source, with who said them."""

    __tablename__ = "quotes"
    # "Has this source a curated quote?" is asked of every source on every load: without
    # the pair, SQLite searched by origin alone, one scan of all quotes per source.
    __table_args__ = (Index("ix_quotes_source_id_origin", "source_id", "origin"),)

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    speaker_id: Mapped[str | None] = mapped_column(ForeignKey("actors.id"), index=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id"), index=True)
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)
    event_id: Mapped[str | None] = mapped_column(ForeignKey("events.id"), index=True)
    notes: Mapped[str | None] = mapped_column(Text)
    # What kind of words: 'quotation' (printed in quotation marks) or 'interview answer'
    # (an interviewee's answer, printed without marks); see vocabulary.QUOTE_KINDS.
    kind: Mapped[str] = mapped_column(String(20), server_default="quotation")
    # 'curated' (written by a person in seeds/) or 'extracted' (found automatically).
    origin: Mapped[str] = mapped_column(String(20), server_default="curated", index=True)
    # How extraction found the row (the rule) and the words it rests on; NULL if curated.
    extraction_method: Mapped[str | None] = mapped_column(Text)
    extraction_basis: Mapped[str | None] = mapped_column(Text)
    # Seed file (relative to the seeds folder) this row was read from; see seed_files.
    seed_file: Mapped[str | None] = mapped_column(Text, index=True)


class Figure(Base):
    """A number a source states (a tonnage, a trade volume, a length), with its evidence.

    Figures with the same ``subject`` that disagree are how conflicting claims are kept:
    both stay, each with its source.
    """

    __tablename__ = "figures"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    subject: Mapped[str] = mapped_column(Text, index=True)
    value: Mapped[float] = mapped_column(Float)
    # Upper bound when the source gives a range ("500,000 to 600,000").
    value_max: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(40))
    # EDTF date the figure refers to, when it refers to one.
    date: Mapped[str | None] = mapped_column(String(40))
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id"), index=True)
    excerpt: Mapped[str] = mapped_column(Text)
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)
    event_id: Mapped[str | None] = mapped_column(ForeignKey("events.id"), index=True)
    actor_id: Mapped[str | None] = mapped_column(ForeignKey("actors.id"), index=True)
    notes: Mapped[str | None] = mapped_column(Text)
    # Seed file (relative to the seeds folder) this row was read from; see seed_files.
    seed_file: Mapped[str | None] = mapped_column(Text, index=True)


class SeedFile(Base):
    """A file the last load read from the seeds folder, with its hash (incremental loads)."""

    __tablename__ = "seed_files"

    path: Mapped[str] = mapped_column(Text, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # article | records | review
    content_hash: Mapped[str] = mapped_column(String(64))
    # Size and modification time when hashed; NULL when modified too close to the
    # scan to be trusted (see migration 0009). Matching both skips re-hashing.
    size: Mapped[int | None] = mapped_column(BigInteger)
    mtime_ns: Mapped[int | None] = mapped_column(BigInteger)


class CachedExtraction(Base):
    """One uncurated article's extraction, as it came out of the extractor (JSON), with
    the key it was made under: redone only when one of the three versions changes.

    Bookkeeping, not data: the rows a reader sees are the extracted rows of the other
    tables, resolved across articles from these results on every load.
    """

    __tablename__ = "extractions"
    # The keys every load compares, apart from the results (migration 0020).
    __table_args__ = (
        Index(
            "ix_extractions_keys",
            "source_id",
            "content_hash",
            "extractor_version",
            "knowledge_version",
        ),
    )

    source_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    extractor_version: Mapped[str] = mapped_column(String(64))
    knowledge_version: Mapped[str] = mapped_column(String(64))
    result: Mapped[str] = mapped_column(Text)


class Review(Base):
    """An article under review in the browser (``timeline serve --review``): read from
    its review file (``<source-id>.review.yaml``) on every load. Such an article stays
    extracted although curated records cite it; what was rejected (JSON) is left out
    of its extraction, and what was accepted is curated. See ``timeline.review``."""

    __tablename__ = "reviews"

    source_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    seed_file: Mapped[str] = mapped_column(Text)
    rejections: Mapped[str] = mapped_column(Text)  # JSON list, as in the review file


class ResolutionInput(Base):
    """One article's part in one cluster (an actor id, a place id, a spelling, a block
    of events, the article's own quotes), as JSON: the index that tells a load which
    clusters an added, changed or removed article touches, and what their other
    members hold. Bookkeeping, derived from ``extractions``."""

    __tablename__ = "resolution_inputs"
    # Each distinct part of a spelling's cluster, under its smallest source id, is one
    # look-up here: a country's spelling is in nearly every article, and in few forms.
    __table_args__ = (
        Index(
            "ix_resolution_inputs_cluster_part_hash_source_id",
            "cluster",
            "part_hash",
            "source_id",
            # Migration 0019 makes it partial on PostgreSQL too. Saying so here
            # (postgresql_where) would make SQLAlchemy import its PostgreSQL dialect,
            # every driver's module and asyncio with it, in every load on SQLite:
            # a tenth of a second of a one-article load.
            sqlite_where=text("part_hash IS NOT NULL"),
        ),
    )

    cluster: Mapped[str] = mapped_column(Text, primary_key=True)
    source_id: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)
    payload: Mapped[str] = mapped_column(Text)
    # A hash of the payload, in the clusters whose distinct parts are read (spellings:
    # ``resolution_store.DISTINCT_PARTS``); NULL in the others.
    part_hash: Mapped[str | None] = mapped_column(String(32))


class ResolutionOutput(Base):
    """The rows one cluster last wrote (per table, primary key -> hash of the row), so
    that resolving it again writes only the rows that changed. Bookkeeping."""

    __tablename__ = "resolution_outputs"

    cluster: Mapped[str] = mapped_column(Text, primary_key=True)
    rows: Mapped[str] = mapped_column(Text)


class ResolutionEventBlock(Base):
    """Where the replay of one block of events stood after its last member, as JSON
    (``extract.clusters.BlockReplay.summary``: each event's shape and the member its
    row came from, the dates finer sentences gave it, the states the members name), so
    that an article added after every member resolves the block from here instead of
    decoding every member again. Bookkeeping, derived from ``resolution_inputs``."""

    __tablename__ = "resolution_event_blocks"

    cluster: Mapped[str] = mapped_column(Text, primary_key=True)
    summary: Mapped[str] = mapped_column(Text)
