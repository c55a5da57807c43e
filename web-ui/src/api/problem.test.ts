import { describe, expect, it } from 'vitest';
import { ApiError, errorFrom, isSourceProblem, kindOf, messageFor, networkError } from './problem';
import { json, problem } from '../test/api';

describe('problems from the services', () => {
  it('reads the kind, detail, field errors and request id of a problem', async () => {
    const error = await errorFrom(
      json(
        {
          type: 'urn:hypertube:problem:validation-failed',
          status: 400,
          detail: 'The request has invalid fields: see errors.',
          errors: [{ field: 'username', message: 'must be 3 to 32 letters' }, { nonsense: true }],
          requestId: 'req-1',
        },
        400,
      ),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe('validation-failed');
    expect(error.status).toBe(400);
    expect(error.errors).toEqual([{ field: 'username', message: 'must be 3 to 32 letters' }]);
    expect(error.fieldError('username')).toBe('must be 3 to 32 letters');
    expect(error.fieldError('email')).toBeUndefined();
    expect(error.requestId).toBe('req-1');
  });

  it('takes Retry-After from the header, else from the body', async () => {
    expect((await errorFrom(problem(503, 'cooldown', {}, { 'Retry-After': '120' }))).retryAfter).toBe(120);
    expect((await errorFrom(problem(429, 'too-many-requests', { retryAfter: 4 }))).retryAfter).toBe(4);
  });

  it('names the service the gateway could not reach', async () => {
    const error = await errorFrom(problem(503, 'service-unavailable', { unavailableService: 'media-service' }));
    expect(error.service).toBe('media-service');
    expect(messageFor(error)).toEqual({ key: 'errors.service-unavailable', values: { service: 'media-service' } });
  });

  it('falls back on the status when the body is not a problem', async () => {
    const error = await errorFrom(new Response('<html>bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
    expect(error.kind).toBe('internal-error');
    expect((await errorFrom(new Response('', { status: 401 }))).kind).toBe('unauthorized');
  });

  it('only reads kinds of our own URN', () => {
    expect(kindOf('urn:hypertube:problem:no-peers')).toBe('no-peers');
    expect(kindOf('about:blank')).toBeUndefined();
    expect(kindOf(42)).toBeUndefined();
  });
});

describe('what the user is told', () => {
  it('has words for each kind it knows, with its values', () => {
    expect(messageFor(new ApiError({ status: 401, kind: 'bad-credentials' }))).toEqual({ key: 'errors.bad-credentials', values: {} });
    expect(messageFor(new ApiError({ status: 503, kind: 'cooldown', retryAfter: 30.2 }))).toEqual({
      key: 'errors.cooldown',
      values: { seconds: 31 },
    });
  });

  it('says "wait a moment" for a 429 that does not say how long', () => {
    expect(messageFor(new ApiError({ status: 429, kind: 'too-many-requests' })).key).toBe('errors.too-many-requests-later');
  });

  it('falls back on the status for a kind it does not know', () => {
    expect(messageFor(new ApiError({ status: 404, kind: 'brand-new-kind' })).key).toBe('errors.not-found');
    expect(messageFor(new ApiError({ status: 503, kind: 'brand-new-kind' })).key).toBe('errors.service-unavailable-unnamed');
    expect(messageFor(new ApiError({ status: 500, kind: 'brand-new-kind' })).key).toBe('errors.internal-error');
    expect(messageFor(new ApiError({ status: 400, kind: 'brand-new-kind' })).key).toBe('errors.bad-request');
  });

  it('says the server cannot be reached when no answer came, and never shows a raw exception', () => {
    expect(messageFor(networkError()).key).toBe('errors.network');
    expect(messageFor(new TypeError('x is undefined')).key).toBe('errors.internal-error');
  });

  it('knows which problems another source may fix', () => {
    expect(isSourceProblem(new ApiError({ status: 503, kind: 'no-peers' }))).toBe(true);
    expect(isSourceProblem(new ApiError({ status: 422, kind: 'unplayable-media' }))).toBe(true);
    expect(isSourceProblem(new ApiError({ status: 401, kind: 'unauthorized' }))).toBe(false);
    expect(isSourceProblem(new Error('no'))).toBe(false);
  });
});
