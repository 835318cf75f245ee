import { z } from 'zod/mini';
import { browser } from 'wxt/browser';
import { ClipboardClearSchema } from '@/lib/messages';
import { clearIfUnchanged } from '@/lib/clipboard';

// Opened by the worker only to clear a copied secret (lib/background/clipboard.ts), then closed.
z.config({ jitless: true });
browser.runtime.onMessage.addListener((message, sender) => {
  const request = ClipboardClearSchema.safeParse(message);
  // Only the extension's own worker: no tab, same extension id.
  if (!request.success || sender.id !== browser.runtime.id || sender.tab) return undefined;
  return clearIfUnchanged(document, request.data.sha256).then((outcome) => ({ ok: true, outcome }));
});
