"""The one typed settings object. Nothing else in the code base reads the environment.

Every value can be set as ``RUIMTE_<SECTION>__<NAME>`` (for example
``RUIMTE_DATABASE__URL`` or ``RUIMTE_SERVER__PORT``); the README lists them all.
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Self

from pydantic import BaseModel, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDER_SECRET = "development-only-secret-change-me"  # noqa: S105 - refused in production

# OWASP Password Storage Cheat Sheet: argon2id configurations of equal strength, as
# (minimum memory in KiB, iterations). A configuration is acceptable when its memory reaches the
# minimum for its iteration count (more iterations than listed count as the last row).
OWASP_ARGON2ID_MINIMUMS: tuple[tuple[int, int], ...] = (
    (47_104, 1),
    (19_456, 2),
    (12_288, 3),
    (9_216, 4),
    (7_168, 5),
)


class Environment(StrEnum):
    development = "development"
    test = "test"
    production = "production"


class ServerSettings(BaseModel):
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    trusted_proxies: str = Field(
        "",
        max_length=1_000,
        description="comma-separated addresses of the proxies in front (e.g. 127.0.0.1): "
        "their X-Forwarded-For names the client for the rate limits (never stored or logged)",
    )


class DatabaseSettings(BaseModel):
    url: str | None = Field(
        None, description="SQLAlchemy async URL; defaults to a SQLite file in the data directory"
    )
    echo: bool = False
    sqlite_busy_timeout_ms: int = Field(5_000, ge=0)
    pool_size: int = Field(10, ge=1)
    group_commit_max_units: int = Field(
        64, ge=1, description="most pushes written together in one transaction"
    )


class PasswordHashSettings(BaseModel):
    """argon2id parameters; refused when weaker than OWASP's recommendation."""

    time_cost: int = Field(2, ge=1)
    memory_cost_kib: int = Field(19_456, ge=1)
    parallelism: int = Field(1, ge=1)

    @model_validator(mode="after")
    def _at_least_owasp(self) -> Self:
        required = next(
            (
                memory
                for memory, iterations in OWASP_ARGON2ID_MINIMUMS
                if iterations == min(self.time_cost, 5)
            ),
            OWASP_ARGON2ID_MINIMUMS[0][0],
        )
        if self.memory_cost_kib < required:
            raise ValueError(
                f"argon2id with {self.time_cost} iteration(s) needs at least {required} KiB "
                "of memory (OWASP)"
            )
        return self


class SessionSettings(BaseModel):
    idle_days: float = Field(30, gt=0, description="a device session expires after this idle time")
    max_days: float = Field(365, gt=0, description="and after this age, however active")
    touch_interval_seconds: int = Field(
        300, ge=0, description="how often a session's sliding expiry is written back"
    )
    cache_seconds: float = Field(
        5.0,
        ge=0,
        description="how long an instance remembers who is behind a token (0: never); a "
        "change made through another instance counts here after at most this long",
    )


class LoginThrottleSettings(BaseModel):
    """Failed logins per handle first slow down, then lock for a while."""

    free_failures: int = Field(5, ge=1, description="failures before the slowdown starts")
    lock_after_failures: int = Field(10, ge=2)
    max_delay_seconds: int = Field(60, ge=1)
    lock_minutes: int = Field(15, ge=1)


class RateLimitSettings(BaseModel):
    """Per-instance request budgets; see ``app/ratelimit.py`` for what the key is."""

    register_per_hour: int = Field(10, ge=1, description="registrations per client per hour")
    login_per_minute: int = Field(20, ge=1, description="login attempts per client per minute")
    global_register_per_minute: int = Field(120, ge=1)
    global_login_per_minute: int = Field(1_200, ge=1)
    writes_per_minute: int = Field(
        120,
        ge=1,
        description="writes (POST, PUT, PATCH, DELETE) per token, or per anonymous client, per "
        "minute; the outbox push counts operations instead (RUIMTE_SYNC__OPS_PER_MINUTE)",
    )


class SecuritySettings(BaseModel):
    secret_key: SecretStr = SecretStr(PLACEHOLDER_SECRET)
    password_hash: PasswordHashSettings = PasswordHashSettings()
    sessions: SessionSettings = SessionSettings()
    login_throttle: LoginThrottleSettings = LoginThrottleSettings()
    rate_limits: RateLimitSettings = RateLimitSettings()
    invite_default_hours: int = Field(72, ge=1)
    invite_max_hours: int = Field(24 * 14, ge=1)


class HttpSettings(BaseModel):
    max_body_bytes: int = Field(2_097_152, ge=1_024, description="larger bodies get 413")
    hsts_seconds: int = Field(
        0,
        ge=0,
        description="Strict-Transport-Security max-age; 0 sends none (set it once TLS is in front)",
    )
    cors_origins: list[str] = Field(
        default_factory=list,
        description="browser origins allowed to call the API; empty: CORS stays closed",
    )


class SyncSettings(BaseModel):
    ops_per_minute: int = Field(
        600, ge=1, description="operations one account may push per minute before retry_later"
    )
    page_limit: int = Field(500, ge=1, le=5_000, description="changes per sync page (most)")
    window: int = Field(50, ge=1, le=500, description="messages per room in a first sync")


class RealtimeSettings(BaseModel):
    broker: str = Field(
        "auto",
        pattern="^(auto|memory|postgres)$",
        description="fan-out between instances: memory (one instance) or postgres (LISTEN/NOTIFY)",
    )
    poll_seconds: float = Field(
        1.0, gt=0, description="how often the hub checks the database, in case a notice was lost"
    )
    ring_size: int = Field(10_000, ge=100, description="recent changes kept in memory for sockets")
    coalesce_seconds: float = Field(
        0.005, ge=0, description="the hub waits this long after a notice, to read a burst at once"
    )
    heartbeat_seconds: float = Field(25.0, gt=0)
    auth_timeout_seconds: float = Field(10.0, gt=0)
    send_timeout_seconds: float = Field(
        10.0, gt=0, description="a socket that takes longer to accept a frame is disconnected"
    )
    typing_per_minute: int = Field(30, ge=1)
    max_frame_bytes: int = Field(
        2_097_152, ge=1_024, description="a bigger frame closes the socket with 1009"
    )
    frames_per_second: int = Field(
        20, ge=1, description="frames one socket may send per second before an error frame"
    )
    ops_per_second: int = Field(
        200,
        ge=100,  # a full push (100 operations) must always fit
        description="outbox operations one socket may push per second",
    )
    connections_per_account: int = Field(
        10, ge=1, description="open sockets per account on one instance"
    )


class ShiftSettings(BaseModel):
    withdraw_cutoff_hours: int = Field(
        24, ge=0, description="volunteers withdraw from a shift at least this long before it"
    )
    check_in_grace_minutes: int = Field(
        15, ge=0, description="check-in opens this long before a shift starts"
    )
    default_chat_capacity: int = Field(
        2, ge=1, le=10, description="chats a volunteer takes at once, unless a coordinator says"
    )


class PagingSettings(BaseModel):
    """How the people on call are paged; without a webhook, pages stay in the service."""

    webhook_url: str | None = Field(None, description="POST every page here (signed)")
    webhook_secret: SecretStr | None = Field(None, description="the HMAC-SHA256 signing key")
    attempts: int = Field(5, ge=1, le=20, description="tries per page before it counts as failed")
    backoff_seconds: float = Field(
        1.0, ge=0, description="wait before the second try; doubled before each next one"
    )

    @model_validator(mode="after")
    def _signed_if_used(self) -> Self:
        if self.webhook_url and not self.webhook_secret:
            raise ValueError("a paging webhook needs a signing secret")
        return self


class EscalationSettings(BaseModel):
    """How fast someone must answer a volunteer, and how the deadlines are watched."""

    urgent_minutes: float = Field(2, gt=0, description="to acknowledge an urgent escalation")
    join_minutes: float = Field(5, gt=0, description="to acknowledge a request to join a chat")
    advice_minutes: float = Field(10, gt=0, description="to acknowledge a request for advice")
    consult_minutes: float = Field(10, gt=0, description="to acknowledge a consultation")
    worker: bool = Field(True, description="run the deadline worker in this instance")
    worker_poll_seconds: float = Field(
        1.0, gt=0, description="how often the worker looks for deadlines that passed"
    )
    public_url: str = Field(
        "http://127.0.0.1:8000",
        description="where paging links point (the service as staff reach it)",
    )
    read_audit_seconds: float = Field(
        60, ge=0, description="reads of one chat by one person this close together are one entry"
    )


class ChatSettings(BaseModel):
    """1:1 chats with peer volunteers."""

    crisis_line_nl: str = Field(
        "Denk je aan zelfmoord, of maak je je zorgen om iemand? Praat met 113 "
        "Zelfmoordpreventie: chat via 113.nl, bel 113 of gratis 0800-0113, dag en nacht.",
        min_length=1,
        max_length=500,
        description="shown whenever chat is closed or a request is refused (Dutch)",
    )
    crisis_line_en: str = Field(
        "Thinking about suicide, or worried about someone? Talk to 113 Suicide Prevention: "
        "chat at 113.nl, call 113 or 0800-0113 for free, day and night.",
        min_length=1,
        max_length=500,
        description="the same, in English",
    )

    priority_head_start_minutes: int = Field(
        10,
        ge=0,
        description="a request with a risk signal queues as if it came this much earlier; a "
        "request that waited longer goes before later ones with a signal (ageing)",
    )
    estimate_window_minutes: int = Field(
        60, ge=5, description="the wait estimate follows the chats taken in this last stretch"
    )

    def crisis_line(self, language: str) -> str:
        return self.crisis_line_en if language == "en" else self.crisis_line_nl


class ModerationSettings(BaseModel):
    """The free space: flags, flood protection, staff visits."""

    flag_threshold: float = Field(
        3.0,
        gt=0,
        le=100,
        description="a message whose flags weigh this much is hidden until a moderator looks; "
        "a room's moderators may set their own",
    )
    room_messages_per_minute: int = Field(
        30, ge=1, description="messages one person sends in one room per minute"
    )
    link_wait_hours: float = Field(
        24, ge=0, description="new accounts post no links in community rooms for this long"
    )
    visit_max_hours: int = Field(
        12, ge=1, le=168, description="the longest a staff visit to a community room may last"
    )
    mute_max_days: int = Field(30, ge=1, le=365, description="the longest mute")
    sweep_seconds: float = Field(30, gt=0, description="how often ended staff visits are closed")


class PrivacySettings(BaseModel):
    """How long the service keeps what (README: "What we keep, and for how long")."""

    chat_days: int = Field(
        90, ge=1, description="1:1 chats, staff threads and care tasks: days after they end"
    )
    removed_days: int = Field(
        30, ge=1, description="the text of a message moderators removed, for an appeal"
    )
    audit_days: int = Field(
        730, ge=30, description="audit and consent records (reads, access, consents, the log)"
    )
    notice_days: int = Field(90, ge=1, description="private notices")
    sync_horizon_days: int = Field(
        30,
        ge=1,
        description="tombstones and outbox receipts: a device away longer starts a fresh sync",
    )
    sweep_seconds: float = Field(600, gt=0, description="how often the retention sweep runs")
    sweep_batch: int = Field(500, ge=1, le=10_000, description="rows per kind per sweep step")
    exports_per_hour: int = Field(6, ge=1, description="data exports per account per hour")


class LogFormat(StrEnum):
    auto = "auto"  # json in production, text elsewhere
    json = "json"
    text = "text"


class LogSettings(BaseModel):
    format: LogFormat = Field(
        LogFormat.auto, description="json: one object per line; text: for people"
    )
    level: str = Field("INFO", pattern="^(DEBUG|INFO|WARNING|ERROR)$")


class MetricsSettings(BaseModel):
    token: SecretStr | None = Field(
        None, description="the bearer token Prometheus sends to /metrics; unset: /metrics is 404"
    )


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="RUIMTE_", env_nested_delimiter="__", extra="ignore"
    )

    environment: Environment = Environment.development
    data_dir: Path = Path("data")
    default_language: str = Field("nl", pattern="^(nl|en)$")
    server: ServerSettings = ServerSettings()
    database: DatabaseSettings = DatabaseSettings()
    security: SecuritySettings = SecuritySettings()
    http: HttpSettings = HttpSettings()
    sync: SyncSettings = SyncSettings()
    realtime: RealtimeSettings = RealtimeSettings()
    shifts: ShiftSettings = ShiftSettings()
    paging: PagingSettings = PagingSettings()
    chat: ChatSettings = ChatSettings()
    escalation: EscalationSettings = EscalationSettings()
    moderation: ModerationSettings = ModerationSettings()
    privacy: PrivacySettings = PrivacySettings()
    log: LogSettings = LogSettings()
    metrics: MetricsSettings = MetricsSettings()

    @model_validator(mode="after")
    def _refuse_placeholders_in_production(self) -> Self:
        if self.environment is Environment.production:
            secret = self.security.secret_key.get_secret_value()
            if secret == PLACEHOLDER_SECRET or len(secret) < 32:
                raise ValueError(
                    "RUIMTE_SECURITY__SECRET_KEY must be set to a random value of at least "
                    "32 characters in production"
                )
            token = self.metrics.token
            if token is not None and len(token.get_secret_value()) < 32:
                raise ValueError("RUIMTE_METRICS__TOKEN must be at least 32 characters")
        return self

    @property
    def log_format(self) -> LogFormat:
        if self.log.format is not LogFormat.auto:
            return self.log.format
        return LogFormat.json if self.environment is Environment.production else LogFormat.text

    @property
    def database_url(self) -> str:
        if self.database.url:
            return self.database.url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'ruimte.sqlite3').resolve()}"


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
