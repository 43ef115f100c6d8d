/** Watches an app folder (recursively, ignoring node_modules and dot folders) and debounces changes. */
import { watch, type FSWatcher } from 'node:fs';

export function watchFolder(dir: string, onChange: (paths: string[]) => void, debounceMs = 120): () => void {
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let watcher: FSWatcher;
  const flush = () => {
    timer = null;
    const paths = [...pending];
    pending.clear();
    onChange(paths);
  };
  watcher = watch(dir, { recursive: true }, (_event, name) => {
    const path = String(name ?? '').replace(/\\/g, '/');
    if (path.split('/').some((part) => part === 'node_modules' || part.startsWith('.'))) return;
    pending.add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  });
  return () => {
    if (timer) clearTimeout(timer);
    watcher.close();
  };
}
