"""One place for configuration: environment variables (and an optional .env file)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

if TYPE_CHECKING:
    from graph.neo4j.connection import Neo4jTarget


def _split_commas(value: object) -> object:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # Store selection: embedded unless NEO4J_URI is set; CAREERGRAPH_STORE forces one.
    careergraph_store: Literal["auto", "embedded", "neo4j"] = "auto"
    careergraph_data_dir: Path | None = Field(
        default=None, description="seed data directory for the embedded store (default seed/data)"
    )
    # Where the embedded store keeps imported datasets, one directory each
    # (default: $XDG_STATE_HOME/careergraph/datasets, see datasets_library()).
    careergraph_datasets_dir: Path | None = None
    careergraph_default_dataset: str = "cigref-2011"
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("")
    neo4j_database: str = "neo4j"
    neo4j_timeout_s: float = Field(default=10.0, gt=0)

    # How often (seconds) the service asks the store whether the dataset version changed.
    careergraph_reload_check_s: float = Field(default=30.0, ge=0)
    careergraph_batch_max: int = Field(default=1000, ge=1)
    careergraph_cors_origins: Annotated[list[str], NoDecode] = []
    careergraph_api_keys: Annotated[list[SecretStr], NoDecode] = []
    # The built UI: frontend/dist in a checkout, the careergraph_ui package in a wheel.
    careergraph_frontend_dist: Path | None = None
    careergraph_log_level: str = "INFO"
    # Largest dataset upload (POST /api/v1/datasets), and largest once unzipped.
    careergraph_import_max_bytes: int = Field(default=20_000_000, ge=1)
    # Workforce analytics (docs/workforce.md): where the embedded store keeps people
    # (default $XDG_DATA_HOME/careergraph/workforce), the fewest people an aggregate may
    # show, the readiness from which a person is "ready soon", the largest people import.
    careergraph_workforce_dir: Path | None = None
    careergraph_min_group_size: int = Field(default=5, ge=1)
    careergraph_ready_soon: float = Field(default=0.8, gt=0, le=1)
    careergraph_workforce_import_max_bytes: int = Field(default=50_000_000, ge=1)

    # Request limits (app/http_limits.py): over one, a request is refused before parsing.
    careergraph_body_max_bytes: int = Field(default=1 << 20, ge=1024)
    careergraph_header_max_bytes: int = Field(default=16 << 10, ge=1024)
    careergraph_path_max_chars: int = Field(default=2048, ge=64)
    careergraph_query_max_bytes: int = Field(default=4096, ge=64)
    # The analyst console: queries running at once (more wait for none: 429), and the
    # bytes of one answer's rows (past them the answer is truncated, like past `limit`).
    careergraph_console_concurrency: int = Field(default=4, ge=1)
    careergraph_console_max_bytes: int = Field(default=4 << 20, ge=1024)
    # Budgets (app/request_budget.py, docs/reliability.md): the wall seconds and work units
    # one answer may take, without and with an API key. A unit holds at most about 1 KB
    # (a path state kept, a role listed, a node or link exported): 100,000 stay well under
    # the 256 MB an anonymous request may use, and wall seconds bound its CPU seconds.
    careergraph_request_seconds: float = Field(default=2.0, gt=0)
    careergraph_request_units: int = Field(default=100_000, ge=1)
    careergraph_keyed_request_seconds: float = Field(default=30.0, gt=0)
    careergraph_keyed_request_units: int = Field(default=1_000_000, ge=1)
    # Budgeted answers computed at once (more wait, within their budget): /health and
    # cheap reads keep their share of the CPU.
    careergraph_work_concurrency: int = Field(default=2, ge=1)

    _split_origins = field_validator("careergraph_cors_origins", mode="before")(_split_commas)
    _split_keys = field_validator("careergraph_api_keys", mode="before")(_split_commas)

    @property
    def workforce_dir(self) -> Path:
        """Where the embedded store keeps each dataset's workforce (owner-only files)."""
        if self.careergraph_workforce_dir is not None:
            return self.careergraph_workforce_dir
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        return Path(base) / "careergraph" / "workforce"

    @property
    def store_kind(self) -> Literal["embedded", "neo4j"]:
        if self.careergraph_store != "auto":
            return self.careergraph_store
        return "neo4j" if self.neo4j_uri else "embedded"

    def datasets_library(self) -> Path:
        """The embedded store's library of imported datasets (made when first written)."""
        if self.careergraph_datasets_dir is not None:
            return self.careergraph_datasets_dir
        base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
        return Path(base) / "careergraph" / "datasets"

    def neo4j_target(self) -> Neo4jTarget | None:
        """Where every careergraph command finds Neo4j: the one resolution rule.

        NEO4J_URI with NEO4J_USER / NEO4J_PASSWORD when set; else the local server that
        `careergraph neo4j start` (or `careergraph up`) runs, with the credentials it
        recorded; else None.
        """
        from app import neo4j_launcher  # the driver loads only for commands that need it
        from graph.neo4j.connection import Neo4jTarget

        if self.neo4j_uri:
            user, password = self.neo4j_user, self.neo4j_password.get_secret_value()
            uri = self.neo4j_uri
        elif (local := neo4j_launcher.status()) is not None:
            user, password, uri = local.user, local.password, local.uri
        else:
            return None
        return Neo4jTarget(uri, user, password, self.neo4j_database, self.neo4j_timeout_s)


@lru_cache
def get_settings() -> Settings:
    return Settings()
