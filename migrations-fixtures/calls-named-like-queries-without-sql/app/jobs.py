# Background jobs live in Redis (python-rq): fetching one sends no SQL.
from django.db import connection
from rq.job import Job


def load_jobs(queue, job_ids):
    return [Job.fetch(job_id, connection=queue.connection) for job_id in job_ids]


def load_job(job_id, redis):
    return Job.fetch(job_id, connection=redis)


def status_of(job_id, redis):
    return load_job(job_id, redis).get_status()


def note_count():
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM notes")
        return cursor.fetchone()[0]
