/**
 * Each handler node's effect in words (the line the graph shows under the app name), from the
 * node's state and the run's trace: "prevented it", "added customFields.department", "returned
 * nothing: chain broken here", "threw TypeError: boom (swallowed)", "not reached"...
 */
import { EVENT_SPECS } from '../engine/events.ts';
import type { TraceEvent } from '../engine/trace.ts';
import { chainFieldFates, changeWords, CHAIN_EVENTS } from './fields.ts';
import type { HandlerNode } from './types.ts';

type Ev<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;

const LOAD_PREFIX = 'the app failed to load: ';

/** "App2App.ts:6 Unexpected token" out of a runtime's load failure, or null if it is another failure. */
export function loadFailure(message: string | undefined): string | null {
  if (!message?.startsWith(LOAD_PREFIX)) return null;
  return message.slice(LOAD_PREFIX.length).split('\n')[0] ?? '';
}

function thrown(node: HandlerNode): string {
  const e = node.error;
  if (!e) return 'an error';
  return e.message ? `${e.className}: ${e.message}` : `${e.className} without a message`;
}

function callEnd(events: readonly TraceEvent[], node: HandlerNode, role: 'check' | 'execute'): Ev<'call-end'> | undefined {
  const ids = new Set(node.callIds);
  return events.find((e): e is Ev<'call-end'> => e.type === 'call-end' && ids.has(e.call.callId) && e.call.role === role);
}

/** What the chain call's returned room changed, in words, with what the host did with it. */
function chainWords(events: readonly TraceEvent[], end: Ev<'call-end'>): string {
  const fates = chainFieldFates(events, end.call.callId);
  if (fates.length === 0) return 'returned the room unchanged';
  const kept = fates.filter((f) => f.fate === 'applied' || f.fate === 'unknown' || f.fate === 'replaced');
  const dropped = fates.filter((f) => f.fate === 'dropped');
  const lost = fates.filter((f) => f.fate === 'lost');
  const ignored = fates.filter((f) => f.fate === 'ignored');
  const parts: string[] = [];
  if (kept.length) parts.push(kept.map(changeWords).join(', '));
  if (lost.length) parts.push(`${lost.map(changeWords).join(', ')} (lost: chain broken later)`);
  if (dropped.length)
    parts.push(
      `${dropped
        .map((f) => f.field)
        .filter(unique)
        .join(', ')} dropped by the host`,
    );
  if (ignored.length) parts.push(`left out ${ignored.length} field${ignored.length > 1 ? 's' : ''} (kept by the host)`);
  return parts.join(' · ');
}

function unique<T>(v: T, i: number, all: T[]): boolean {
  return all.indexOf(v) === i;
}

const EFFECTS: [RegExp, string, string][] = [
  [/^modify\.creator\.finish$/, 'created', 'created'],
  [/^modify\.notifier\./, 'notification', 'notifications'],
  [/^modify\.updater\.finish$/, 'update', 'updates'],
  [/^modify\.deleter\./, 'deletion', 'deletions'],
  [/^persistence\.(create|update|remove)/, 'record written', 'records written'],
  [/^http\.request$/, 'HTTP request', 'HTTP requests'],
];

/**
 * What a call did to the world, counted from its accessor writes and requests that answered ok:
 * "sent 1 message, 1 HTTP request (after it returned)". The handler's own return value says
 * nothing for Post and membership events, so this is what a user wants to see on the node.
 */
function effectWords(events: readonly TraceEvent[], callId: string): string {
  const counts = new Map<string, { n: number; late: boolean; one: string; many: string }>();
  for (const e of events) {
    if (e.type !== 'accessor' || e.callId !== callId || !e.ok) continue;
    let hit = EFFECTS.find(([re]) => re.test(e.op));
    if (!hit) continue;
    if (hit[1] === 'created') {
      const kind = typeof e.args[0] === 'string' ? e.args[0] : 'message';
      hit = [hit[0], kind === 'message' ? 'message sent' : `${kind} created`, kind === 'message' ? 'messages sent' : `${kind}s created`];
    }
    const c = counts.get(hit[1]) ?? { n: 0, late: false, one: hit[1], many: hit[2] };
    c.n += 1;
    c.late ||= e.afterReturn === true;
    counts.set(hit[1], c);
  }
  const parts = [...counts.values()].map((c) => `${c.n} ${c.n === 1 ? c.one : c.many}${c.late ? ' (after it returned)' : ''}`);
  return parts.join(', ');
}

/**
 * `decider` names the app whose call decided the loop (for "not reached"); `loaded` is false when
 * the run's plan says the app could not be loaded.
 */
export function nodeWords(node: HandlerNode, events: readonly TraceEvent[], ctx: { decider: string | null; loaded: boolean; timeoutMs: number }): string {
  const loop = EVENT_SPECS[node.event].loop;
  const end = callEnd(events, node, 'execute');
  switch (node.state) {
    case 'pending':
      return ctx.loaded ? 'waiting' : 'not loaded: will not be called';
    case 'paused':
      return `next: ${node.detail.replace(/ is next: press Step$/, '')} · press Step`;
    case 'running':
      return `running ${node.detail}`;
    case 'prevented':
      return `prevented it (returned ${node.detail.replace(/^returned /, '')})`;
    case 'returned': {
      if (!end) return node.detail;
      if (loop === 'prevent') return `let it through (${node.detail})`;
      if (CHAIN_EVENTS.has(node.event)) {
        if (end.result === null || end.result === undefined) return 'returned nothing: chain broken here';
        return chainWords(events, end);
      }
      const ran = end.result === undefined || end.result === null ? 'ran' : `ran, ${node.detail}`;
      const did = effectWords(events, end.call.callId);
      return did ? `${ran}: ${did}` : ran;
    }
    case 'skipped-check': {
      const check = callEnd(events, node, 'check');
      const load = loadFailure(check?.error?.message);
      if (load !== null || (!ctx.loaded && check?.status === 'crashed')) return `not loaded: ${load ?? check?.error?.message ?? 'the app failed to load'}`;
      if (check?.status === 'threw') return `skipped: its check threw ${thrown({ ...node, ...(check.error ? { error: check.error } : {}) })}`;
      return `skipped: its check ${node.detail.replace(/^check /, '')}`;
    }
    case 'threw':
      return `threw ${thrown(node)} (swallowed)`;
    case 'threw-stopped':
      return `threw ${thrown(node)}: stopped here`;
    case 'not-found':
      return `${node.method} not found: stopped here`;
    case 'timed-out':
      return `no answer in ${ctx.timeoutMs >= 1000 ? `${ctx.timeoutMs / 1000} s` : `${ctx.timeoutMs} ms`}: timed out`;
    case 'stopped':
      return 'stopped by you: treated as no answer';
    case 'crashed': {
      const load = loadFailure(node.error?.message);
      return load !== null ? `not loaded: ${load}` : `runtime failed: ${node.detail}`;
    }
    case 'not-reached':
      return ctx.decider ? `not reached: ${ctx.decider} decided first` : 'not reached';
    case 'chain-broken':
      return 'not called: the chain was already broken';
    case 'not-run':
      return 'not run: the host never got here';
    case 'not-implemented':
      return node.detail;
    case 'disabled':
      return 'disabled: not called';
  }
}

/** Whether this node is the one that decided or broke the run (the node the graph marks). */
export function isDecisive(node: HandlerNode, events: readonly TraceEvent[], decidingCallIds: ReadonlySet<string>): boolean {
  if (node.callIds.some((id) => decidingCallIds.has(id))) return true;
  if (node.state !== 'returned' || !CHAIN_EVENTS.has(node.event)) return false;
  const end = callEnd(events, node, 'execute');
  return !!end && (end.result === null || end.result === undefined);
}
