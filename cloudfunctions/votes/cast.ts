/** Casting votes: one statement takes a batch of casts (group commit, at most one per person). */
import { groupCommit } from '../core/group-commit'

export interface CastRequest {
  topicId: number
  userId: number
  at: Date
  /** The caller's eligibility (other than "anyone") was already checked. */
  verified: boolean
}

/** What the database saw for one cast: the topic and its ballot, my votes before it, and whether it landed. */
export interface CastRow {
  state: string | null
  cycle_id: number | null
  status: string | null
  vote_start: Date
  vote_end: Date
  votes_per_person: number
  eligibility: string
  used: number
  here: boolean
  cast: boolean
}

/**
 * Each cast: its topic and ballot, its person's votes on that ballot, and the insert into the lowest
 * free slot of K when everything allows it. A batch holds at most one cast per person, so the slots
 * it picks never collide inside it; the unique keys (topic, person) and (ballot, person, slot) hold
 * the limits against every other statement, and the facts read with it say why nothing landed.
 */
const castSql = `
  WITH input AS (
    SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::timestamptz[], $4::boolean[]) WITH ORDINALITY AS i (topic_id, user_id, at, verified, n)
  ), target AS (
    SELECT i.*, t.state, c.id AS cycle_id, c.status, c.vote_start, c.vote_end, c.votes_per_person, c.settings->>'eligibility' AS eligibility
    FROM input i LEFT JOIN topics t ON t.id = i.topic_id LEFT JOIN cycles c ON c.id = t.ballot_cycle_id
  ), mine AS (
    SELECT target.n, count(v.id)::int AS used, coalesce(bool_or(v.topic_id = target.topic_id), false) AS here,
      coalesce(array_agg(v.slot) FILTER (WHERE v.slot IS NOT NULL), '{}') AS slots
    FROM target LEFT JOIN votes v ON v.cycle_id = target.cycle_id AND v.user_id = target.user_id GROUP BY target.n
  ), cast_vote AS (
    INSERT INTO votes (cycle_id, topic_id, user_id, slot, at)
    SELECT target.cycle_id, target.topic_id, target.user_id,
      (SELECT min(s) FROM generate_series(1, target.votes_per_person) s WHERE s <> ALL (mine.slots)), target.at
    FROM target JOIN mine USING (n)
    WHERE target.state = 'on_ballot' AND target.status = 'voting' AND target.at >= target.vote_start AND target.at < target.vote_end
      AND (target.eligibility = 'anyone' OR target.verified) AND mine.used < target.votes_per_person AND NOT mine.here
    ON CONFLICT DO NOTHING RETURNING user_id
  )
  SELECT target.state, target.cycle_id, target.status, target.vote_start, target.vote_end, target.votes_per_person, target.eligibility,
    mine.used, mine.here, EXISTS (SELECT 1 FROM cast_vote WHERE cast_vote.user_id = target.user_id) AS cast
  FROM target JOIN mine USING (n) ORDER BY target.n`

/** Casts one vote, in the next statement with whatever other casts are waiting. */
export const castVote = groupCommit<CastRequest, CastRow>(
  async (db, batch) =>
    await db.query<CastRow>(castSql, [
      batch.map((cast) => cast.topicId),
      batch.map((cast) => cast.userId),
      batch.map((cast) => cast.at),
      batch.map((cast) => cast.verified),
    ]),
  (cast) => cast.userId,
)
