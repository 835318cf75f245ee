import { describe, expect, it } from 'vitest';
import { parseContentRequest } from '@/lib/content/request';

const plan = { kind: 'edge-account', maintenanceId: 't', maintenanceUser: 'Unspecified', clientSecret: 's', maintenancePassword: 'p', save: false };

describe('parseContentRequest', () => {
  it('accepts the three requests', () => {
    expect(parseContentRequest({ type: 'keyferry:detect' })).toEqual({ type: 'keyferry:detect' });
    expect(parseContentRequest({ type: 'keyferry:read', kind: 'maintenance-sites' })).toEqual({ type: 'keyferry:read', kind: 'maintenance-sites' });
    expect(parseContentRequest({ type: 'keyferry:fill', plan })).toEqual({ type: 'keyferry:fill', plan });
  });
  it.each([
    null,
    'keyferry:detect',
    [],
    { type: 'keyferry:detect', extra: 1 },
    { type: 'keyferry:read', kind: 'something-else' },
    { type: 'keyferry:fill', plan: { ...plan, save: 'yes' } },
    { type: 'keyferry:fill', plan: { ...plan, clientSecret: 1 } },
    { type: 'keyferry:fill', plan: { ...plan, clientSecret: 'x'.repeat(5000) } },
    { type: 'keyferry:fill', plan: { ...plan, extra: 'x' } },
    { type: 'keyferry:fill', plan: { kind: 'edge-facility', save: false } },
    JSON.parse('{"type":"keyferry:detect","__proto__":{"polluted":true}}'),
  ])('refuses %j', (message) => {
    expect(parseContentRequest(message)).toBeNull();
  });
});
