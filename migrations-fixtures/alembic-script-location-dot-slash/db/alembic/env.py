from alembic import context

context.configure(url=context.config.get_main_option("sqlalchemy.url"))
with context.begin_transaction():
    context.run_migrations()
