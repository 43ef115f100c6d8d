/**
 * After opening an example: the actions to try, each with the outcome the example promises. The
 * frame (title, explanation, close) is here; the steps (`ExampleSteps.tsx`) read the example's
 * scenario with the schema (zod), so they load with the first example opened, not with the page.
 */
import { lazy, Suspense } from 'react';
import { exampleById } from '../../examples/index.ts';
import { useStore } from '../../state/store.ts';

const loadSteps = () => import('./ExampleSteps.tsx');
const LazySteps = lazy(async () => ({ default: (await loadSteps()).ExampleSteps }));

/** Starts loading the steps (and the schema) before the guide shows (opening an example). */
export function preloadExampleGuide(): Promise<unknown> {
  return loadSteps();
}

export function ExampleGuide() {
  const id = useStore((s) => s.activeExampleId);
  const example = id ? exampleById(id) : undefined;
  if (!example) return null;
  return (
    <div className="example-guide" role="region" aria-label="Example guide" data-testid="example-guide">
      <strong>{example.title}:</strong> <span className="small">{example.explanation}</span>
      <Suspense fallback={null}>
        <LazySteps example={example} />
      </Suspense>
      <button type="button" className="btn btn-ghost btn-small" aria-label="Close the example guide" onClick={() => useStore.getState().setActiveExample(null)}>
        ✕
      </button>
    </div>
  );
}
