import { describe, expect, it } from 'vitest';
import { readMaintenanceApi } from '@/lib/pages/maintenance-api';
import { deepElements } from '@/lib/dom/tree';
import { expectedFor, loadFixture } from '../fixtures';

const expected = expectedFor('maintenance');
const staticApiPages = Object.entries(expected).filter(([file, e]) => file.startsWith('api-') && !e.needsScript);

describe('readMaintenanceApi on every static fixture', () => {
  it.each(staticApiPages)('%s', (file, entry) => {
    const doc = loadFixture(`maintenance/${file}`);
    const read = readMaintenanceApi(deepElements(doc.body), '127.0.0.1');
    const want = entry.expected as { apiToken?: string; apiSecretKey?: string; tenant?: string; error?: unknown };
    if (entry.kind === 'none') {
      expect(read).toBeNull();
    } else if (want.error) {
      expect(read?.apiToken ?? null).toBeNull();
      expect(read?.apiSecretKey ?? null).toBeNull();
      expect(read?.problems.join(' ')).toMatch(/reveal/i);
    } else {
      expect(read?.apiToken).toBe(want.apiToken);
      expect(read?.apiSecretKey).toBe(want.apiSecretKey);
      if (want.tenant) expect(read?.tenant?.name).toBe(want.tenant);
    }
  });
});
