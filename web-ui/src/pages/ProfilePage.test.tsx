import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as session from '../auth/session';
import { fakeApi, json, problem, type Answer } from '../test/api';
import { ADA, currentLocation, refreshAs, renderApp } from '../test/render';

afterEach(() => session.clear());

const CLIENT = { clientId: 'htc_0123456789abcdef0123456789abcdef', name: 'My <b>script</b>', scopes: ['read'], createdAt: '2025-03-01T10:00:00Z' };
const SECRET = 'c2VjcmV0LXNob3duLW9uY2UtYW5kLW5ldmVyLWFnYWlu';

const profileApi = (routes: Record<string, Answer> = {}) =>
  fakeApi({
    'POST /api/auth/refresh': refreshAs(ADA),
    'GET /api/auth/oauth/linked': json([]),
    'GET /api/auth/oauth/providers': json([]),
    'GET /api/users/me/api-clients': json([CLIENT]),
    ...routes,
  });

/** Everything the browser keeps: the secret must never be there. */
const stored = () =>
  [window.localStorage, window.sessionStorage].flatMap((storage) => Object.keys(storage).map((key) => storage.getItem(key))).join('\n');

const clientsPanel = async () => within(await screen.findByRole('region', { name: 'API clients' }));

describe('the API clients on the profile page', () => {
  it('lists them, their names as text', async () => {
    profileApi();
    renderApp('/me', { signedIn: true });
    const panel = await clientsPanel();
    expect(await panel.findByText('My <b>script</b>')).toBeTruthy();
    expect(panel.getByText(CLIENT.clientId)).toBeTruthy();
    expect(panel.getByText(/may read/)).toBeTruthy();
  });

  it('shows the secret of a new one once, with the warning, and forgets it when told', async () => {
    let created = false;
    const api = profileApi({
      'GET /api/users/me/api-clients': () => json(created ? [{ ...CLIENT, clientId: 'htc_new', name: 'Backup bot' }, CLIENT] : [CLIENT]),
      'POST /api/users/me/api-clients': () => {
        created = true;
        return json({ clientId: 'htc_new', clientSecret: SECRET, name: 'Backup bot', scopes: ['read'] }, 201);
      },
    });
    renderApp('/me', { signedIn: true });
    const panel = await clientsPanel();
    await userEvent.type(await panel.findByLabelText('Its name'), '  Backup bot ');
    await userEvent.click(panel.getByRole('button', { name: 'Register' }));

    const shown = await panel.findByRole('region', { name: 'Backup bot is registered' });
    expect(within(shown).getByText(/Copy the secret now: it will not be shown again/)).toBeTruthy();
    expect((within(shown).getByLabelText('Client secret') as HTMLInputElement).value).toBe(SECRET);
    expect(document.activeElement).toBe(shown);
    const post = api.calls.find((call) => call.method === 'POST' && call.url.pathname === '/api/users/me/api-clients')!;
    expect(JSON.parse(post.body!)).toEqual({ name: 'Backup bot' });
    expect(await panel.findByText('htc_new')).toBeTruthy();
    expect(stored()).not.toContain(SECRET);
    expect(currentLocation).toBe('/me');

    await userEvent.click(within(shown).getByRole('button', { name: 'I have saved it' }));
    expect(panel.queryByRole('region', { name: 'Backup bot is registered' })).toBeNull();
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('copies the secret, or selects it for copying by hand when there is no clipboard', async () => {
    profileApi({ 'POST /api/users/me/api-clients': json({ clientId: 'htc_new', clientSecret: SECRET, name: 'Bot', scopes: ['read'] }, 201) });
    renderApp('/me', { signedIn: true });
    const panel = await clientsPanel();
    await userEvent.type(await panel.findByLabelText('Its name'), 'Bot');
    await userEvent.click(panel.getByRole('button', { name: 'Register' }));
    const copy = await panel.findByRole('button', { name: 'Copy the secret' });

    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await userEvent.click(copy);
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(await panel.findByText('The secret is copied.')).toBeTruthy();

    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    await userEvent.click(copy);
    expect(await panel.findByText(/copy it by hand/)).toBeTruthy();
  });

  it('says what is wrong with a refused name, in the user’s language', async () => {
    profileApi({
      'POST /api/users/me/api-clients': problem(400, 'validation-failed', { errors: [{ field: 'name', message: 'must be 1 to 64 characters' }] }),
    });
    renderApp('/me', { signedIn: true });
    const panel = await clientsPanel();
    await userEvent.type(await panel.findByLabelText('Its name'), 'x');
    await userEvent.click(panel.getByRole('button', { name: 'Register' }));
    expect(await panel.findByText('1 to 64 characters.')).toBeTruthy();
    expect(panel.getByLabelText('Its name').getAttribute('aria-invalid')).toBe('true');
  });

  it('revokes one only once confirmed, and a cancel changes nothing', async () => {
    const api = profileApi({ [`DELETE /api/users/me/api-clients/${CLIENT.clientId}`]: new Response(null, { status: 204 }) });
    renderApp('/me', { signedIn: true });
    const panel = await clientsPanel();
    await userEvent.click(await panel.findByRole('button', { name: 'Revoke My <b>script</b>' }));
    expect(panel.getByText(/^Revoke My <b>script<\/b>\? It will get no new token/)).toBeTruthy();
    await userEvent.click(panel.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(panel.getByRole('button', { name: 'Revoke My <b>script</b>' }));
    expect(api.calls.some((call) => call.method === 'DELETE')).toBe(false);

    await userEvent.click(panel.getByRole('button', { name: 'Revoke My <b>script</b>' }));
    await userEvent.click(panel.getByRole('button', { name: 'Yes, revoke it' }));
    expect(await panel.findByText('My <b>script</b> is revoked.')).toBeTruthy();
    expect(panel.getByText('You have no API client yet.')).toBeTruthy();
    expect(api.calls.filter((call) => call.method === 'DELETE').map((call) => call.url.pathname)).toEqual([
      `/api/users/me/api-clients/${CLIENT.clientId}`,
    ]);
  });
});

describe('the avatar', () => {
  it('is the initials, with no request for a picture, when the profile names none', async () => {
    profileApi({ 'POST /api/auth/refresh': refreshAs({ ...ADA, avatarUrl: null }) });
    const { container } = renderApp('/me', { signedIn: true });
    const panel = within(await screen.findByRole('region', { name: 'Picture' }));
    expect(await panel.findByText('AL')).toBeTruthy();
    expect(container.querySelector('img.avatar')).toBeNull();
    expect(panel.queryByRole('button', { name: 'Remove it' })).toBeNull();
  });

  it('follows the profile after a removal', async () => {
    profileApi({
      'DELETE /api/users/me/avatar': new Response(null, { status: 204 }),
      'GET /api/users/me': json({ ...ADA, avatarUrl: null }),
    });
    const { container } = renderApp('/me', { signedIn: true });
    const panel = within(await screen.findByRole('region', { name: 'Picture' }));
    await waitFor(() => expect(container.querySelector('img.avatar')).toBeTruthy());
    await userEvent.click(panel.getByRole('button', { name: 'Remove it' }));
    expect(await panel.findByText('AL')).toBeTruthy();
    expect(container.querySelector('img.avatar')).toBeNull();
  });
});
