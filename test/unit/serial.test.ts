import { describe, expect, it } from 'vitest';
import { serialiser } from '@/lib/serial';

describe('serialiser', () => {
  it('runs calls one after another, in call order, even when an earlier one is slower', async () => {
    const serial = serialiser();
    const log: string[] = [];
    const slow = serial(async () => {
      log.push('slow start');
      await new Promise((r) => setTimeout(r, 20));
      log.push('slow end');
      return 1;
    });
    const fast = serial(async () => {
      log.push('fast');
      return 2;
    });
    expect(await Promise.all([slow, fast])).toEqual([1, 2]);
    expect(log).toEqual(['slow start', 'slow end', 'fast']);
  });

  it('a failure is reported to its caller and does not stop the chain', async () => {
    const serial = serialiser();
    const failed = serial(async () => {
      throw new Error('disk');
    });
    const next = serial(async () => 'next ran');
    await expect(failed).rejects.toThrow('disk');
    await expect(next).resolves.toBe('next ran');
  });

  it('separate chains do not wait for each other', async () => {
    const a = serialiser();
    const b = serialiser();
    let release!: () => void;
    const blocked = a(() => new Promise<void>((r) => (release = r)));
    await expect(b(async () => 'b ran')).resolves.toBe('b ran');
    release();
    await blocked;
  });
});
