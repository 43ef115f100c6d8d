/**
 * One render error never empties the page: each area of the workbench is wrapped, and what failed
 * is shown in its place with the error's message and a way to try again. The workspace (store and
 * autosave) is not touched by a render error, so nothing is lost.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** The area in words ("the run graph"). */
  area: string;
  children: ReactNode;
}

interface State {
  error: string | null;
}

function messageOf(error: unknown): string {
  try {
    const text = error instanceof Error ? error.message : String(error);
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return 'an error that cannot be read';
  }
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: messageOf(error) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`hookscope: ${this.props.area} failed to render`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="error-boundary" role="alert" data-testid="error-boundary">
        <p>
          <strong>{this.props.area[0]?.toUpperCase() + this.props.area.slice(1)} could not be shown</strong>: {this.state.error}
        </p>
        <p>Your workspace, world and history are unchanged.</p>
        <button type="button" className="btn" onClick={() => this.setState({ error: null })} data-testid="error-boundary-retry">
          Try again
        </button>
      </div>
    );
  }
}
