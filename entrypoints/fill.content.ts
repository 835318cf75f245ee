import { answerFill } from '@/lib/content/fill';
import { listen } from '@/lib/content/runtime';
import { pageScope } from '@/lib/content/scope';

declare global {
  var __keyferryFill: boolean | undefined;
}

// Injected by the background when the admin acts (lib/background/tabs.ts). No zod here
// (see lib/content/request.ts), so there is no JIT to switch off.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main() {
    if (globalThis.__keyferryFill) return;
    globalThis.__keyferryFill = true;
    const scope = pageScope();
    listen((message) => answerFill(message, scope));
  },
});
