/**
 * Differences between hookscope and the real Apps-Engine 1.62.0 that are known hookscope bugs
 * with a fix under way. A pipeline whose differences all match an entry is reported as a known
 * difference and does not fail the run; every other difference fails it. Each entry says why
 * and which spec section; remove it when the fix is merged (then the same pipelines must agree).
 */
import type { Difference, Side } from './compare.ts';
import type { Batch } from './model.ts';

export interface KnownDifference {
  id: string;
  issue: string;
  /** Why the two differ, in words. */
  reason: string;
  /** The section of /work/shared/spec/room-events.md the rule is in. */
  spec: string;
  /** True when this entry explains the pipeline's differences. */
  explains(ctx: { batch: Batch; index: number; hookscope: Side; real: Side; differences: Difference[] }): boolean;
}

/** Behaviours of the methods that were called on either side of pipeline `index` (for entries that match on a behaviour). */
export function exercised(ctx: { batch: Batch; index: number; hookscope: Side; real: Side }): string[] {
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

/**
 * hookscope (profile rc-7.5-8.7, alias "current") against the real engine. Every entry this list
 * had was fixed in hookscope and now agrees:
 * - an AppsEngineException / UserNotAllowedException thrown without a message does not block:
 *   the runtime sends no reply and the host swallows the per-call timeout (spec section 4;
 *   hand-written case 26);
 * - an interface listed in `implements` without its execute method rejects with the JSON-RPC
 *   standard message "Method not found" (spec section 5; hand-written case 27);
 * - a value that is not a room handed on in the Extend/Modify chain (generated pipeline 74 of seed
 *   20260101): hookscope wrapped it as `{ value: x }`, which the Room's `value` getter refused; it
 *   now crosses as itself (src/engine/pipeline/loops.ts `chainPayload`).
 */
export const KNOWN_DIFFERENCES: KnownDifference[] = [];

export function knownFor(ctx: Parameters<KnownDifference['explains']>[0]): KnownDifference | null {
  if (!ctx.differences.length) return null;
  return KNOWN_DIFFERENCES.find((k) => k.explains(ctx)) ?? null;
}
