/**
 * One render error never empties the page: each area of the workbench (apps, editor, actions,
 * world, history, graph, console, inspector...) has its own boundary, so one fails alone. What
 * failed is shown in its place with the error's message and a Try again button that renders that
 * area afresh. The workspace (store and autosave) is not touched by a render error, so nothing
 * is lost.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Short id of the area (`graph`, `console`...): `data-area` of the message. */
  id: string;
  /** The area in words ("the run graph"). */
  area: string;
  /** A change of this value renders the area afresh (another run selected, another node). */
  resetKey?: unknown;
  /** Called by Try again before the area renders afresh (e.g. to drop a selection that broke it). */
  onReset?: () => void;
  children: ReactNode;
}

interface State {
  error: string | null;
  /** The resetKey the error (if any) belongs to. */
  key: unknown;
}

function messageOf(error: unknown): string {
  try {
    const text = error instanceof Error ? error.message : String(error);
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return 'an error that cannot be read';
  }
}

/**
 * The e2e suite's way to make one area's render fail (e2e/error-boundary.spec.ts): honoured only
 * when the page's own sessionStorage holds `hookscope.e2e.break` = the area's id. Links and files
 * cannot write that (they are data), and app code runs in an opaque-origin sandbox without this
 * page's storage, so no stranger can set it. Read once at start: without the key nothing is read
 * again.
 */
const BREAK_KEY = 'hookscope.e2e.break';
const breakHookOn = ((): boolean => {
  try {
    return typeof sessionStorage !== 'undefined' && sessionStorage.getItem(BREAK_KEY) !== null;
  } catch {
    return false;
  }
})();

function BreakHook({ id }: { id: string }): null {
  if (breakHookOn && sessionStorage.getItem(BREAK_KEY) === id) throw new Error(`${id} broken on purpose by the e2e suite (sessionStorage ${BREAK_KEY})`);
  return null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: messageOf(error) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return Object.is(props.resetKey, state.key) ? null : { error: null, key: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`hookscope: ${this.props.area} failed to render`, error, info.componentStack);
  }

  private readonly retry = (): void => {
    this.props.onReset?.();
    this.setState({ error: null });
  };

  override render(): ReactNode {
    if (this.state.error === null) {
      return (
        <>
          {breakHookOn && <BreakHook id={this.props.id} />}
          {this.props.children}
        </>
      );
    }
    const title = this.props.area[0]?.toUpperCase() + this.props.area.slice(1);
    return (
      <div className="error-boundary" role="alert" data-testid="error-boundary" data-area={this.props.id}>
        <p>
          <strong data-testid="error-boundary-title">{title} could not be shown</strong>: <span data-testid="error-boundary-message">{this.state.error}</span>
        </p>
        <p>The rest of the page works, and your workspace, world and history are unchanged.</p>
        <button type="button" className="btn" onClick={this.retry} data-testid="error-boundary-retry" aria-label={`Try again: show ${this.props.area} afresh`}>
          Try again
        </button>
      </div>
    );
  }
}
