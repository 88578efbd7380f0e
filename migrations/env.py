"""Alembic environment: runs migrations on the connection ``timeline.database`` hands over.

Used both by ``timeline db ...`` / ``timeline load`` (which pass a live connection in
``config.attributes["connection"]``) and by the plain ``alembic`` command run from the
repository root (which reads the URL from ``alembic.ini`` or ``TIMELINE_DB``).
"""

from alembic import context

from timeline.database import create_db_engine, managed_by_migrations, resolve_database_url
from timeline.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things: batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=managed_by_migrations,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:
    url = config.get_main_option("sqlalchemy.url") or resolve_database_url(None)
    engine = create_db_engine(url)
    with engine.connect() as new_connection:
        run_migrations(new_connection)
        new_connection.commit()
    engine.dispose()
