-- A member profile may name the member record it is for (a member who changed WeChat accounts, or a
-- member whose record staff keep before they bind): binding it moves the caller's WeChat identity onto
-- that record, so the member keeps their history and appears once. The account the caller had until
-- then is retired, pointing at the record it joined.
ALTER TABLE profiles ADD COLUMN member_user_id bigint REFERENCES users (id);
ALTER TABLE users ADD COLUMN merged_into bigint REFERENCES users (id);
