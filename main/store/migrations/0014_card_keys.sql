-- The chamber's card-signing public keys, as the registry publishes them (GET /v1/card-keys):
-- "Vérifier une carte" accepts a card signed by any kiosk of the chamber, and refuses one
-- whose key the chamber has revoked. Replaced whole at each sync; public data only.
CREATE TABLE card_keys (
  kid TEXT PRIMARY KEY,
  -- Ed25519 public key, raw 32 bytes, base64url.
  public_key TEXT NOT NULL,
  not_before TEXT NOT NULL,
  revoked_at TEXT
) STRICT, WITHOUT ROWID;
