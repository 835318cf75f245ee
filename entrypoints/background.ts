import { z } from 'zod/mini';
import { browser } from 'wxt/browser';
import { handleMessage, onAlarm } from '@/lib/background/handlers';
import { offerToOpenTabs, watchInlineTabs } from '@/lib/background/inline-offer';
import { watchTabs } from '@/lib/background/badge';

export default defineBackground(() => {
  z.config({ jitless: true });
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));
  browser.alarms.onAlarm.addListener((alarm) => void onAlarm(alarm));
  watchTabs();
  watchInlineTabs();
  browser.runtime.onInstalled.addListener(() => void offerToOpenTabs());
  browser.runtime.onStartup.addListener(() => void offerToOpenTabs());
  browser.permissions.onAdded.addListener(() => void offerToOpenTabs());
  // A policy change (IT pushing new Edge origins) takes effect without a restart.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void offerToOpenTabs();
  });
});
