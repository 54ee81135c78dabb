"""Yearly statistics: Spark reads a parquet dump, PostgreSQL stores the result."""
from pyspark.sql import SparkSession

import psycopg

TOP_TRACKS = """
    SELECT user_id, track_name, count(*) AS plays
      FROM listens_of_year
  GROUP BY user_id, track_name
"""


def run(spark: SparkSession, dsn: str) -> None:
    spark.read.parquet("/data/listens").createOrReplaceTempView("listens_of_year")
    rows = spark.sql(TOP_TRACKS).collect()
    with psycopg.connect(dsn) as conn, conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO listens (user_id, track_name, listened_at, plays) VALUES (%s, %s, now(), %s)",
            [(r.user_id, r.track_name, r.plays) for r in rows],
        )
