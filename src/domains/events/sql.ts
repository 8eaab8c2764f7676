/**
 * The sign-up rules that must hold under concurrency, each written as ONE SQL statement.
 *
 * Why not a Prisma interactive transaction: Prisma and the core's raw statements share one
 * connection, and Prisma only serialises transactions against each other — any other query
 * issued while one is open (another resident's turn) runs inside it. A single statement is
 * atomic on its own, and SQLite runs one at a time, so "count the seats, then insert" cannot
 * be interleaved by a second sign-up.
 */

/**
 * Insert a sign-up, confirmed when the party fits and nobody is waiting, waitlisted otherwise.
 * Only for an open event before its deadline. A cancelled sign-up of the same resident is
 * reused (back of the queue); an active one is left alone (no row returned).
 *
 * The driver binds `?` by position only, hence {@link insertSignup} builds the argument list.
 */
const INSERT_SIGNUP = `
INSERT INTO event_signups (event_id, resident_id, party_size, status, check_in_code, created_at)
SELECT e.id, ?, ?,
  CASE WHEN NOT EXISTS (SELECT 1 FROM event_signups w WHERE w.event_id = e.id AND w.status = 'waitlisted')
        AND (SELECT COALESCE(SUM(c.party_size), 0) FROM event_signups c WHERE c.event_id = e.id AND c.status = 'confirmed') + ? <= e.capacity
       THEN 'confirmed' ELSE 'waitlisted' END,
  ?, ?
FROM events e
WHERE e.id = ? AND e.status = 'open' AND e.signup_deadline > ?
ON CONFLICT (event_id, resident_id) DO UPDATE SET
  party_size = excluded.party_size, status = excluded.status, check_in_code = excluded.check_in_code,
  created_at = excluded.created_at, promoted_at = NULL, promotion_notice_at = NULL, cancelled_at = NULL,
  checked_in_at = NULL, reminded_at = NULL
  WHERE event_signups.status = 'cancelled'
RETURNING id, status`;

/**
 * Promote the waitlist of an event, in order, as long as the next party fits (first come,
 * first served: a large party at the head is not skipped for a smaller one behind it).
 * Only while the event is open and has not started.
 *
 */
const PROMOTE_WAITLIST = `
UPDATE event_signups SET status = 'confirmed', promoted_at = ?
WHERE id IN (
  SELECT id FROM (
    SELECT w.id, SUM(w.party_size) OVER (ORDER BY w.created_at, w.id ROWS UNBOUNDED PRECEDING) AS upto
    FROM event_signups w WHERE w.event_id = ? AND w.status = 'waitlisted'
  )
  WHERE upto <= (
    SELECT e.capacity - COALESCE((SELECT SUM(c.party_size) FROM event_signups c WHERE c.event_id = e.id AND c.status = 'confirmed'), 0)
    FROM events e WHERE e.id = ? AND e.status = 'open' AND e.starts_at > ?
  )
)
RETURNING id`;

/** A statement and its positional arguments. */
export type Statement = [sql: string, ...args: Array<string | number>];

/** {@link INSERT_SIGNUP} with its arguments. */
export function insertSignup(eventId: number, residentId: number, partySize: number, code: string, now: number): Statement {
  return [INSERT_SIGNUP, residentId, partySize, partySize, code, now, eventId, now];
}

/** {@link PROMOTE_WAITLIST} with its arguments. */
export function promoteWaitlist(eventId: number, now: number): Statement {
  return [PROMOTE_WAITLIST, now, eventId, eventId, now];
}
