// Turns an answer that is not an AWS answer into an EndpointAnswerError naming the HTTP
// status and the endpoint. A proxy login page, a load balancer's HTML 502 or an emulator's
// crash page otherwise reach the user as "SyntaxError: Unexpected token '<' ...
// Deserialization error", which says nothing about what went wrong or where.
//
// It wraps the SDK's deserializer (step "deserialize", priority high), inside the retry
// middleware (step "finalizeRequest"), so each attempt is judged; the error keeps the
// SDK's $metadata (the status code), so a 5xx is still retried as the SDK retries 5xx.
import type { DeserializeHandlerArguments } from '@smithy/types';
import { EndpointAnswerError } from './errors.js';
import type { MiddlewareHost } from './middleware-host.js';

interface AnswerDetails {
  $metadata?: { httpStatusCode?: number };
  $fault?: unknown;
  $response?: { headers?: Record<string, string> };
}

/**
 * True when the SDK could not read an AWS error out of the answer: either the body did
 * not parse at all (no $fault: the SDK only sets it on modelled and unmodelled service
 * exceptions), or it parsed but named no error type (name "Unknown", message "UnknownError").
 */
function unreadableAnswer(err: unknown): err is Error & AnswerDetails {
  if (!(err instanceof Error)) return false;
  const details = err as Error & AnswerDetails;
  if (details.$metadata?.httpStatusCode === undefined) return false;
  return !('$fault' in details) || (err.name === 'Unknown' && err.message === 'UnknownError');
}

function endpointOf(request: unknown): string {
  const r = request as { protocol?: string; hostname?: string; port?: number };
  if (r.hostname === undefined) return 'the endpoint';
  return `${r.protocol ?? 'https:'}//${r.hostname}${r.port !== undefined ? `:${r.port}` : ''}`;
}

export function installEndpointAnswerCheck<I extends object, O extends object>(client: MiddlewareHost<I, O>): void {
  client.middlewareStack.add(
    (next) => async (args: DeserializeHandlerArguments<I>) => {
      try {
        return await next(args);
      } catch (err) {
        if (!unreadableAnswer(err)) throw err;
        const status = err.$metadata?.httpStatusCode ?? 0;
        const headers = err.$response?.headers ?? {};
        const contentType = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
        const answer = new EndpointAnswerError(status, endpointOf(args.request), contentType);
        Object.assign(answer, { $metadata: err.$metadata, ...('$fault' in err ? { $fault: err.$fault } : {}) });
        throw answer;
      }
    },
    { step: 'deserialize', priority: 'high', name: 'ssoGitopsEndpointAnswerCheck' },
  );
}
