// The content script checks requests by hand, to the same shapes as ContentRequestSchema in
// lib/messages.ts: zod's core alone is ~40 KB minified and the content-script budget is 25 KB.
// The background, which owns the vault and every policy decision, validates with zod: all
// requests it receives and every reply a content script sends back.

import type { ContentRequest, FillPlan, PageKind } from '../messages';
import { PAGE_KINDS } from '../page-kinds';


type Shape = Record<string, unknown>;

const isObject = (v: unknown): v is Shape => typeof v === 'object' && v !== null && !Array.isArray(v);
const isValue = (v: unknown): v is string => typeof v === 'string' && v.length <= 4096;
const onlyKeys = (v: Shape, keys: string[]) => Object.keys(v).every((k) => keys.includes(k));

function parsePlan(plan: unknown): FillPlan | null {
  if (!isObject(plan) || typeof plan.save !== 'boolean') return null;
  if (plan.kind === 'edge-account') {
    const keys = ['kind', 'maintenanceId', 'maintenanceUser', 'clientSecret', 'maintenancePassword', 'save'];
    if (!onlyKeys(plan, keys) || !keys.slice(1, 5).every((k) => isValue(plan[k]))) return null;
    return plan as FillPlan;
  }
  if (plan.kind === 'edge-facility') {
    if (!onlyKeys(plan, ['kind', 'siteIdentifier', 'save']) || !isValue(plan.siteIdentifier)) return null;
    return plan as FillPlan;
  }
  return null;
}

/** What capture.js answers: detect and read. */
export function parseCaptureRequest(message: unknown): Extract<ContentRequest, { type: 'keyferry:detect' | 'keyferry:read' }> | null {
  if (!isObject(message)) return null;
  if (message.type === 'keyferry:detect') return onlyKeys(message, ['type']) ? { type: 'keyferry:detect' } : null;
  if (message.type !== 'keyferry:read' || !onlyKeys(message, ['type', 'kind'])) return null;
  if (message.kind === undefined) return { type: 'keyferry:read' };
  return (PAGE_KINDS as readonly string[]).includes(message.kind as string) ? { type: 'keyferry:read', kind: message.kind as PageKind } : null;
}

/** What fill.js answers: fill. */
export function parseFillRequest(message: unknown): Extract<ContentRequest, { type: 'keyferry:fill' }> | null {
  if (!isObject(message) || message.type !== 'keyferry:fill' || !onlyKeys(message, ['type', 'plan'])) return null;
  const plan = parsePlan(message.plan);
  return plan ? { type: 'keyferry:fill', plan } : null;
}

export function parseContentRequest(message: unknown): ContentRequest | null {
  return parseCaptureRequest(message) ?? parseFillRequest(message);
}
