import { answerFill } from '@/lib/content/fill';
import { listen } from '@/lib/content/runtime';
import { pageScope } from '@/lib/content/scope';

declare global {
  var __keyferryFill: boolean | undefined;
}

// Injected into a tab by the background when the admin acts (lib/background/tabs.ts): an unlisted
// script, so it carries no framework wrapper and posts nothing to the page. No zod here
// (see lib/content/request.ts), so there is no JIT to switch off.
export default defineUnlistedScript(() => {
  if (globalThis.__keyferryFill) return;
  globalThis.__keyferryFill = true;
  const scope = pageScope();
  listen((message) => answerFill(message, scope));
});
