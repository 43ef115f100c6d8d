/**
 * The "why" of a run in a few sentences that name the culprit (pure; from the projected nodes and
 * the trace): the app and method that decided, who extended and modified the room, which fields
 * the host dropped and why, which errors were swallowed or calls timed out, who was not reached.
 * The graph's outcome card, the host answer and the run history all show this one text.
 */
import type { TraceEvent } from '../engine/trace.ts';
import { chainFieldFates, changeWords } from './fields.ts';
import { PHASE_LABEL } from './labels.ts';
import type { GraphNode, HandlerNode } from './types.ts';

type Ev<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;

export interface Why {
  sentences: string[];
  /** Swallowed errors and timeouts, each one line ("Audit threw TypeError: boom (swallowed)"). */
  notices: string[];
}

const handlersOf = (nodes: readonly GraphNode[]) => nodes.filter((n): n is HandlerNode => n.kind === 'handler');

function list(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function thrown(n: HandlerNode): string {
  const e = n.error;
  if (!e) return 'an error';
  return e.message ? `${e.className}: ${e.message}` : `${e.className} without a message`;
}

function decision(n: HandlerNode, outcome: Ev<'outcome'> | undefined): string {
  const answered = outcome?.error ? ` and the host answered ${outcome.error.code}` : '';
  switch (n.state) {
    case 'prevented':
      return `${n.appName} prevented it in ${n.method}: it ${n.detail}${answered}.`;
    case 'threw-stopped':
      return `${n.appName} threw ${thrown(n)} in ${n.method}: the exception stopped the loop${answered}.`;
    case 'not-found':
      return `${n.appName} has no ${n.method}: "method not found" escaped the loop${answered}.`;
    case 'returned':
      return `${n.appName} returned nothing from ${n.method}: the chain broke there, so no Extend or Modify change from any app was applied; the room was created from the original data.`;
    default:
      return `${n.appName} decided in ${n.method}: ${n.says}.`;
  }
}

export function explainRun(nodes: readonly GraphNode[], events: readonly TraceEvent[]): Why {
  const outcome = events.find((e): e is Ev<'outcome'> => e.type === 'outcome');
  const handlers = handlersOf(nodes);
  const sentences: string[] = [];
  const decisive = handlers.find((n) => n.decisive);
  if (decisive) sentences.push(decision(decisive, outcome));
  // The host's own sentence when no app decided (it may say "no later handler was waiting", which
  // is wrong when a handler of the same phase was not reached).
  if (outcome && !decisive) sentences.push(capital(outcome.summary.replace(/\.$/, '')) + '.');

  // Who extended and modified, and what the host did with it.
  const merge = events.find((e): e is Ev<'merge'> => e.type === 'merge');
  if (merge && !merge.chainBroken) {
    const changes: string[] = [];
    for (const n of handlers) {
      const exec = n.callIds.find((id) => events.some((e) => e.type === 'call-start' && e.call.callId === id && e.call.role === 'execute'));
      if (!exec) continue;
      const fates = chainFieldFates(events, exec).filter((f) => f.fate === 'applied');
      if (fates.length) changes.push(`${n.appName} (${PHASE_LABEL[n.event]}) ${fates.map(changeWords).join(', ')}`);
    }
    if (changes.length) sentences.push(`${list(changes)}.`);
    if (merge.dropped.length) sentences.push(`Dropped by the host: ${merge.dropped.map((d) => `${d.field} (${d.reason})`).join('; ')}.`);
  }

  const notices: string[] = [];
  for (const n of handlers) {
    if (n.state === 'threw') notices.push(`${n.appName} threw ${thrown(n)} in ${n.method}: swallowed, the host went on as if it returned nothing`);
    else if (n.state === 'timed-out') notices.push(`${n.appName} did not answer ${n.method} in time: the host went on without it`);
    else if (n.state === 'crashed') notices.push(`${n.appName}: ${n.says}`);
    else if (n.state === 'skipped-check' && n.says.startsWith('not loaded')) notices.push(`${n.appName}: ${n.says}`);
  }
  sentences.push(...notices.map((n) => `${capital(n)}.`));

  const notReached = handlers.filter((n) => n.state === 'not-reached' || n.state === 'chain-broken');
  if (notReached.length) sentences.push(`Not reached: ${list(notReached.map((n) => `${n.appName} (${PHASE_LABEL[n.event]})`))}.`);
  const notRun = handlers.filter((n) => n.state === 'not-run');
  if (outcome && notRun.length) sentences.push(`Not run: ${list(notRun.map((n) => `${n.appName} (${PHASE_LABEL[n.event]})`))}.`);
  return { sentences, notices };
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
