/**
 * Differences between hookscope and the real Apps-Engine 1.62.0 that are known hookscope bugs
 * with a fix under way. A pipeline whose differences all match an entry is reported as a known
 * difference and does not fail the run; every other difference fails it. Empty this list when
 * the fixing branch is merged (then the same pipelines must agree).
 */
import type { Difference, Side } from './compare.ts';
import type { Batch } from './model.ts';

export interface KnownDifference {
  id: string;
  issue: string;
  reason: string;
  /** True when this entry explains the pipeline's differences. */
  explains(ctx: { batch: Batch; index: number; hookscope: Side; real: Side; differences: Difference[] }): boolean;
}

/** Behaviours of the methods that were called on either side of pipeline `index`. */
function exercised(ctx: { batch: Batch; index: number; hookscope: Side; real: Side }): string[] {
  const p = ctx.batch.pipelines[ctx.index]!;
  const out: string[] = [];
  for (const side of [ctx.hookscope, ctx.real]) {
    for (const step of side.steps) {
      for (const call of step.calls) {
        const m = /^app(\d+)\.(\w+):/.exec(call);
        if (!m) continue;
        const at = p.apps.indexOf(Number(m[1]));
        const behaviour = at >= 0 ? p.plans[at]?.[m[2]!] : undefined;
        if (behaviour) out.push(behaviour);
      }
    }
  }
  return out;
}

export const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    id: 'apps-engine-exception-without-message',
    issue: 'issue-11 (profiles: the Node-runtime profile, the permission model...)',
    reason:
      'An AppsEngineException / UserNotAllowedException thrown WITHOUT a message does not block on the real engine: the runtime cannot build the JSON-RPC error (jsonrpc-lite needs a string message), sends no reply, and the host swallows the per-call timeout; hookscope blocks at once (spec section 4).',
    explains: (ctx) => exercised(ctx).some((b) => b === 'ae-nomsg' || b === 'una-nomsg'),
  },
  {
    id: 'method-not-found-message',
    issue: 'issue-11',
    reason:
      'An interface listed in implements without its execute method: the real engine rejects with the JSON-RPC standard message "Method not found" (the runtime\'s "Invalid event interface called on app" is only in data.message); hookscope reports the runtime\'s text (spec section 5).',
    explains: (ctx) =>
      ctx.differences.every((d) => {
        const h = d.hookscope as { code?: string; message?: string } | null;
        const r = d.real as { code?: string; message?: string } | null;
        return /host error$/.test(d.where) && h?.code === 'MethodNotFound' && r?.code === 'MethodNotFound' && h.message === 'Invalid event interface called on app' && r.message === 'Method not found';
      }),
  },
];

export function knownFor(ctx: Parameters<KnownDifference['explains']>[0]): KnownDifference | null {
  if (!ctx.differences.length) return null;
  return KNOWN_DIFFERENCES.find((k) => k.explains(ctx)) ?? null;
}
