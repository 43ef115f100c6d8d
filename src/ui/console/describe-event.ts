/** One line of text per trace event, for the run log. */
import type { TraceEvent } from '../../engine/index.ts';
import { previewText } from '../../scenario/preview-text.ts';

export type EventTone = 'info' | 'ok' | 'warn' | 'error' | 'muted';

export function describeEvent(e: TraceEvent): { text: string; tone: EventTone; app?: string } {
  switch (e.type) {
    case 'run-start':
      return { text: e.origin.kind === 'app' ? `app ${e.origin.appId} started ${e.action.action}` : `run started (${e.action.action})`, tone: 'muted' };
    case 'phase-start':
      return { text: `${e.event}: ${e.listeners.length ? e.listeners.join(', ') : 'no listeners'}${e.awaited ? '' : ' (not awaited)'}`, tone: 'info' };
    case 'call-paused':
      return { text: `⏸ ${e.call.method} waits (step mode)`, tone: 'muted', app: e.call.appId };
    case 'call-start':
      return { text: `→ ${e.call.method}`, tone: 'muted', app: e.call.appId };
    case 'call-end':
      return {
        text: `← ${e.call.method} ${e.status} in ${Math.round(e.durationMs)} ms: ${e.effect}${e.error ? ` (${e.error.name}: ${e.error.message})` : ''}`,
        tone: e.status === 'returned' ? 'ok' : e.status === 'threw' || e.status === 'timed-out' ? 'warn' : 'error',
        app: e.call.appId,
      };
    case 'call-pending':
      return { text: `${e.call.method} left ${e.timers} timers, ${e.intervals} intervals, ${e.requests} requests pending`, tone: 'warn', app: e.call.appId };
    case 'listener-skipped':
      return { text: `${e.event} skipped: ${e.reason}`, tone: 'muted', app: e.appId };
    case 'accessor':
      return {
        text: `${e.write ? 'write' : 'read'} ${e.op}${e.ok ? '' : ` failed: ${e.error ?? ''}`}${e.afterReturn ? ' (after the handler returned)' : ''}`,
        tone: e.ok ? 'muted' : 'warn',
        app: e.appId,
      };
    case 'call-settled':
      return { text: e.note, tone: e.cut ? 'warn' : 'muted', app: e.call.appId };
    case 'log':
      return {
        text: `${e.source === 'logger' ? 'logger' : 'console'}.${e.level} ${e.args.map((a) => previewText(a)).join(' ')}${e.afterReturn ? ' (after the handler returned)' : ''}`,
        tone: e.level === 'error' ? 'error' : e.level === 'warn' ? 'warn' : e.level === 'debug' ? 'muted' : 'info',
        app: e.appId,
      };
    case 'logs-dropped':
      return { text: `${e.count} log lines dropped`, tone: 'warn', app: e.appId };
    case 'phase-end':
      return { text: `${e.event}: ${e.summary}`, tone: e.preventedBy || e.stoppedBy ? 'warn' : 'info' };
    case 'merge':
      return { text: `merge: ${e.note}`, tone: e.chainBroken ? 'warn' : 'info' };
    case 'commit':
      return { text: `committed: ${e.what}`, tone: 'ok' };
    case 'outcome':
      return { text: `outcome ${e.outcome}${e.error ? ` ${e.error.code}` : ''}: ${e.summary}`, tone: e.outcome === 'completed' ? 'ok' : 'error' };
    case 'background-start':
      return { text: `${e.event} runs in the background`, tone: 'muted' };
    case 'background-end':
      return { text: `${e.event} finished in the background`, tone: 'muted' };
    case 'run-settled':
      return { text: 'run settled', tone: 'muted' };
    case 'runtime-problem':
      return { text: `runtime problem: ${e.problem}`, tone: 'error', app: e.appId };
    case 'worker-restarted':
      return { text: `worker restarted: ${e.reason}`, tone: 'warn', app: e.appId };
  }
}
