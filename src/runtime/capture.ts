/**
 * Log capture: the App's logger (ILogger) and the worker's `console` become `log` messages, each
 * attributed to the call in progress and to the app source line that logged. Bounded: at most
 * {@link CALL_LINE_CAP} lines per call and {@link OUTSIDE_LINE_CAP} outside calls (load, left-over
 * timers); beyond that lines are only counted, and a `dropped` message reports the count once the
 * call ends (or shortly after, for lines logged after it ended).
 */
import type { ILogger } from '@rocket.chat/apps-engine/definition/accessors/ILogger.js';
import type { LogLevel, Preview, RuntimeToHost } from '../protocol/runtime-protocol.ts';
import { previewChars } from '../protocol/call-limits.ts';
import { PROTOCOL_VERSION } from '../protocol/runtime-protocol.ts';
import type { CallContext } from './call-context.ts';
import { toPreview } from './preview.ts';
import { captureStack, firstAppSite } from './stack.ts';

export const CALL_LINE_CAP = 200;
export const OUTSIDE_LINE_CAP = 2000;
const LATE_FLUSH_MS = 50;

interface Budget {
  lines: number;
  /** Lines dropped in this call so far, and how many of them were already reported. */
  dropped: number;
  reported: number;
  /** When the first line was dropped, and when drops were last reported while the call was open. */
  firstDrop?: number;
  lastReport?: number;
  open: boolean;
  flushScheduled: boolean;
}

export interface Capture {
  /** Records one line (or counts it, beyond the cap). */
  line(level: LogLevel, source: 'console' | 'logger', args: unknown[]): void;
  /** The call (or, for null, the load) has ended: report what was dropped. */
  end(callId: string | null): void;
  /** Marks a call as started. */
  begin(callId: string | null): void;
  /** The ILogger handed to the App constructor. */
  logger: ILogger & { setMethod(method: string): void };
  /** Replaces console.log/info/warn/error/debug/trace/dir; returns the restore function. */
  patchConsole(target: Console): () => void;
}

const DROP_REPORT_MS = 250;

export function createCapture(
  post: (msg: RuntimeToHost) => void,
  ctx: CallContext,
  schedule: (fn: () => void, ms: number) => void,
  /** The call's log budget (budgets.ts): false = the line is dropped and counted. */
  admitChars: (callId: string | null, chars: number) => boolean = () => true,
): Capture {
  const budgets = new Map<string | null, Budget>();
  const budget = (callId: string | null): Budget => {
    let b = budgets.get(callId);
    if (!b) {
      b = { lines: 0, dropped: 0, reported: 0, open: true, flushScheduled: false };
      budgets.set(callId, b);
    }
    return b;
  };
  const flush = (callId: string | null): void => {
    const b = budgets.get(callId);
    if (!b || b.dropped === b.reported) return;
    // A running total: the latest report of a call says how many of its lines were dropped.
    post({ v: PROTOCOL_VERSION, type: 'dropped', callId, count: b.dropped });
    b.reported = b.dropped;
  };

  function line(level: LogLevel, source: 'console' | 'logger', args: unknown[]): void {
    const callId = ctx.current;
    const b = budget(callId);
    const cap = callId === null ? OUTSIDE_LINE_CAP : CALL_LINE_CAP;
    let args2: Preview[] | null = null;
    if (b.lines < cap) {
      args2 = args.map((a) => toPreview(a));
      if (
        !admitChars(
          callId,
          args2.reduce((n, p) => n + previewChars(p), 0),
        )
      )
        args2 = null;
    }
    if (args2 === null) {
      b.dropped++;
      // A handler stuck in a logging loop never ends its call: while drops go on for longer than
      // DROP_REPORT_MS, report them every DROP_REPORT_MS so the user sees them before the timeout.
      // A short flood is reported once, when the call ends.
      const now = Date.now();
      b.firstDrop ??= now;
      if (b.open && now - (b.lastReport ?? b.firstDrop) >= DROP_REPORT_MS) {
        b.lastReport = now;
        flush(callId);
        return;
      }
      if (!b.open && !b.flushScheduled) {
        b.flushScheduled = true;
        schedule(() => {
          b.flushScheduled = false;
          flush(callId);
        }, LATE_FLUSH_MS);
      }
      return;
    }
    b.lines++;
    const msg: RuntimeToHost = { v: PROTOCOL_VERSION, type: 'log', callId, level, source, args: args2 };
    const site = firstAppSite(captureStack());
    if (site !== undefined) msg.site = site;
    post(msg);
  }

  const start = new Date();
  let method = 'constructor';
  const logger = {
    get method() {
      return method;
    },
    setMethod(m: string) {
      method = m;
    },
    debug: (...items: unknown[]) => line('debug', 'logger', items),
    info: (...items: unknown[]) => line('info', 'logger', items),
    log: (...items: unknown[]) => line('log', 'logger', items),
    warn: (...items: unknown[]) => line('warn', 'logger', items),
    error: (...items: unknown[]) => line('error', 'logger', items),
    success: (...items: unknown[]) => line('success', 'logger', items),
    getEntries: () => [],
    getMethod: () => method,
    getStartTime: () => start,
    getEndTime: () => new Date(),
    getTotalTime: () => Date.now() - start.getTime(),
  } as unknown as Capture['logger'];

  return {
    line,
    logger,
    begin(callId) {
      budget(callId).open = true;
    },
    end(callId) {
      budget(callId).open = false;
      flush(callId);
    },
    patchConsole(target) {
      const c = target as unknown as Record<string, unknown>;
      const levels: [string, LogLevel][] = [
        ['log', 'log'],
        ['info', 'info'],
        ['warn', 'warn'],
        ['error', 'error'],
        ['debug', 'debug'],
        ['trace', 'debug'],
        ['dir', 'log'],
      ];
      const saved = levels.map(([name]) => [name, c[name]] as const);
      for (const [name, level] of levels) c[name] = (...args: unknown[]) => line(level, 'console', args);
      return () => {
        for (const [name, fn] of saved) c[name] = fn;
      };
    },
  };
}
