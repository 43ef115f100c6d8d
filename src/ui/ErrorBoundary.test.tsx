/**
 * The boundary's state rules (render errors themselves need a browser: e2e/error-boundary.spec.ts
 * breaks each area of the built page and checks that it fails alone and comes back).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary.tsx';

describe('ErrorBoundary', () => {
  it('renders its area as is while nothing failed', () => {
    expect(
      renderToStaticMarkup(
        <ErrorBoundary id="graph" area="the run graph">
          <p>graph</p>
        </ErrorBoundary>,
      ),
    ).toBe('<p>graph</p>');
  });

  it('keeps a readable, bounded message of what was thrown', () => {
    expect(ErrorBoundary.getDerivedStateFromError(new TypeError('bad node'))).toEqual({ error: 'bad node' });
    expect(ErrorBoundary.getDerivedStateFromError('a string')).toEqual({ error: 'a string' });
    expect(ErrorBoundary.getDerivedStateFromError(new Error('x'.repeat(1000))).error).toHaveLength(301);
    const unreadable = new Proxy(
      {},
      {
        get() {
          throw new Error('no');
        },
        getPrototypeOf() {
          throw new Error('no');
        },
      },
    );
    expect(ErrorBoundary.getDerivedStateFromError(unreadable)).toEqual({ error: 'an error that cannot be read' });
  });

  it('a new resetKey (another run, another node) clears the error; the same key keeps it', () => {
    const props = { id: 'inspector', area: 'the inspector', children: null };
    expect(ErrorBoundary.getDerivedStateFromProps({ ...props, resetKey: 'run-2' }, { error: 'boom', key: 'run-1' })).toEqual({ error: null, key: 'run-2' });
    expect(ErrorBoundary.getDerivedStateFromProps({ ...props, resetKey: 'run-1' }, { error: 'boom', key: 'run-1' })).toBeNull();
  });
});
