"""Queue worker: runs LLM jobs and records what they cost."""
from sqlalchemy import text

from app.db import SessionLocal

MODEL_VERSION = "summary-v2"


def record(job_id, provider, output, tokens):
    with SessionLocal() as session:
        session.execute(
            text(
                "INSERT INTO llm_results (job_id, provider, output, tokens_used, model_version, finished_at) "
                "VALUES (:job_id, :provider, :output, :tokens, :model_version, now())"
            ),
            {"job_id": job_id, "provider": provider, "output": output, "tokens": tokens, "model_version": MODEL_VERSION},
        )
        session.execute(text("UPDATE jobs SET status = 'done' WHERE id = :id"), {"id": job_id})
        session.execute(text("INSERT INTO job_events (job_id, event) VALUES (:id, 'finished')"), {"id": job_id})
        session.commit()


def pending(tenant_id):
    with SessionLocal() as session:
        return session.execute(
            text("SELECT id, kind, payload FROM jobs WHERE tenant_id = :t AND status = 'queued' ORDER BY created_at"),
            {"t": tenant_id},
        ).all()
