import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import aliased

from orchestrator.database import OrchestratorDBInterface


async def read_flow_run(db: OrchestratorDBInterface, session, flow_run_id):
    result = await session.execute(sa.select(db.FlowRun).where(db.FlowRun.id == flow_run_id))
    return result.scalar()


async def read_flow_runs(db: OrchestratorDBInterface, session, work_queue_name=None, limit=None):
    query = select(db.FlowRun).order_by(db.FlowRun.expected_start_time.desc())
    if work_queue_name is not None:
        query = query.where(db.FlowRun.work_queue_name == work_queue_name)
    if limit is not None:
        query = query.limit(limit)
    result = await session.execute(query)
    return result.scalars().unique().all()


async def _apply_flow_run_filters(db, query, flow_run_filter=None):
    if flow_run_filter is not None:
        query = query.where(flow_run_filter.as_sql_filter())
    return query


async def count_flow_runs(db: OrchestratorDBInterface, session, flow_run_filter=None):
    query = select(sa.func.count(None)).select_from(db.FlowRun)
    query = await _apply_flow_run_filters(db, query, flow_run_filter=flow_run_filter)
    result = await session.execute(query)
    return result.scalar_one()


async def create_flow_run(db: OrchestratorDBInterface, session, flow_run):
    insert_stmt = (
        postgresql.insert(db.FlowRun)
        .values(**flow_run.model_dump(exclude_unset=True))
        .on_conflict_do_nothing(index_elements=[db.FlowRun.id])
    )
    await session.execute(insert_stmt)


async def late_runs_by_flow(db: OrchestratorDBInterface, session, now):
    late = (
        select(db.FlowRun.flow_id, sa.func.count().label("late"))
        .where(db.FlowRun.state_type == "SCHEDULED", db.FlowRun.expected_start_time < now)
        .group_by(db.FlowRun.flow_id)
        .subquery()
    )
    parent = aliased(db.Flow)
    query = select(parent.name, late.c.late).join(late, late.c.flow_id == parent.id)
    return (await session.execute(query)).all()


async def flow_names_with_runs(db: OrchestratorDBInterface, session):
    # The relationship is no column: only the tables and columns of the statement are needed.
    query = select(db.Flow.name).join(db.Flow.flow_runs).distinct()
    return (await session.scalars(query)).all()


async def run_ids(db: OrchestratorDBInterface, session, ids=None, queues=None):
    conditions = []
    if ids:
        conditions.append(db.FlowRun.id.in_(ids))
    if queues:
        conditions.append(db.FlowRun.work_queue_name.in_(queues))
    result = await session.execute(sa.select(db.FlowRun.id).where(sa.or_(*conditions)))
    return result.scalars().all()


async def runs_of_flow(db: OrchestratorDBInterface, session, repository, flow_id):
    # The repository builds the statement; the clauses added here are read.
    statement = repository.get_base_statement().where(db.FlowRun.flow_id == flow_id).order_by(db.FlowRun.name)
    return (await session.execute(statement)).scalars().all()


def _select_late_runs(db: OrchestratorDBInterface, now):
    return select(db.FlowRun).where(db.FlowRun.expected_start_time < now, db.FlowRun.work_queue_name.is_not(None))


async def late_runs(db: OrchestratorDBInterface, session, now):
    # A function of this file builds the statement: what it returns is read.
    query = _select_late_runs(db, now)
    return (await session.execute(query)).scalars().all()


async def scheduled_runs(db: OrchestratorDBInterface, session, limit):
    # A statement a function of the project builds: still unchecked, and said why.
    query = db.queries.get_scheduled_flow_runs(limit=limit)
    return (await session.execute(query)).all()
