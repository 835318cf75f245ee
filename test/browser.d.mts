import type { BrowserContext } from 'playwright-core';
export const INSTALL_HINT: string;
export function findChromium(): string | null;
export function launchWithExtension(extensionDir: string, userDataDir: string, options?: { headless?: boolean }): Promise<BrowserContext>;
