"""Stores model outputs; every write is an upsert so a retried task does not duplicate rows."""


def save(cur, tenant_id, prompt_hash, output):
    cur.execute(
        """
        INSERT INTO llm_results (tenant_id, prompt_hash, output)
        VALUES (%s, %s, %s)
        ON CONFLICT (prompt_hash, tenant_id) DO UPDATE SET output = EXCLUDED.output
        """,
        (tenant_id, prompt_hash, output),
    )


def save_by_provider(cur, provider, prompt_hash, output):
    cur.execute(
        "INSERT INTO llm_results (tenant_id, provider, prompt_hash, output) VALUES (0, %s, %s, %s) "
        "ON CONFLICT (provider, prompt_hash) DO NOTHING",
        (provider, prompt_hash, output),
    )


def touch(cur, result_id):
    cur.execute("INSERT INTO llm_results (id, tenant_id, prompt_hash) VALUES (%s, 0, '') ON CONFLICT (id) DO NOTHING", (result_id,))


def count(cur, tenant_id, day, tokens):
    # The partial index may be the arbiter: not decided statically.
    cur.execute(
        "INSERT INTO usage_counters (tenant_id, day, tokens) VALUES (%s, %s, %s) "
        "ON CONFLICT (tenant_id, day) DO UPDATE SET tokens = usage_counters.tokens + EXCLUDED.tokens",
        (tenant_id, day, tokens),
    )
