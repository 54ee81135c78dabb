"""Nightly batch: summarise each tenant's week with several LLM providers.

Every provider call is billed. The results are written at the end, in one INSERT per call.
"""
import hashlib

import psycopg

from worker.clients import anthropic_client, openai_client

PROVIDERS = {"openai": openai_client, "anthropic": anthropic_client}
MODEL_VERSION = "2026-11-01"

INSERT_RESULT = """
    INSERT INTO llm_results (tenant_id, provider, prompt_hash, output, tokens_used, model_version)
    VALUES (%(tenant_id)s, %(provider)s, %(prompt_hash)s, %(output)s, %(tokens)s, %(model_version)s)
"""


def tenants_to_process(conn):
    with conn.cursor() as cur:
        cur.execute("SELECT id, name FROM tenants WHERE plan <> 'free' ORDER BY id")
        return cur.fetchall()


def run(dsn: str) -> None:
    with psycopg.connect(dsn) as conn:
        for tenant_id, name in tenants_to_process(conn):
            prompt = f"Summarise the week for {name}"
            digest = hashlib.sha256(prompt.encode()).hexdigest()
            for provider, client in PROVIDERS.items():
                answer = client.complete(prompt)  # billed, whatever happens next
                with conn.cursor() as cur:
                    cur.execute(
                        INSERT_RESULT,
                        {
                            "tenant_id": tenant_id,
                            "provider": provider,
                            "prompt_hash": digest,
                            "output": answer.text,
                            "tokens": answer.tokens,
                            "model_version": MODEL_VERSION,
                        },
                    )
            conn.commit()
