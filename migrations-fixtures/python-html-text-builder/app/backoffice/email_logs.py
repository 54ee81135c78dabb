from sqlalchemy import text as sql_text
from tagflow import classes, tag, text


def render_status(status: str, subject: str | None) -> None:
    with tag.div(classes="badge"):
        if status == "failed":
            classes("badge-error")
        text(status)
    with tag.span():
        # Labels, not SQL: tagflow's text() writes a text node.
        text(f"Subject: {subject or 'none'}")
        text("Select the logs to resend from the list below")


async def failed_subjects(session) -> list[str]:
    result = await session.execute(
        sql_text("SELECT subject FROM email_log WHERE status = 'failed' ORDER BY sent_at DESC")
    )
    return [row.subject for row in result]
