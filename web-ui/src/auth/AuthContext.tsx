import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Profile } from '../api/types';
import * as session from './session';
import { isLanguage, switchLanguage } from '../i18n';

interface AuthState {
  /** undefined while the session is being restored on start. */
  user: Profile | null | undefined;
}

const AuthContext = createContext<AuthState>({ user: undefined });

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Profile | null | undefined>(undefined);

  useEffect(() => {
    const unsubscribe = session.onSessionChange((next) => setUser(next));
    const stopFollowing = session.followOtherTabs();
    let live = true;
    session
      .restore()
      .then((restored) => live && setUser(restored))
      .catch(() => live && setUser(null));
    return () => {
      live = false;
      unsubscribe();
      stopFollowing();
    };
  }, []);

  // The UI speaks the user's language, as their profile says.
  useEffect(() => {
    if (user && isLanguage(user.preferredLanguage)) void switchLanguage(user.preferredLanguage);
  }, [user]);

  return <AuthContext.Provider value={{ user }}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  return useContext(AuthContext);
}
