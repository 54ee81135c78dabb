from orchestrator.database import orm_models


class OrchestratorDBInterface:
    """The models and the session factory, handed to every function that queries."""

    @property
    def Flow(self) -> type[orm_models.Flow]:
        return orm_models.Flow

    @property
    def FlowRun(self) -> type[orm_models.FlowRun]:
        return orm_models.FlowRun


def provide_database_interface() -> OrchestratorDBInterface:
    return OrchestratorDBInterface()
