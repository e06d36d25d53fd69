"""Fill in deploy/nginx/ruimte.conf.template from the environment, as the nginx image does.

    RUIMTE_NGINX_LISTEN=80 RUIMTE_NGINX_UPSTREAMS="server 127.0.0.1:8001; ..." \
        python3 deploy/nginx/render.py > /etc/nginx/conf.d/ruimte.conf

Only ``${RUIMTE_NGINX_*}`` is replaced, like the image's envsubst with
``NGINX_ENVSUBST_FILTER=^RUIMTE_NGINX_`` (compose), so nginx's own ``$variables`` stay. A name
left unset is an error here rather than a broken line in nginx's configuration. Standard library
only: it runs wherever nginx and python3 do.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

TEMPLATE = Path(__file__).with_name("ruimte.conf.template")
PLACEHOLDER = re.compile(r"\$\{(RUIMTE_NGINX_[A-Z_]+)\}")
DEFAULTS = {  # the app's own default (RUIMTE_HTTP__MAX_BODY_BYTES), and production's choice
    "RUIMTE_NGINX_MAX_BODY_BYTES": "2097152",
    "RUIMTE_NGINX_SHOW_UPSTREAM": "no",
}


def placeholders(template: str) -> set[str]:
    return set(PLACEHOLDER.findall(template))


def render(template: str, values: Mapping[str, str]) -> str:
    missing = sorted(placeholders(template) - {*values, *DEFAULTS})
    if missing:
        raise KeyError(f"set {', '.join(missing)}")
    merged = {**DEFAULTS, **values}
    return PLACEHOLDER.sub(lambda match: merged[match[1]], template)


def main() -> int:
    try:
        sys.stdout.write(render(TEMPLATE.read_text(), os.environ))
    except KeyError as missing:
        print(f"render.py: {missing.args[0]}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
