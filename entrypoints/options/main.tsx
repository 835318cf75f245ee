import { z } from 'zod/mini';
import { createRoot } from 'react-dom/client';
import { Options } from '@/components/Options';

z.config({ jitless: true });
createRoot(document.getElementById('root')!).render(<Options />);
