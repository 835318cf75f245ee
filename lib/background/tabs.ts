// Talking to a tab's content script: inject it if it is not there yet, then one message.

import { browser } from 'wxt/browser';
import type { Detection, FillPlan, PageKind } from '../messages';
import { DetectionSchema, FieldReportSchema, PageReadSchema } from '../messages';
import type { Failure, Result } from '../result';
import { matchPattern, originOf } from '../origins';
import type { FieldReport, PageRead } from '../messages';
import { z } from 'zod/mini';

export const CAPTURE_SCRIPT = '/capture.js' as const;
export const FILL_SCRIPT = '/fill.js' as const;
export const INLINE_SCRIPT = '/inline.js' as const;

type ScriptFile = typeof CAPTURE_SCRIPT | typeof FILL_SCRIPT;

const INJECT_ATTEMPTS = 3;
const INJECT_RETRY_MS = 250;

async function ensureContentScript(tabId: number, file: ScriptFile): Promise<Result<true> | (Failure & { needsAccess?: string })> {
  // A page mid-navigation (a redirect, a late commit) refuses injection for a moment: retry briefly.
  for (let attempt = 1; attempt <= INJECT_ATTEMPTS; attempt++) {
    try {
      await browser.scripting.executeScript({ target: { tabId }, files: [file] });
      return { ok: true, value: true };
    } catch {
      if (attempt < INJECT_ATTEMPTS) await new Promise((r) => setTimeout(r, INJECT_RETRY_MS));
    }
  }
  const tab = await browser.tabs.get(tabId).catch(() => null);
  const origin = originOf(tab?.url);
  const pattern = origin ? matchPattern(origin) : null;
  const granted = pattern ? await Promise.resolve({ origins: [pattern] }).then((p) => browser.permissions.contains(p)).catch(() => false) : false;
  if (granted) return { ok: false, reason: 'Keyferry could not run on this page (it may still be loading): wait a moment and try again.' };
  return {
    ok: false,
    reason: `Keyferry cannot reach ${origin ?? 'this tab'}: allow access to it, open the popup from the page itself, or register it in Options.`,
    ...(origin ? { needsAccess: origin } : {}),
  };
}

async function ask(tabId: number, file: ScriptFile, message: unknown): Promise<Result<unknown>> {
  const injected = await ensureContentScript(tabId, file);
  if (!injected.ok) return injected;
  try {
    return { ok: true, value: await browser.tabs.sendMessage(tabId, message, { frameId: 0 }) };
  } catch {
    return { ok: false, reason: 'The page did not answer: reload it and try again.' };
  }
}

const ReplySchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);

async function askTyped<T>(tabId: number, file: ScriptFile, message: unknown, schema: z.ZodMiniType<T>): Promise<Result<T>> {
  const answer = await ask(tabId, file, message);
  if (!answer.ok) return answer;
  const reply = ReplySchema.safeParse(answer.value);
  if (!reply.success) return { ok: false, reason: 'The page sent an answer Keyferry does not understand.' };
  if (!reply.data.ok) return { ok: false, reason: reply.data.reason };
  const value = schema.safeParse(reply.data.value);
  return value.success ? { ok: true, value: value.data } : { ok: false, reason: 'The page sent an answer Keyferry does not understand.' };
}

export function detectTab(tabId: number): Promise<Result<Detection>> {
  return askTyped(tabId, CAPTURE_SCRIPT, { type: 'keyferry:detect' }, DetectionSchema);
}

export function readTab(tabId: number, kind?: PageKind): Promise<Result<PageRead>> {
  return askTyped(tabId, CAPTURE_SCRIPT, { type: 'keyferry:read', ...(kind ? { kind } : {}) }, PageReadSchema);
}

export function fillTab(tabId: number, plan: FillPlan): Promise<Result<FieldReport[]>> {
  return askTyped(tabId, FILL_SCRIPT, { type: 'keyferry:fill', plan }, z.array(FieldReportSchema));
}
