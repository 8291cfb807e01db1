-- Rate limits, one rule written once (core/rate-limit.ts): a key is limited while it has `max`
-- events in the sliding window of `window_s` seconds ending at its time. `rate_limited_keys` asks it
-- for a batch of keys (the rotating-code check-in asks in the same statement that writes the
-- attendance); `rate_take` asks it for one key under a transaction-scoped advisory lock on the key
-- and records the event when the key is not limited, so a burst of concurrent attempts cannot slip
-- past the count. TypeScript's `take` and `limited` call these; nothing else counts rate_events.
CREATE FUNCTION rate_limited_keys(p_keys text[], p_ats timestamptz[], p_max bigint, p_window_s float8) RETURNS SETOF text
  LANGUAGE sql STABLE AS $$
  SELECT k.key FROM unnest(p_keys, p_ats) k (key, at)
  WHERE (SELECT count(*) FROM rate_events e WHERE e.key = k.key AND e.at > k.at - make_interval(secs => p_window_s)) >= p_max
$$;

-- The event's id (to give the slot back), or NULL when the key is limited.
CREATE FUNCTION rate_take(p_key text, p_at timestamptz, p_max bigint, p_window_s float8) RETURNS bigint
  LANGUAGE plpgsql AS $$
  DECLARE
    v_id bigint;
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtext(p_key));
    IF EXISTS (SELECT 1 FROM rate_limited_keys(ARRAY[p_key], ARRAY[p_at], p_max, p_window_s)) THEN
      RETURN NULL;
    END IF;
    INSERT INTO rate_events (key, at) VALUES (p_key, p_at) RETURNING id INTO v_id;
    RETURN v_id;
  END
$$;
