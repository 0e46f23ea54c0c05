"""Ed25519 signing keys for certificates, and the list of keys every station trusts.

Where keys live
- A private key is a PEM file (PKCS#8, mode 0600) in the keys folder of the machine that
  signs: `$ORDERDESK_SIGNING_KEY` (a file, how the central server is set up), else
  `<config dir>/keys/<key id>.pem` (config dir: `$ORDERDESK_CONFIG_DIR`, else
  `$XDG_CONFIG_HOME/orderdesk`, else `~/.config/orderdesk`). Private keys never enter the
  database, so they never sync.
- Public keys are trusted through business settings, one row per key:
  `certificates.trusted_key.<key id>` = {public_key, kind, station, added_at, retired_at}.
  Settings are audited and sync like any row, so every station learns every trusted key;
  one row per key means two stations registering keys offline never conflict.

The rule (who signs, who checks)
- The central server signs with its server key (`orderdesk keys init --server`).
- A station issuing while the server is unreachable (or the embedded demo) signs with its
  own station key, made on first use, whose public key it registers as trusted (kind
  "station", audited). The server sees that registration on the next sync; a security
  admin who does not accept it sets `retired_at`, after which certificates signed by the
  key after that time no longer verify.
- Checking a certificate needs only the public keys: a station offline checks the
  signature and its local copy of the revocation state; online, the server's answer on
  revocation overrides (see orderdesk.certificates.verify).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from orderdesk.errors import OrderdeskError

TRUSTED_KEY_PREFIX = "certificates.trusted_key."
KEY_KINDS = ("server", "station")


class SigningKeyMissing(OrderdeskError):
    """No private key to sign with (the file named by ORDERDESK_SIGNING_KEY is absent)."""

    code = "signing_key_missing"


class SigningKeyUnreadable(OrderdeskError):
    code = "signing_key_unreadable"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64url(text: str) -> bytes:
    """Decode base64url with or without padding; raises ValueError on anything else."""
    text = text.strip()
    if not text or any(c not in _B64URL for c in text):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


_B64URL = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def key_id_for(public_raw: bytes) -> str:
    """Short stable id of a public key: 8 characters of base32 of its SHA-256."""
    digest = hashlib.sha256(public_raw).digest()
    return base64.b32encode(digest[:5]).decode("ascii").lower()


def public_raw(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


@dataclass(frozen=True)
class SigningKey:
    """A private key loaded for signing, with its id. Lives in memory only."""

    key_id: str
    private: Ed25519PrivateKey
    path: Path | None = None

    @property
    def public_key_b64(self) -> str:
        return b64url(public_raw(self.private))

    def sign(self, message: bytes) -> bytes:
        return self.private.sign(message)


@dataclass(frozen=True)
class TrustedKey:
    key_id: str
    public_key: str            # base64url of the raw 32-byte key
    kind: str                  # server | station
    station: str | None
    added_at: str
    retired_at: str | None = None
    # A station's key is a proposal until a system admin approves it (issue 13): until
    # then only the station that registered it trusts it.
    approved_by: str | None = None

    def verify(self, signature: bytes, message: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(unb64url(self.public_key)).verify(
                signature, message)
        except (InvalidSignature, ValueError):
            return False
        return True

    def as_json(self) -> dict[str, str | None]:
        out = {"public_key": self.public_key, "kind": self.kind, "station": self.station,
               "added_at": self.added_at, "retired_at": self.retired_at}
        if self.approved_by:
            out["approved_by"] = self.approved_by
        return out

    def trusted_at(self, station: str | None) -> bool:
        """Server keys are trusted everywhere; a station's key at that station, and
        everywhere once a system admin approved it."""
        return self.kind == "server" or bool(self.approved_by) or self.station == station


def config_dir() -> Path:
    explicit = os.environ.get("ORDERDESK_CONFIG_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CONFIG_HOME")
    base = Path(xdg) if xdg else Path.home() / ".config"
    return base / "orderdesk"


def keys_dir() -> Path:
    return config_dir() / "keys"


def generate_key(directory: Path | None = None) -> SigningKey:
    """Make a new Ed25519 key and store it as <key id>.pem (mode 0600) in `directory`."""
    private = Ed25519PrivateKey.generate()
    key_id = key_id_for(public_raw(private))
    folder = directory or keys_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{key_id}.pem"
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    # Create with 0600 from the start: the key is never readable by others, not even briefly.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    return SigningKey(key_id=key_id, private=private, path=path)


def load_key(path: Path) -> SigningKey:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise SigningKeyMissing(path=str(path)) from exc
    try:
        private = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise SigningKeyUnreadable(path=str(path), reason=str(exc)) from exc
    if not isinstance(private, Ed25519PrivateKey):
        raise SigningKeyUnreadable(path=str(path), reason="not an Ed25519 key")
    return SigningKey(key_id=key_id_for(public_raw(private)), private=private, path=path)


def local_keys(directory: Path | None = None) -> list[SigningKey]:
    """Private keys found on this machine (the env key first), unreadable files skipped."""
    found: list[SigningKey] = []
    env = os.environ.get("ORDERDESK_SIGNING_KEY")
    if env:
        found.append(load_key(Path(env)))
    folder = directory or keys_dir()
    if folder.is_dir():
        for path in sorted(folder.glob("*.pem")):
            try:
                key = load_key(path)
            except OrderdeskError:
                continue
            if all(k.key_id != key.key_id for k in found):
                found.append(key)
    return found


def parse_trusted(value: object) -> dict[str, TrustedKey]:
    """The trusted-keys setting as objects; malformed entries are ignored, not trusted."""
    result: dict[str, TrustedKey] = {}
    if not isinstance(value, dict):
        return result
    for key_id, entry in value.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("public_key"), str):
            continue
        try:
            raw = unb64url(entry["public_key"])
        except ValueError:
            continue
        # The id must be the key's own fingerprint: a renamed entry is not trusted.
        if len(raw) != 32 or key_id_for(raw) != key_id:
            continue
        result[key_id] = TrustedKey(
            key_id=key_id, public_key=entry["public_key"],
            kind=entry.get("kind") if entry.get("kind") in KEY_KINDS else "station",
            station=entry.get("station"), added_at=str(entry.get("added_at") or ""),
            retired_at=entry.get("retired_at"),
            approved_by=entry.get("approved_by") if isinstance(entry.get("approved_by"), str)
            else None,
        )
    return result


def trusted_entry(key: SigningKey, kind: str, station: str | None) -> TrustedKey:
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    return TrustedKey(key_id=key.key_id, public_key=key.public_key_b64, kind=kind,
                      station=station, added_at=now)
