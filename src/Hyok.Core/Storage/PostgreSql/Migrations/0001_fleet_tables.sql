-- Migration 1: the tables a fleet of Hyok instances shares (issue 8). Modelled on the SQLite schema
-- (HyokSchema.cs, migrations 1-4): same tables, columns, checks and sealing. Times are Unix milliseconds
-- (bigint) as in SQLite. Every secret column holds the sealed blob Hyok writes to SQLite, byte for byte
-- (AES-GCM under the master key, SealContexts.cs): never a plaintext key or secret.

-- Database-wide values: 'check' (sealed master key check), 'instance_id', 'created_at'.
CREATE TABLE meta (
    name text NOT NULL PRIMARY KEY,
    value bytea NOT NULL);

-- Software keys; their material lives in key_versions.
CREATE TABLE keys (
    id text NOT NULL PRIMARY KEY,
    key_store text NOT NULL,
    usage text NOT NULL CHECK (usage IN ('encrypt', 'decrypt', 'encrypt-decrypt', 'none')),
    state text NOT NULL CHECK (state IN ('enabled', 'disabled')),
    created_at bigint NOT NULL,
    rotate_every bigint);
CREATE INDEX keys_by_key_store ON keys (key_store);

-- Key versions (decision 0010); material is sealed, and null once destroyed.
CREATE TABLE key_versions (
    key_id text NOT NULL REFERENCES keys (id),
    version integer NOT NULL CHECK (version >= 1),
    created_at bigint NOT NULL,
    material bytea,
    retired_at bigint,
    PRIMARY KEY (key_id, version));

-- SigV4 credentials; the secret access key is sealed.
CREATE TABLE credentials (
    access_key_id text NOT NULL PRIMARY KEY,
    key_store text NOT NULL,
    secret bytea NOT NULL,
    created_at bigint NOT NULL);
CREATE INDEX credentials_by_key_store ON credentials (key_store);

-- Records of keys held on a PKCS#11 token (the key itself never leaves the token).
CREATE TABLE hardware_keys (
    id text NOT NULL PRIMARY KEY,
    key_store text NOT NULL,
    state text NOT NULL CHECK (state IN ('enabled', 'disabled')),
    created_at bigint NOT NULL,
    seal bytea NOT NULL,
    rotate_every bigint);
CREATE INDEX hardware_keys_by_key_store ON hardware_keys (key_store);

CREATE TABLE hardware_key_versions (
    key_id text NOT NULL REFERENCES hardware_keys (id),
    version integer NOT NULL CHECK (version >= 1),
    created_at bigint NOT NULL,
    retired_at bigint,
    PRIMARY KEY (key_id, version));

-- Kill switches (docs/kill-switches.md).
CREATE TABLE blocks (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('key', 'key-store', 'principal', 'service')),
    value text NOT NULL,
    created_at bigint NOT NULL,
    until bigint,
    reason text,
    UNIQUE (kind, value));

-- Secondary authorization policies (docs/policy.md): one current version per key store, every version kept.
CREATE TABLE policies (
    key_store text NOT NULL PRIMARY KEY,
    current_version integer NOT NULL CHECK (current_version >= 1),
    updated_at bigint NOT NULL);

CREATE TABLE policy_versions (
    key_store text NOT NULL,
    version integer NOT NULL CHECK (version >= 1),
    document text NOT NULL,
    sha256 text NOT NULL,
    created_at bigint NOT NULL,
    PRIMARY KEY (key_store, version));

-- The fleet's instances: what each one is and when it last said it was alive.
CREATE TABLE instances (
    id text NOT NULL PRIMARY KEY,
    version text NOT NULL,
    started_at bigint NOT NULL,
    heartbeat_at bigint NOT NULL,
    load double precision NOT NULL DEFAULT 0);

-- The audit trail (docs/audit.md): one hash chain per instance; line is the exact JSON line, seq and prev inside it.
CREATE TABLE audit_records (
    instance_id text NOT NULL,
    seq bigint NOT NULL CHECK (seq >= 1),
    prev text NOT NULL,
    line text NOT NULL,
    PRIMARY KEY (instance_id, seq));
