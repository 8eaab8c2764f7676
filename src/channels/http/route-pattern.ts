/**
 * Route paths with `:params` (`/api/users/:userId/inbox`) turned into a matcher. Shared by the
 * bot's HTTP server and the admin console's.
 */

/** A compiled path: its pattern and the names of its parameters, in order. */
export interface PathPattern {
  pattern: RegExp;
  names: string[];
}

/**
 * Compile a route path.
 *
 * ```ts
 * const { pattern, names } = compilePath('/api/users/:userId/inbox');
 * pattern.exec('/api/users/u1/inbox')?.[1]; // 'u1' (names[0] is 'userId')
 * ```
 */
export function compilePath(path: string): PathPattern {
  const names: string[] = [];
  const source = path
    .split('/')
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), names };
}
