/**
 * Console roles. `admin` may do everything; `grid_worker` sees their own grid's reports;
 * `hub_staff` works on the gig-work hub's jobs.
 */

/** The roles a staff account can have. */
export const STAFF_ROLES = ['admin', 'grid_worker', 'hub_staff'] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];

/** True when `value` names a staff role. */
export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

/**
 * May an account with `role` use something open to `allowed`? `admin` may use everything.
 *
 * ```ts
 * roleAllows('hub_staff', ['admin']); // false
 * roleAllows('admin', ['hub_staff']); // true
 * ```
 */
export function roleAllows(role: StaffRole, allowed: readonly StaffRole[] | 'any'): boolean {
  return role === 'admin' || allowed === 'any' || allowed.includes(role);
}
