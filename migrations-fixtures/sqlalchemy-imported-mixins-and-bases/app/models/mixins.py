from sqlalchemy import Column, String


class AuditMixin:
    audited_by = Column(String(80))
