import { detect, readPage } from '../pages';
import type { PageScope } from '../pages/scope';
import { parseCaptureRequest } from './request';
import { pageFailed, type ContentReply } from './scope';

/**
 * capture.js answers detect and read; anything else (undefined) is left to the other scripts.
 * An answer is always a promise, never a synchronous throw: a page that breaks the walk gets the
 * pageFailed reply (the error's class only) whichever request met it.
 */
export function answerCapture(message: unknown, scope: PageScope): Promise<ContentReply> | undefined {
  const request = parseCaptureRequest(message);
  if (!request) return undefined;
  try {
    const answer: Promise<ContentReply> =
      request.type === 'keyferry:detect'
        ? Promise.resolve({ ok: true, value: detect(scope) })
        : readPage(scope, request.kind).then((read): ContentReply => (read.ok ? { ok: true, value: read.read } : read));
    return answer.catch(pageFailed);
  } catch (error) {
    return Promise.resolve(pageFailed(error));
  }
}
