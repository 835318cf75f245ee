import { fillPage } from '../pages/fill';
import type { PageScope } from '../pages/scope';
import { parseFillRequest } from './request';
import { pageFailed, type ContentReply } from './scope';

/** fill.js answers fill only. */
export function answerFill(message: unknown, scope: PageScope): Promise<ContentReply> | undefined {
  const request = parseFillRequest(message);
  if (request?.type !== 'keyferry:fill') return undefined;
  return fillPage(scope, request.plan)
    .then((filled): ContentReply => (filled.ok ? { ok: true, value: filled.fields } : filled))
    .catch(pageFailed);
}
