/**
 * Which files of an app folder belong to the app, as `rc-apps package` decides
 * (`@rocket.chat/apps-compiler` `AppPackager`): its default ignore list plus the `ignoredFiles`
 * of `.rcappsconfig` (a pattern without a leading `**\/` or `/` matches at any depth).
 * The compiler also reads every `.ts` file outside `node_modules`/`.git` and leaves out dot files.
 */
import picomatch from 'picomatch';
import { AppLoadError } from './loaded-app.ts';

/** Packaging defaults of the apps compiler (not applied to `.ts` sources: they are compiled). */
const DEFAULT_IGNORED = ['**/README.md', '**/tslint.json', '**/*.js.map', '**/*.d.ts', '**/*.spec.ts', '**/*.test.ts', '**/dist/**'];

export function parseRcAppsConfig(text: string | undefined): string[] {
  if (text === undefined) return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new AppLoadError(`.rcappsconfig is not valid JSON: ${(e as Error).message}`, '.rcappsconfig');
  }
  const ignored = (json as { ignoredFiles?: unknown } | null)?.ignoredFiles;
  if (ignored === undefined) return [];
  if (!Array.isArray(ignored) || !ignored.every((p) => typeof p === 'string'))
    throw new AppLoadError('.rcappsconfig: "ignoredFiles" must be an array of glob patterns', '.rcappsconfig');
  return ignored;
}

/** A predicate over paths relative to the app folder (posix separators). */
export function ignoredMatcher(ignoredFiles: string[]): (path: string) => boolean {
  const custom = ignoredFiles.map((p) => (p.startsWith('**/') ? p : p.startsWith('/') ? p.slice(1) : `**/${p}`));
  const isMatch = picomatch([...DEFAULT_IGNORED, ...custom], { dot: true });
  return (path) => {
    if (path.split('/').some((seg) => seg.startsWith('.') || seg === 'node_modules')) return true;
    return isMatch(path);
  };
}
