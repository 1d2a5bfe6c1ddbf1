"""Keys for a local install, kept in the data folder so a demo works with no set-up.

Production passes every key through the environment instead (see config/settings/production.py).
"""

import base64
import json
import os
import secrets
from pathlib import Path

KEYS_FILE = "keys.json"


def _generate() -> dict[str, object]:
    return {
        "secret_key": secrets.token_urlsafe(50),
        "field_keys": [base64.urlsafe_b64encode(os.urandom(32)).decode()],
        "blind_index_key": secrets.token_urlsafe(32),
    }


def _load_or_create(folder: Path) -> dict[str, object]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / KEYS_FILE
    if path.exists():
        return json.loads(path.read_text())
    keys = _generate()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(keys, handle)
    return keys


def resolve(
    folder: Path, secret_key: str, field_keys: list[str], blind_index_key: str
) -> tuple[str, list[str], str]:
    """Keys from the environment win; anything missing comes from the data folder."""
    if secret_key.startswith("insecure-local-key") or not field_keys or not blind_index_key:
        stored = _load_or_create(folder)
        if secret_key.startswith("insecure-local-key"):
            secret_key = str(stored["secret_key"])
        field_keys = field_keys or list(stored["field_keys"])  # type: ignore[arg-type]
        blind_index_key = blind_index_key or str(stored["blind_index_key"])
    return secret_key, field_keys, blind_index_key
