import { describe, expect, it } from 'vitest';
import { pageDateTime, parsePageDate } from '@/lib/dates';

describe('parsePageDate', () => {
  it.each([
    ['2024-12-16 13:00:02', '2024-12-16T13:00:02'],
    ['2026-12-01', '2026-12-01'],
    ['Dec 16, 2024', '2024-12-16'],
    ['December 1, 2026', '2026-12-01'],
    ['12/16/2024', '2024-12-16'],
    ['12/16/2024 1:05 PM', '2024-12-16T13:05:00'],
    ['2024-12-16T13:00:02Z', '2024-12-16T13:00:02.000Z'],
    ['2024-12-16T13:00:02+02:00', '2024-12-16T11:00:02.000Z'],
    ['2024-12-16 13:00:02 UTC', '2024-12-16T13:00:02.000Z'],
    ['\u200B 2026-12-01 ', '2026-12-01'],
  ])('%s -> %s', (text, iso) => {
    expect(parsePageDate(text).iso).toBe(iso);
  });

  it('Never is a date that never happened', () => {
    expect(parsePageDate('Never')).toEqual({ text: 'Never', iso: null, never: true });
  });

  it.each(['2024-02-30', '13/01/2024', '2024-12-16 25:00:00', 'soon', '', 'Foo 12, 2024', '2024-12-16T10:00:00+99:99'])('keeps %j as text, unparsed', (text) => {
    const date = parsePageDate(text);
    expect(date.iso).toBeNull();
    expect(date.never).toBeUndefined();
  });

  it('pageDateTime reads wall-clock dates as UTC and keeps instants', () => {
    expect(pageDateTime({ text: '', iso: '2026-12-01' })).toBe(Date.UTC(2026, 11, 1));
    expect(pageDateTime({ text: '', iso: '2026-12-01T10:00:00' })).toBe(Date.UTC(2026, 11, 1, 10));
    expect(pageDateTime({ text: '', iso: null })).toBeNull();
  });
});
