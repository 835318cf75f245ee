import 'fake-indexeddb/auto';
import { z } from 'zod/mini';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach } from 'vitest';

z.config({ jitless: true });
beforeEach(() => {
  fakeBrowser.reset();
});
