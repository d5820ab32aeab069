"""``TENANT_LIMIT_SET_CALLS``: one ``SET search_path`` per connection and schema.

PostgreSQL undoes a ``SET`` issued inside a transaction or savepoint that rolls
back. Each test below makes the connection's search path disagree with what
django-tenants last set (a region's SET rolled back, the session back on another
region) and checks that the next query reads the region it is in, never the
schema the rollback left behind.
"""

import pytest
from django.conf import settings
from django.db import connection, connections, transaction

from tenants.context import in_region

pytestmark = pytest.mark.django_db


class Stop(Exception):
    pass


def _schema(conn=connection) -> str:
    with conn.cursor() as cursor:
        cursor.execute("SELECT current_schema()")
        return cursor.fetchone()[0]


def test_the_setting_is_on():
    """The tests below would prove nothing with it off: every query SETs."""
    assert settings.TENANT_LIMIT_SET_CALLS is True


def test_one_set_per_schema_not_per_query(regions):
    from django.test.utils import CaptureQueriesContext

    with in_region(regions["halle"]), CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            _schema()
    sets = [
        q for q in queries.captured_queries if q["sql"].startswith("SET search_path")
    ]
    assert len(sets) == 1


def test_a_savepoint_rolled_back_does_not_leave_the_previous_region(regions):
    halle, dortmund = regions["halle"], regions["dortmund"]
    with in_region(dortmund):
        assert _schema() == "dortmund"
        savepoint = transaction.savepoint()  # made while the session reads Dortmund
        with in_region(halle):
            assert _schema() == "halle"  # SET halle, inside the savepoint
            transaction.savepoint_rollback(savepoint)  # PostgreSQL: Dortmund again
            assert _schema() == "halle"
        assert _schema() == "dortmund"


def test_a_failed_atomic_block_inside_another_region(regions):
    halle, potsdam = regions["halle"], regions["potsdam"]
    with in_region(potsdam):
        _schema()
        with pytest.raises(Stop), transaction.atomic():
            with in_region(halle):
                assert _schema() == "halle"
            assert _schema() == "potsdam"
            raise Stop
        assert _schema() == "potsdam"
    with in_region(halle):
        assert _schema() == "halle"


def test_a_transaction_rolled_back_on_its_own_connection(regions):
    """The outermost rollback, on a connection of its own (the test's connection
    is inside pytest's transaction): what a request's failed ``atomic`` does."""
    halle, dortmund = regions["halle"], regions["dortmund"]
    conn = connections.create_connection("default")
    try:
        conn.set_tenant(dortmund)
        assert _schema(conn) == "dortmund"  # committed: the session reads Dortmund
        conn.set_tenant(halle)
        conn.set_autocommit(False)
        assert _schema(conn) == "halle"  # SET halle inside the transaction
        conn.rollback()  # PostgreSQL is back on Dortmund's search path
        conn.set_autocommit(True)
        assert _schema(conn) == "halle"
    finally:
        conn.close()
