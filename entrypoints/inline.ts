import { mountInlineButton } from '@/lib/content/inline-button';
import { pageScope } from '@/lib/content/scope';

// Registered at runtime on registered Edge origins only (lib/background/registration.ts).
export default defineUnlistedScript(() => {
  mountInlineButton(pageScope());
});
