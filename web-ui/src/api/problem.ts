/**
 * Every service answers errors as RFC 9457 problem details whose type is `urn:hypertube:problem:<kind>`
 * (service-web's ProblemTypes, the gateway's ProblemResponses). The app turns them into an ApiError, and an
 * ApiError into a translated message: the server's English `detail` is never shown as it is, except as the
 * last resort for a kind the app does not know yet.
 */

export interface FieldProblem {
  field: string;
  message: string;
}

const TYPE_PREFIX = 'urn:hypertube:problem:';

export class ApiError extends Error {
  readonly status: number;
  /** The problem's kind (`bad-credentials`, `cooldown`…), `network` when no answer came, or `unknown`. */
  readonly kind: string;
  readonly detail: string | undefined;
  readonly errors: FieldProblem[];
  /** Seconds, from `Retry-After` or the problem's `retryAfter`. */
  readonly retryAfter: number | undefined;
  /** The service the gateway could not reach (503 `service-unavailable`). */
  readonly service: string | undefined;
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    kind: string;
    detail?: string;
    errors?: FieldProblem[];
    retryAfter?: number;
    service?: string;
    requestId?: string;
  }) {
    super(init.detail ?? init.kind);
    this.name = 'ApiError';
    this.status = init.status;
    this.kind = init.kind;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.retryAfter = init.retryAfter;
    this.service = init.service;
    this.requestId = init.requestId;
  }

  /** The message of one field, for showing it beside that field. */
  fieldError(field: string): string | undefined {
    return this.errors.find((error) => error.field === field)?.message;
  }
}

/** The kind in a problem's `type`: `urn:hypertube:problem:cooldown` → `cooldown`. */
export function kindOf(type: unknown): string | undefined {
  return typeof type === 'string' && type.startsWith(TYPE_PREFIX) ? type.slice(TYPE_PREFIX.length) : undefined;
}

/** An ApiError from an answer that is not 2xx, whatever its body. */
export async function errorFrom(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const parsed: unknown = await response.json();
      if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
    } catch {
      // A body that is not JSON: the status alone tells what happened.
    }
  }
  const retryHeader = Number(response.headers.get('Retry-After'));
  const retryBody = typeof body.retryAfter === 'number' ? body.retryAfter : undefined;
  return new ApiError({
    status: response.status,
    kind: kindOf(body.type) ?? kindForStatus(response.status),
    detail: typeof body.detail === 'string' ? body.detail : undefined,
    errors: Array.isArray(body.errors) ? body.errors.filter(isFieldProblem) : [],
    retryAfter: Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : retryBody,
    service: typeof body.unavailableService === 'string' ? body.unavailableService : undefined,
    requestId:
      typeof body.requestId === 'string' ? body.requestId : (response.headers.get('X-Request-Id') ?? undefined),
  });
}

export function networkError(): ApiError {
  return new ApiError({ status: 0, kind: 'network' });
}

function isFieldProblem(value: unknown): value is FieldProblem {
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as FieldProblem).field === 'string' &&
    typeof (value as FieldProblem).message === 'string'
  );
}

function kindForStatus(status: number): string {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 429) return 'too-many-requests';
  if (status === 503) return 'service-unavailable';
  if (status >= 500) return 'internal-error';
  return 'unknown';
}

/** A translation key and its values: what the UI says for an error. */
export interface Message {
  key: string;
  values?: Record<string, string | number>;
}

/**
 * The kinds the app has words for (`errors.<kind>` in the translation files). Other kinds fall back on
 * their status; the tests check that every kind listed here has its words in every language.
 */
export const KNOWN_KINDS = [
  'network',
  'unauthorized',
  'forbidden',
  'not-found',
  'too-many-requests',
  'service-unavailable',
  'internal-error',
  'validation-failed',
  'bad-credentials',
  'session-expired',
  'username-taken',
  'email-taken',
  'reset-token-invalid',
  'recent-sign-in-required',
  'oauth-denied',
  'oauth-state',
  'oauth-provider',
  'oauth-already-linked',
  'oauth-ticket-invalid',
  'avatar-too-large',
  'avatar-unsupported',
  'avatar-unreadable',
  'avatar-busy',
  'invalid-comment',
  'not-your-comment',
  'comment-not-found',
  'title-not-found',
  'user-not-found',
  'sources-unavailable',
  'cooldown',
  'no-peers',
  'too-many-downloads',
  'invalid-source',
  'invalid-torrent',
  'unknown-torrent',
  'metadata-pending',
  'download-failed',
  'download-stopped',
  'stream-stalled',
  'unplayable-media',
  'unknown-duration',
  'conversion-failed',
  'conversion-slow',
  'converters-busy',
  'probe-failed',
  'payload-too-large',
] as const;

const known = new Set<string>(KNOWN_KINDS);

/** What to tell the user about an error, as a translation key: by its kind, else by its status. */
export function messageFor(error: unknown): Message {
  if (!(error instanceof ApiError)) return { key: 'errors.internal-error' };
  const values: Record<string, string | number> = {};
  if (error.retryAfter !== undefined) values.seconds = Math.ceil(error.retryAfter);
  if (error.service) values.service = error.service;
  if (error.kind === 'too-many-requests' && error.retryAfter === undefined) {
    return { key: 'errors.too-many-requests-later' };
  }
  if (error.kind === 'service-unavailable' && !error.service) {
    return { key: 'errors.service-unavailable-unnamed' };
  }
  if (known.has(error.kind)) return { key: `errors.${error.kind}`, values };
  const byStatus = kindForStatus(error.status);
  if (byStatus === 'service-unavailable') return { key: 'errors.service-unavailable-unnamed' };
  if (byStatus !== 'unknown') return { key: `errors.${byStatus}`, values };
  return { key: 'errors.bad-request' };
}

/** Whether a problem means "a different source may play": the player then offers the others. */
export function isSourceProblem(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    [
      'cooldown',
      'no-peers',
      'download-failed',
      'download-stopped',
      'unplayable-media',
      'unknown-duration',
      'conversion-failed',
      'invalid-source',
    ].includes(error.kind)
  );
}
