import { render } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { AuthProvider } from '../auth/AuthContext';
import { AppRoutes } from '../App';
import * as session from '../auth/session';
import type { Profile } from '../api/types';
import { json } from './api';

export const ADA: Profile = {
  id: '11111111-1111-1111-1111-111111111111',
  username: 'ada',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.org',
  preferredLanguage: 'en',
  hasPassword: true,
  avatarUrl: '/api/users/11111111-1111-1111-1111-111111111111/avatar',
};

/** The refresh a signed-in user's start makes. */
export function refreshAs(user: Profile) {
  return json({ accessToken: 'test.access.token', tokenType: 'Bearer', expiresIn: 900, user });
}

/** Where the app is now, for assertions on navigation. */
export let currentLocation = '';
function LocationProbe() {
  const location = useLocation();
  currentLocation = location.pathname + location.search;
  return null;
}

/** The whole app at `path`, signed in (the hint set, so it refreshes) or not. */
export function renderApp(path: string, { signedIn = false }: { signedIn?: boolean } = {}) {
  session.clear();
  if (signedIn) session.hint(true);
  return render(
    <MemoryRouter initialEntries={[path]}>
      <AuthProvider>
        <AppRoutes />
        <LocationProbe />
      </AuthProvider>
    </MemoryRouter>,
  );
}
