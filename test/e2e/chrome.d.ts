// The slice of the extension API that e2e code evaluates inside extension pages and the worker.
declare const chrome: {
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
  storage: { local: { get(keys: null): Promise<Record<string, unknown>> }; session: { get(keys: null): Promise<Record<string, unknown>> } };
  alarms: { create(name: string, info: { when?: number; delayInMinutes?: number }): Promise<void> };
  action: { getBadgeText(details: { tabId?: number }): Promise<string>; getTitle(details: { tabId?: number }): Promise<string> };
};
