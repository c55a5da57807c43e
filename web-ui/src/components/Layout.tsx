import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import * as session from '../auth/session';
import { LanguageSwitcher } from './LanguageSwitcher';

/** Header, main and footer on every page; sign-out is one click from anywhere. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After a navigation, focus goes to the new page's content (screen readers read it, Tab starts there).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  const signOut = async () => {
    await session.signOut();
    navigate('/sign-in', { replace: true });
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('layout.skip')}
      </a>
      <header className="site-header">
        <Link to={user ? '/library' : '/sign-in'} className="brand" aria-label={t('layout.home')}>
          <span aria-hidden="true" className="brand-mark">
            ▶
          </span>
          Hypertube
        </Link>
        <nav aria-label={t('layout.navigation')} className="site-nav">
          {user ? (
            <>
              <NavLink to="/library">{t('layout.library')}</NavLink>
              <NavLink to="/play">{t('layout.play')}</NavLink>
              <NavLink to="/me" className="nav-user">
                {t('layout.profile', { username: user.username })}
              </NavLink>
            </>
          ) : user === null ? (
            <>
              <NavLink to="/sign-in">{t('layout.signIn')}</NavLink>
              <NavLink to="/sign-up">{t('layout.signUp')}</NavLink>
            </>
          ) : null}
          <LanguageSwitcher />
          {user ? (
            <button type="button" className="button subtle" onClick={() => void signOut()}>
              {t('layout.signOut')}
            </button>
          ) : null}
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('layout.footer')}</p>
        <p>
          <a href="/swagger-ui.html">{t('layout.apiDocs')}</a>
        </p>
      </footer>
    </div>
  );
}
