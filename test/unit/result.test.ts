// Errors are values: { ok: false, reason } with a sentence the user can act on.

import { describe, expect, it } from 'vitest';
import { fail, type Failure, type Result } from '@/lib/result';

describe('fail', () => {
  it('wraps the reason as a failure value', () => {
    expect(fail('Unlock Keyferry first.')).toEqual({ ok: false, reason: 'Unlock Keyferry first.' });
  });

  it('keeps the reason exactly as given, even empty or multi-line', () => {
    expect(fail('')).toEqual({ ok: false, reason: '' });
    expect(fail('  line one\nline two  ').reason).toBe('  line one\nline two  ');
  });

  it('returns a new object each time, so one caller cannot change another’s failure', () => {
    const a = fail('x');
    const b = fail('x');
    expect(a).not.toBe(b);
    (a as { reason: string }).reason = 'changed';
    expect(b.reason).toBe('x');
  });

  it('carries only ok and reason', () => {
    expect(Object.keys(fail('x')).sort()).toEqual(['ok', 'reason']);
  });

  it('narrows a Result by ok', () => {
    const results: Result<number>[] = [{ ok: true, value: 3 }, fail('no')];
    const values = results.map((r) => (r.ok ? r.value : (r satisfies Failure).reason));
    expect(values).toEqual([3, 'no']);
  });
});
