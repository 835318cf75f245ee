// Driving a running Keyferry through its popup, as a person would: shared by demo and screenshots.

export async function extensionWorker(context) {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

export async function popupFor(context, page, path = 'popup.html') {
  const worker = await extensionWorker(context);
  const extensionId = new URL(worker.url()).host;
  const url = page.url();
  const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 440, height: 760 });
  await popup.goto(`chrome-extension://${extensionId}/${path}?tabId=${tabId}`);
  return popup;
}

export async function createVault(popup, passphrase) {
  await popup.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await popup.getByLabel('Confirm passphrase').fill(passphrase);
  await popup.getByRole('button', { name: 'Create vault' }).click();
  await popup.getByRole('button', { name: 'Capture from page' }).waitFor();
}

/** Clicks a popup action and returns what it announced in role=status. */
export async function act(popup, name) {
  await popup.getByRole('button', { name }).click();
  await popup.waitForFunction(() => {
    const text = document.querySelector('[role=status]')?.textContent;
    return !!text && text !== 'Working…';
  });
  return popup.getByRole('status').textContent();
}
