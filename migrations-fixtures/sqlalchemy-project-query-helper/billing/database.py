from sqlalchemy.orm import scoped_session, sessionmaker

Session = scoped_session(sessionmaker())


def session_query(model):
    """The Query of a model, through its own query property when it has one."""
    return model.query if hasattr(model, "query") else Session.query(model)


def tenant_query(model, tenant):
    # two parameters and a filter of its own: not a plain Query of the model
    return Session.query(model).filter_by(tenant=tenant)
