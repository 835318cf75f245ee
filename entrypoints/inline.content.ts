import { mountInlineButton } from '@/lib/content/inline-button';
import { pageScope } from '@/lib/content/scope';

// Registered at runtime for registered origins only (lib/background/registration.ts).
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main() {
    mountInlineButton(pageScope());
  },
});
