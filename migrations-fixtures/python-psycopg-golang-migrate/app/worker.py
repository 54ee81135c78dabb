import psycopg

def save(cur, tenant, out, version):
    cur.execute(
        """
        INSERT INTO llm_results (tenant_id, prompt, output, model_version)
        VALUES (%s, %s, %s, %s)
        """,
        (tenant, "p", out, version),
    )
    cur.execute(f"SELECT id, outptu FROM llm_results WHERE tenant_id = {tenant}")
