from orchestrator.database.interface import OrchestratorDBInterface, provide_database_interface

__all__ = ["OrchestratorDBInterface", "provide_database_interface"]
