from sqlalchemy import text


async def run_states(session):
    result = await session.execute(text("SELECT name, state_type, state_name FROM flow_run"))
    return result.all()
