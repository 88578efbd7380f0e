"""The ``timeline`` command: parses options, calls the library, prints results.

No logic lives here; every command is a few lines over a function you can also call
from Python.
"""

from __future__ import annotations

import functools
import sys
import time
from pathlib import Path

import click
from sqlalchemy.exc import SQLAlchemyError

from . import database
from .errors import TimelineError
from .export.formats import EVENT_FORMATS, export_events
from .export.spreadsheets import EXPORTS, export_rows
from .load import load as load_seeds
from .query import FORMATS, format_rows, run_query


def db_option(command):
    """The shared --db option: a SQLite file path or a SQLAlchemy URL."""
    return click.option(
        "--db",
        envvar=database.DATABASE_ENV_VAR,
        default=database.DEFAULT_DATABASE,
        show_default=True,
        help=f"SQLite file or database URL (postgresql://...); env ${database.DATABASE_ENV_VAR}.",
    )(command)


def user_errors(command):
    """Our own errors become a clean message and exit code 1, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except TimelineError as error:
            raise click.ClickException(str(error)) from None
        except SQLAlchemyError as error:
            detail = getattr(error, "orig", None) or error
            raise click.ClickException(f"database error: {detail}") from None
        except Exception as error:
            if _is_migration_error(error):  # Alembic: a revision it cannot find or reach
                raise click.ClickException(f"migration error: {error}") from None
            raise

    return wrapper


def _is_migration_error(error: Exception) -> bool:
    """Is this Alembic's refusal? Alembic is imported only by commands that migrate
    (``timeline.revisions``), so an error can only be its own once it is loaded."""
    alembic_util = sys.modules.get("alembic.util")
    return alembic_util is not None and isinstance(error, alembic_util.CommandError)


# Fewer items than this go by too fast for a bar to help.
PROGRESS_MIN_ITEMS = 200


def progress_bar(quiet: bool):
    """Progress bars for the long steps of a load (reading files, extracting), on a
    terminal only, and only for steps with more than a moment's work."""
    if quiet or not sys.stderr.isatty():
        return None

    def wrap(items, label, length=None):
        length = len(items) if length is None else length
        if length < PROGRESS_MIN_ITEMS:
            yield from items
            return
        started = time.monotonic()
        done = [0]

        def rate(item) -> str:
            # Called once per item (and once before the first, with None).
            done[0] += item is not None
            elapsed = time.monotonic() - started
            return f"{done[0] / elapsed:.0f}/s" if elapsed > 0 and done[0] else ""

        with click.progressbar(
            items,
            length=length,
            label=label,
            file=sys.stderr,
            show_pos=True,
            item_show_func=rate,
        ) as bar:
            yield from bar

    return wrap


@click.group()
@click.version_option(package_name="timeline")
def cli():
    """A source-backed event timeline database.

    Articles in; sources, actors, events and quotes out.
    """


@cli.command()
@click.argument("seeds_dir", default="seeds", type=click.Path(path_type=Path))
@db_option
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@click.option(
    "--no-extract",
    is_flag=True,
    help="Do not extract quotes, actors and events from articles no curated record covers.",
)
@click.option(
    "--fresh",
    is_flag=True,
    help="Start over: build the database anew from SEEDS_DIR, ignoring what it holds "
    "(a SQLite file is replaced when the load commits; open readers are safe).",
)
@user_errors
def load(seeds_dir, db, quiet, no_extract, fresh):
    """Load SEEDS_DIR (default: seeds) into the database, migrating it first.

    Every file is read and checked before anything is written; the write is one
    transaction, so the database is either fully updated or left as it was.
    """
    result = load_seeds(
        seeds_dir, db, extract=not no_extract, progress=progress_bar(quiet), fresh=fresh
    )
    if quiet:
        return
    for warning in result.warnings:
        click.secho(f"warning: {warning}", fg="yellow", err=True)
    target = database.display_name(result.database_url)
    if result.mode == "unchanged":
        click.echo(f"No seed file changed; {target} has {result.summary()}")
    elif result.mode == "incremental":
        click.echo(
            f"{result.files_changed} seed files changed ({result.files_read} re-read); "
            f"{target} now has {result.summary()}"
        )
    else:
        click.echo(f"Loaded {result.summary()} into {target}")


@cli.command()
@click.argument("sql")
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@user_errors
def query(sql, db, fmt):
    """Run a read-only SQL query and print the rows."""
    columns, rows = run_query(sql, db)
    click.echo(format_rows(columns, rows, fmt), nl=False)


@cli.command()
@click.argument("name", type=click.Choice(EXPORTS))
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json", *EVENT_FORMATS]),
    default="csv",
    show_default=True,
    help="timelinejs (Knight Lab TimelineJS3) and ics (iCalendar) are for events only.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)
@click.option(
    "--spreadsheet-safe",
    is_flag=True,
    help="CSV for spreadsheets: a cell starting with = + - @ gets a leading apostrophe, "
    "so it cannot run as a formula. Without it, the CSV keeps every value as stored.",
)
@user_errors
def export(name, db, fmt, output, spreadsheet_safe):
    """Export events, quotes, actors, sources or figures, with names joined in."""
    if spreadsheet_safe and fmt != "csv":
        raise click.UsageError("--spreadsheet-safe is for --format csv")
    if fmt in EVENT_FORMATS:
        if name != "events":
            raise click.UsageError(f"--format {fmt} exports events only")
        text, count = export_events(fmt, db)
    else:
        columns, rows = export_rows(name, db)
        text = format_rows(columns, rows, fmt, spreadsheet_safe=spreadsheet_safe)
        count = len(rows)
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"Wrote {count} {name} to {output}", err=True)
    else:
        click.echo(text, nl=False)


@cli.command()
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to bind; anything but loopback exposes the data to your network.",
)
@click.option("--port", default=8001, show_default=True, type=int)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="Also answer requests for this host name (repeatable; '*' for any), e.g. the "
    "public name of a server behind a proxy. Loopback and --host always work.",
)
@click.option(
    "--review",
    is_flag=True,
    help="Add review controls that write decisions to the seeds folder (loopback only).",
)
@click.option(
    "--seeds",
    "seeds_dir",
    default="seeds",
    show_default=True,
    help="With --review: the seeds folder the database is loaded from.",
)
@user_errors
def serve(db, host, port, allow_hosts, review, seeds_dir):
    """Browse the database in Datasette (read-only unless --review)."""
    from .web.serve import build_datasette, ensure_port_free, run_datasette

    datasette = build_datasette(db, host, allow_hosts, seeds_dir if review else None)
    ensure_port_free(host, port)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.secho(
            f"warning: serving on {host}: reachable from other machines", fg="yellow", err=True
        )
    click.echo(f"Datasette on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    run_datasette(datasette, host, port)


@cli.group(name="db")
def db_group():
    """Migrate the database schema (Alembic underneath)."""


# "-1" is a revision (one step back), not an option.
REVISION_ARGUMENT = {"ignore_unknown_options": True}


@db_group.command(context_settings=REVISION_ARGUMENT)
@click.argument("revision", default="head")
@db_option
@user_errors
def upgrade(revision, db):
    """Migrate up to REVISION (an id, +1 for one step, or head: the default)."""
    url = database.resolve_database_url(db)
    database.check_revision(url)
    with database.transaction(url) as connection:
        database.upgrade(connection, url, revision)
        click.echo(f"At revision {database.current_revision(connection)}")


@db_group.command(context_settings=REVISION_ARGUMENT)
@click.argument("revision")
@db_option
@user_errors
def downgrade(revision, db):
    """Migrate down to REVISION (an id, -1 for one step, or base)."""
    url = database.resolve_database_url(db)
    with database.transaction(url) as connection:
        database.downgrade(connection, url, revision)
        click.echo(f"At revision {database.current_revision(connection) or 'base (empty)'}")


@db_group.command()
@db_option
def current(db):
    """Print the database's revision and the newest one available."""
    url = database.resolve_database_url(db)
    path = database.sqlite_path(url)
    revision = None
    if path is None or path.exists():
        engine = database.create_db_engine(url, read_only=True)
        with engine.connect() as connection:
            revision = database.current_revision(connection)
        engine.dispose()
    click.echo(f"{revision or 'base (empty)'} (head is {database.head_revision()})")


@db_group.command()
@db_option
@click.option(
    "--to",
    "target",
    required=True,
    type=click.Path(dir_okay=False),
    help="New SQLite file to create.",
)
@user_errors
def copy(db, target):
    """Copy the database into a new SQLite file (to browse a PostgreSQL timeline)."""
    from .copy import copy_database

    counts = copy_database(db, target)
    click.echo(f"Copied {sum(counts.values())} rows in {len(counts)} tables to {target}")


@db_group.command()
def history():
    """List every migration, newest first."""
    click.echo(database.history_text(), nl=False)


@cli.command(name="add")
@click.argument("inputs", nargs=-1, required=True, metavar="PATH_OR_URL...")
@click.option(
    "--seeds",
    "seeds_dir",
    default="seeds",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Seeds folder to write articles/<id>.md and raw/ into.",
)
@click.option(
    "--update", is_flag=True, help="Replace an article already added (same URL or same text)."
)
@user_errors
def add_command(inputs, seeds_dir, update):
    """Write one seeds article per saved page, feed entry, scraper record, text file or URL.

    Every value read from the input is written with its evidence, and marked inferred
    when it was guessed. URLs are fetched now, never by `timeline load`.
    """
    from .add import add_articles
    from .add.report import report_lines

    result = add_articles(list(inputs), seeds_dir, update=update)
    for kind, line in report_lines(result):
        if kind == "error":
            click.secho(line, fg="red", err=True)
        else:
            click.echo(line)
    if result.problems:
        sys.exit(1)


@cli.command(name="extract")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--published", help="Publication date (2025-08-11, 2025-08 or 2025) for relative dates."
)
@click.option(
    "--seeds",
    "seeds_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Link to the actors of this seeds folder instead of defining every actor.",
)
@user_errors
def extract_command(file, published, seeds_dir):
    """Print draft curated YAML (actors, events, quotes) extracted from one article FILE."""
    from .dates import DateError
    from .extract.draft import draft_for_file

    try:
        click.echo(draft_for_file(file, published, seeds_dir), nl=False)
    except DateError as error:
        raise click.BadParameter(str(error), param_hint="--published") from None


@cli.command(name="eval")
@click.argument("seeds_dir", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--cold", is_flag=True, help="Give extraction no known actors (names only).")
@click.option(
    "--gold",
    "gold_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Score against a development set's gold (DIR/articles, DIR/gold) instead.",
)
@click.option(
    "--misses",
    "--verbose",
    "-v",
    "misses",
    is_flag=True,
    help="Also list every missed, extra or wrong item with its sentence.",
)
@user_errors
def eval_command(seeds_dir, cold, gold_dir, misses):
    """Measure extraction against the curated records of SEEDS_DIR (default: seeds), or
    with --gold against a development set's gold annotation."""
    if gold_dir is not None:
        if seeds_dir is not None or cold:
            raise click.UsageError("--gold scores a development set: give no SEEDS_DIR or --cold")
        from .extract.gold_scoring import evaluate_gold, format_gold_misses, format_gold_table

        evaluation = evaluate_gold(gold_dir)
        click.echo(format_gold_table(evaluation), nl=False)
        if misses:
            click.echo(format_gold_misses(evaluation), nl=False)
        return
    from .extract.evaluate import evaluate, format_misses, format_table

    results = evaluate(seeds_dir or "seeds", cold=cold)
    click.echo(format_table(results), nl=False)
    if misses:
        click.echo(format_misses(results), nl=False)
