"""The pinned stack keeps Prefect's scheduler working: its service, run once in this
process on a temporary database, creates the scheduled runs of a deployment. SQLAlchemy
2.1 broke exactly this (`InvalidRequestError: Can't evaluate bulk DML statement`) while
every flow still ran, so nothing else in the suite would notice a lock file that brings
it back."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from packaging.version import Version


def test_sqlalchemy_is_below_the_release_that_broke_the_scheduler():
    import sqlalchemy

    assert Version(sqlalchemy.__version__) < Version("2.1"), (
        f"SQLAlchemy {sqlalchemy.__version__}: Prefect 3.8.8's scheduler fails on 2.1 "
        "(pyproject pins <2.1)")


async def _scheduled_runs() -> int:
    from prefect.server import models, schemas
    from prefect.server.database import provide_database_interface
    from prefect.server.schemas.schedules import IntervalSchedule
    from prefect.server.services.scheduler import schedule_deployments

    db = provide_database_interface()
    await db.create_db()
    async with db.session_context(begin_transaction=True) as session:
        flow = await models.flows.create_flow(session=session,
                                              flow=schemas.core.Flow(name="ingest"))
        await models.deployments.create_deployment(session=session, deployment=(
            schemas.core.Deployment(
                name="ingest", flow_id=flow.id,
                schedules=[schemas.core.DeploymentSchedule(
                    schedule=IntervalSchedule(interval=timedelta(minutes=15)),
                    active=True)])))
    await schedule_deployments()
    async with db.session_context() as session:
        return await models.flow_runs.count_flow_runs(session=session)


def test_prefect_scheduler_creates_runs_on_a_temporary_database(tmp_path):
    from prefect.settings import PREFECT_API_DATABASE_CONNECTION_URL, temporary_settings

    url = f"sqlite+aiosqlite:///{tmp_path / 'prefect.db'}"
    with temporary_settings({PREFECT_API_DATABASE_CONNECTION_URL: url}):
        assert asyncio.run(_scheduled_runs()) >= 3  # the scheduler's min_runs
