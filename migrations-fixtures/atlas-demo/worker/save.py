import psycopg


def save(conn, prompt_hash, output, model):
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO llm_results (prompt_hash, output, model_version) VALUES (%s, %s, %s)",
            (prompt_hash, output, model),
        )
