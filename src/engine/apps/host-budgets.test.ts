import { describe, expect, it } from 'vitest';
import { CALL_LIMITS } from '../../protocol/call-limits.ts';
import { HostBudgets } from './host-budgets.ts';

describe('the host checks the per-call budgets again', () => {
  it('refuses requests of a call beyond what the runtime may send', () => {
    const b = new HostBudgets();
    const max = CALL_LIMITS.requests + CALL_LIMITS.lateRequests;
    for (let i = 0; i < max; i++) expect(b.request('c1')).toBeNull();
    expect(b.request('c1')).toMatch(/^2,201 requests: stopped after 2,200 .*the call was ended$/);
    expect(b.request('c2')).toBeNull();
  });

  it('drops log lines beyond the character budget and counts them', () => {
    const b = new HostBudgets();
    const line = [{ t: 'str', v: 'x'.repeat(10_000) }] as const;
    let kept = 0;
    let dropped = 0;
    for (let i = 0; i < 100; i++) {
      const r = b.log('c1', line);
      if (r.ok) kept++;
      else dropped = r.dropped;
    }
    expect(kept * 10_000).toBeLessThanOrEqual(CALL_LIMITS.logChars * 1.1);
    expect(kept + dropped).toBe(100);
  });

  it('refuses a result over the size limit', () => {
    const b = new HostBudgets();
    expect(b.result('A'.repeat(100))).toBeNull();
    expect(b.result('A'.repeat(CALL_LIMITS.resultChars + 1))).toMatch(/over hookscope's limit of 1,000,000/);
  });
});
