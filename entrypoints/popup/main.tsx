import { z } from 'zod/mini';
import { createRoot } from 'react-dom/client';
import { Popup } from '@/components/Popup';

z.config({ jitless: true });
createRoot(document.getElementById('root')!).render(<Popup />);
