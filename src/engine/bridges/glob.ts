/**
 * URL globs for HTTP mocks: `*` matches any run of characters (including `/`, `?`, none at all);
 * every other character, `?` and `.` included, matches itself. The whole URL must match.
 */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 's');
}

export function globMatches(glob: string, text: string): boolean {
  return globToRegExp(glob).test(text);
}
