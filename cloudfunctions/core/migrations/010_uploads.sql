-- Who uploaded each photo. A record may carry only photos its author uploaded (or claimed first, for
-- WeChat cloud files), so nobody attaches a photo that was never uploaded or that someone else took.
-- Local files are named by their bytes: two people who upload the same bytes both own that name.
CREATE TABLE uploads (
  file_id text NOT NULL,
  owner_id bigint NOT NULL REFERENCES users (id),
  bytes integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (file_id, owner_id)
);
CREATE INDEX uploads_owner ON uploads (owner_id, created_at);
