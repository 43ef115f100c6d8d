/** One shared, lazy load of the Monaco bundle (a separate chunk). */
export type MonacoBundle = typeof import('./monaco-setup.ts');

let loading: Promise<MonacoBundle> | null = null;

export function loadMonaco(): Promise<MonacoBundle> {
  loading ??= import('./monaco-setup.ts').catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}
