from sqlalchemy import text


async def test_notifications_are_migrated(session, downgrade):
    # Runs at the first revision, before the table was dropped.
    await downgrade("3f1c2a9b7d10")
    await session.execute(text("DELETE FROM flow_run_notification"))
