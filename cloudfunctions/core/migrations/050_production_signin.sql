-- Self-hosted production (issue 22): the shared WeChat access token, people's identities,
-- server-side sessions, web authorisation states, one-time staff sign-in codes and the audit archive.

-- One basic access_token per appid for every host process; refreshed under this row's lock.
CREATE TABLE wechat_tokens (
  appid text PRIMARY KEY,
  access_token text,
  expires_at timestamptz NOT NULL DEFAULT '-infinity',
  refreshed_at timestamptz
);

-- A person's openids (mini-program, 服务号 web) and unionid; users.openid stays the account's key.
CREATE TABLE user_identities (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id),
  provider text NOT NULL CHECK (provider IN ('weapp', 'web')),
  openid text NOT NULL,
  unionid text,
  linked_by text NOT NULL CHECK (linked_by IN ('migrated', 'signin', 'unionid', 'code')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (provider, openid)
);
CREATE INDEX user_identities_user ON user_identities (user_id);
CREATE INDEX user_identities_unionid ON user_identities (unionid) WHERE unionid IS NOT NULL;

-- Every account there is came from the mini-program (WeChat's OPENID): each keeps its openid as its identity.
INSERT INTO user_identities (user_id, provider, openid, linked_by)
SELECT id, 'weapp', openid, 'migrated' FROM users WHERE merged_into IS NULL AND openid NOT LIKE 'merged:%';

-- Sessions by the SHA-256 of their token (the token itself is never stored).
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id),
  client text NOT NULL CHECK (client IN ('weapp', 'web')),
  staff boolean NOT NULL,
  created_at timestamptz NOT NULL,
  seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  idle_seconds integer CHECK (idle_seconds > 0)
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- A web authorisation in progress: its state, bound to the browser's pre-login cookie, used once.
CREATE TABLE oauth_states (
  state_hash text PRIMARY KEY,
  browser_hash text NOT NULL,
  scope text NOT NULL CHECK (scope IN ('snsapi_base', 'snsapi_userinfo')),
  return_path text NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX oauth_states_expiry ON oauth_states (expires_at);

-- One-time codes a signed-in mini-program user shows to sign a browser in (staff at a desktop).
CREATE TABLE signin_codes (
  code_hash text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX signin_codes_expiry ON signin_codes (expires_at);

-- The audit log's rows past the retention period (等保 2.0: at least 6 months online), moved here whole.
CREATE TABLE audit_archive (
  id bigint PRIMARY KEY,
  actor_user_id bigint,
  fn text NOT NULL,
  action text NOT NULL,
  target text NOT NULL,
  detail jsonb NOT NULL,
  at timestamptz NOT NULL,
  archived_at timestamptz NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
