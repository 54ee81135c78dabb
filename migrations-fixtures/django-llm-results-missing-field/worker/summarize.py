"""Nightly batch: summarise each tenant's documents with the configured LLM and store the result."""
import hashlib

from django.db import connection

from worker.providers import complete

MODEL_VERSION = "2024-03-summary-v2"


def save_result(tenant_id, provider, prompt, output, tokens):
    prompt_hash = hashlib.sha256(prompt.encode()).hexdigest()
    with connection.cursor() as cur:
        cur.execute(
            "INSERT INTO results_llmresult (tenant_id, provider, prompt_hash, output, tokens_used, model_version, created_at) "
            "VALUES (%s, %s, %s, %s, %s, %s, now())",
            [tenant_id, provider, prompt_hash, output, tokens, MODEL_VERSION],
        )


def already_done(tenant_id, prompt):
    prompt_hash = hashlib.sha256(prompt.encode()).hexdigest()
    with connection.cursor() as cur:
        cur.execute(
            "SELECT id FROM results_llmresult WHERE tenant_id = %s AND prompt_hash = %s",
            [tenant_id, prompt_hash],
        )
        return cur.fetchone() is not None


def run(tenant_id, documents, provider="openai"):
    for doc in documents:
        if already_done(tenant_id, doc):
            continue
        output, tokens = complete(provider, doc)
        save_result(tenant_id, provider, doc, output, tokens)
