import { mountInlineButton, type InlineButton } from '@/lib/content/inline-button';
import { pageScope } from '@/lib/content/scope';

// Injected by the worker (lib/background/inline-offer.ts) only into registered Edge pages that may
// hold an Edge form. Injected again into the same document when its address or title changes.
export default defineUnlistedScript(() => {
  const world = globalThis as { keyferryInline?: InlineButton };
  if (world.keyferryInline) world.keyferryInline.lookAgain();
  else world.keyferryInline = mountInlineButton(pageScope());
});
