-- The printed personal card (issue 21) of a resident checked in at the desk: its QR carries the
-- card's id and an HMAC of it (checkin/public.ts); a card is revoked (lost, reissued) by stamping
-- it, and a revoked card is refused. A person has at most one card in force.
CREATE TABLE assisted_cards (
  id bigserial PRIMARY KEY,
  person_id bigint NOT NULL REFERENCES assisted_people (id),
  issued_by bigint NOT NULL REFERENCES users (id),
  issued_at timestamptz NOT NULL,
  revoked_by bigint REFERENCES users (id),
  revoked_at timestamptz
);
CREATE UNIQUE INDEX assisted_cards_in_force ON assisted_cards (person_id) WHERE revoked_at IS NULL;
CREATE INDEX assisted_checkins_staff ON assisted_checkins (site_id, assisted_by, day);
CREATE INDEX assisted_people_user ON assisted_people (user_id) WHERE user_id IS NOT NULL;
