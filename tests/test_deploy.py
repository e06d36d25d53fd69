"""The reference deployment in deploy/ holds together without a container runtime.

Docker cannot run here, so these checks read the files: the compose topology (PostgreSQL with a
volume, a one-shot migration first, two instances, nginx in front), one nginx template shared by
compose, systemd and the loopback script, no secret baked in, and an nginx that keeps the
service's promises (no client address in its log, /metrics closed, the app's error shape and
body limit). The loopback smoke test (`.ci/run`) runs the same template for real.
"""

from __future__ import annotations

import configparser
import importlib.util
import json
import re
import shutil
import subprocess
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from app import errors
from app.config import HttpSettings

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def _render_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render", DEPLOY / "nginx" / "render.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


render = _render_module()
TEMPLATE = render.TEMPLATE.read_text()
COMPOSE: dict[str, Any] = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
SERVICES: dict[str, Any] = COMPOSE["services"]
APPS = sorted(
    name
    for name, service in SERVICES.items()
    if service.get("image") == SERVICES["migrate"]["image"] and "command" not in service
)
DEFAULT_BODY_LIMIT = HttpSettings.model_fields["max_body_bytes"].default


def loopback_values(tmp_path: Path) -> dict[str, str]:
    return {
        "RUIMTE_NGINX_LISTEN": "127.0.0.1:8080",
        "RUIMTE_NGINX_UPSTREAMS": "server 127.0.0.1:8001; server 127.0.0.1:8002;",
        "RUIMTE_NGINX_ACCESS_LOG": str(tmp_path / "access.log"),
        "RUIMTE_NGINX_ERROR_LOG": str(tmp_path / "error.log"),
    }


def _depends(service: str) -> dict[str, str]:
    return {name: rule["condition"] for name, rule in SERVICES[service]["depends_on"].items()}


# --- compose ---------------------------------------------------------------------------------


def test_compose_runs_postgresql_then_the_migration_then_two_instances_then_nginx() -> None:
    db = SERVICES["db"]
    assert db["image"] == "postgres:15"
    assert "pgdata:/var/lib/postgresql/data" in db["volumes"]
    assert "pgdata" in COMPOSE["volumes"]
    assert "healthcheck" in db

    migrate = SERVICES["migrate"]
    assert migrate["command"] == ["migrate"]
    assert migrate["restart"] == "no"
    assert _depends("migrate") == {"db": "service_healthy"}

    assert APPS == ["app1", "app2"]
    for name in APPS:
        assert _depends(name) == {"migrate": "service_completed_successfully"}
        assert SERVICES[name]["build"] == {"context": "..", "dockerfile": "deploy/Dockerfile"}
        assert "@db:5432/ruimte" in SERVICES[name]["environment"]["RUIMTE_DATABASE__URL"]
        assert "ports" not in SERVICES[name]  # only nginx is public
    assert _depends("nginx") == dict.fromkeys(APPS, "service_healthy")
    assert [port.split(":")[-1] for port in SERVICES["nginx"]["ports"]] == ["80"]


def test_compose_bakes_in_no_secret() -> None:
    for name, service in SERVICES.items():
        environment = service.get("environment", {})
        for variable, value in environment.items():
            if "PASSWORD" in variable or "SECRET" in variable:
                assert str(value).startswith("${"), (name, variable)
        assert "RUIMTE_SECURITY__SECRET_KEY" not in environment, name
    for name in [*APPS, "migrate"]:
        assert SERVICES[name]["env_file"] == "ruimte.env"
        # the password comes from deploy/.env, and compose refuses to start without one
        assert "${POSTGRES_PASSWORD:?" in SERVICES[name]["environment"]["RUIMTE_DATABASE__URL"]
    assert {"ruimte.env", ".env"} <= set((DEPLOY / ".gitignore").read_text().split())
    for example in ("ruimte.env.example", "compose.env.example"):
        for line in (DEPLOY / example).read_text().splitlines():
            if re.match(r"^[A-Z_]*(SECRET|PASSWORD)[A-Z_]*=", line):
                assert line.endswith("="), line  # an empty slot, never a usable value


def test_compose_nginx_fills_in_the_one_template_exactly() -> None:
    nginx = SERVICES["nginx"]
    mounted = {volume.split(":")[0]: volume.split(":")[1] for volume in nginx["volumes"]}
    assert (DEPLOY / "./nginx/ruimte.conf.template").resolve() == render.TEMPLATE
    assert mounted["./nginx/ruimte.conf.template"] == "/etc/nginx/templates/default.conf.template"
    environment = nginx["environment"]
    assert environment["NGINX_ENVSUBST_FILTER"] == "^RUIMTE_NGINX_"
    given = {name for name in environment if name.startswith("RUIMTE_NGINX_")}
    assert given == render.placeholders(TEMPLATE)  # nothing left unfilled, nothing unused
    assert environment["RUIMTE_NGINX_UPSTREAMS"] == " ".join(f"server {a}:8000;" for a in APPS)
    assert int(environment["RUIMTE_NGINX_MAX_BODY_BYTES"]) == DEFAULT_BODY_LIMIT
    assert environment["RUIMTE_NGINX_SHOW_UPSTREAM"] == "no"


def test_the_loopback_script_and_the_operator_render_the_same_template() -> None:
    script = (DEPLOY / "loopback.sh").read_text()
    assert '"$ROOT/deploy/nginx/render.py"' in script
    assert render.TEMPLATE == DEPLOY / "nginx" / "ruimte.conf.template"
    assert "render.py" in (DEPLOY / "README.md").read_text()
    assert list((DEPLOY / "nginx").glob("*.conf*")) == [render.TEMPLATE]  # no second copy


# --- the image -------------------------------------------------------------------------------


def test_the_image_runs_the_app_unprivileged_on_every_interface_with_a_health_check() -> None:
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    instructions = [
        line.split(None, 1) for line in dockerfile.splitlines() if line and line[0].isupper()
    ]
    keywords = [keyword for keyword, _ in instructions]
    assert instructions[0] == ["FROM", "python:3.11-slim-bookworm"]
    assert keywords.index("USER") < keywords.index("ENTRYPOINT")
    assert dict(instructions)["USER"] == "ruimte"
    assert "RUIMTE_SERVER__HOST=0.0.0.0" in dockerfile
    assert "/healthz" in dict(instructions)["HEALTHCHECK"] + dockerfile.split("HEALTHCHECK")[1]
    assert json.loads(dict(instructions)["ENTRYPOINT"])[-2:] == ["-m", "app"]
    assert json.loads(dict(instructions)["CMD"]) == ["serve"]
    assert "SECRET" not in dockerfile
    for keyword, arguments in instructions:
        if keyword == "COPY":
            for source in arguments.split()[:-1]:
                assert (ROOT / source).exists(), source


# --- nginx -----------------------------------------------------------------------------------


def test_rendering_fills_every_placeholder_and_leaves_nginx_variables_alone(
    tmp_path: Path,
) -> None:
    rendered = render.render(TEMPLATE, loopback_values(tmp_path))
    assert "${" not in rendered
    assert "server 127.0.0.1:8001; server 127.0.0.1:8002;" in rendered
    assert f"client_max_body_size {DEFAULT_BODY_LIMIT};" in rendered
    for variable in ("$host", "$uri", "$http_upgrade", "$upstream_addr", "$status"):
        assert variable in rendered
    with pytest.raises(KeyError, match="RUIMTE_NGINX_LISTEN"):
        render.render(TEMPLATE, {})


def test_the_access_log_holds_no_client_address_user_agent_or_query() -> None:
    log_format = TEMPLATE.split("log_format ruimte", 1)[1].split(";", 1)[0]
    logged = set(re.findall(r"\$([a-z_0-9]+)", log_format))
    assert logged == {
        "time_iso8601",
        "request_method",
        "uri",  # the path without its query: one-time links carry tokens there
        "status",
        "body_bytes_sent",
        "request_time",
        "upstream_addr",
        "upstream_status",
        "upstream_response_time",
    }
    assert re.search(r"access_log \$\{RUIMTE_NGINX_ACCESS_LOG\} ruimte;", TEMPLATE)
    assert re.search(r"error_log \$\{RUIMTE_NGINX_ERROR_LOG\} crit;", TEMPLATE)


def _location(name: str) -> str:
    return TEMPLATE.split(f"location {name} {{", 1)[1].split("}", 1)[0]


def test_websockets_are_upgraded_unbuffered_and_outlive_the_heartbeat() -> None:
    ws = _location("= /ws")
    assert "proxy_set_header Upgrade $http_upgrade;" in ws
    assert "proxy_set_header Connection $ruimte_connection;" in ws
    assert "proxy_buffering off;" in ws
    assert "proxy_read_timeout 1h;" in ws


def test_metrics_are_not_reachable_through_nginx() -> None:
    assert "return 404" in _location("^~ /metrics")
    assert "proxy_pass" not in _location("^~ /metrics")


def _nginx_body(variable: str, language: str) -> dict[str, Any]:
    rendered = TEMPLATE.replace("${RUIMTE_NGINX_MAX_BODY_BYTES}", str(DEFAULT_BODY_LIMIT))
    mapping = rendered.split(f"map $ruimte_language {variable} {{", 1)[1].split("\n}", 1)[0]
    key = "en" if language == "en" else "default"
    value = re.search(rf"^\s*{key} '(.*)';$", mapping, re.MULTILINE)
    assert value is not None
    body: dict[str, Any] = json.loads(value[1])
    return body


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(
    ("variable", "error"),
    [
        ("$ruimte_not_found", errors.RouteNotFound()),
        ("$ruimte_too_large", errors.BodyTooLarge(limit_bytes=DEFAULT_BODY_LIMIT)),
        ("$ruimte_unavailable", errors.ServiceUnavailable()),
    ],
)
def test_nginx_refuses_in_the_apps_own_words(
    variable: str, error: errors.AppError, language: str
) -> None:
    assert _nginx_body(variable, language) == error.body(language)  # type: ignore[arg-type]


@pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is not installed")
def test_nginx_accepts_the_rendered_configuration(tmp_path: Path) -> None:
    (tmp_path / "ruimte.conf").write_text(render.render(TEMPLATE, loopback_values(tmp_path)))
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log;\n"
        "events {}\n"
        f"http {{ include {tmp_path}/ruimte.conf; }}\n"
    )
    checked = subprocess.run(
        [NGINX, "-t", "-q", "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr


# --- systemd ---------------------------------------------------------------------------------


def _unit(name: str) -> configparser.ConfigParser:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read(DEPLOY / "systemd" / name)
    return unit


def test_instances_start_one_per_port_after_the_one_shot_migration() -> None:
    instance, migrate = _unit("ruimte@.service"), _unit("ruimte-migrate.service")
    assert "ruimte-migrate.service" in instance["Unit"]["Requires"].split()
    assert "ruimte-migrate.service" in instance["Unit"]["After"].split()
    assert instance["Service"]["ExecStart"].endswith("-m app serve --port %i")
    assert migrate["Service"]["Type"] == "oneshot"
    assert migrate["Service"]["ExecStart"].endswith("-m app migrate")


def test_both_units_run_hardened_with_secrets_from_an_environment_file() -> None:
    shared = _unit("ruimte.conf")["Service"]
    assert shared["EnvironmentFile"] == "/etc/ruimte/ruimte.env"
    assert shared["User"] == "ruimte"
    for option, value in {
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "PrivateTmp": "yes",
        "ProtectHome": "yes",
        "CapabilityBoundingSet": "",
    }.items():
        assert shared[option] == value, option
    readme = (DEPLOY / "README.md").read_text()
    for unit in ("ruimte@.service", "ruimte-migrate.service"):
        assert f"/etc/systemd/system/{unit}.d/ruimte.conf" in readme, unit
