import { detect, readPage } from '../pages';
import type { PageScope } from '../pages/scope';
import { parseCaptureRequest } from './request';
import { pageFailed, type ContentReply } from './scope';

/** capture.js answers detect and read; anything else is left to the other scripts. */
export function answerCapture(message: unknown, scope: PageScope): Promise<ContentReply> | undefined {
  const request = parseCaptureRequest(message);
  if (request?.type === 'keyferry:detect') return Promise.resolve<ContentReply>({ ok: true, value: detect(scope) });
  if (request?.type !== 'keyferry:read') return undefined;
  return readPage(scope, request.kind)
    .then((read): ContentReply => (read.ok ? { ok: true, value: read.read } : read))
    .catch(pageFailed);
}
