import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { AuthProvider } from './auth/AuthContext';
import { Layout } from './components/Layout';
import { RequireAuth, VisitorOnly } from './components/RequireAuth';
import { ROUTES } from './routes';
import SignInPage from './pages/SignInPage';
import NotFoundPage from './pages/NotFoundPage';

// The first page a visitor sees is sign-in: everything else comes in its own chunk when first opened, the
// player (with hls.js, itself loaded only for HLS) last of all.
const SignUpPage = lazy(() => import('./pages/SignUpPage'));
const ResetPasswordPage = lazy(() => import('./pages/ResetPasswordPage'));
const CompleteSignUpPage = lazy(() => import('./pages/CompleteSignUpPage'));
const LibraryPage = lazy(() => import('./library/LibraryPage'));
const TitlePage = lazy(() => import('./title/TitlePage'));
const PlayerPage = lazy(() => import('./player/PlayerPage'));
const PlayPage = lazy(() => import('./pages/PlayPage'));
const ProfilePage = lazy(() => import('./pages/ProfilePage'));
const PersonPage = lazy(() => import('./pages/PersonPage'));

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** An old address kept working: the same query, the new path. */
function Alias({ to }: { to: string }) {
  const location = useLocation();
  return <Navigate to={`${to}${location.search}${location.hash}`} replace />;
}

export function AppRoutes() {
  const signedIn = (page: React.ReactNode) => <RequireAuth>{page}</RequireAuth>;
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path={ROUTES.home} element={<Navigate to={ROUTES.library} replace />} />
          <Route path={ROUTES.signIn} element={<VisitorOnly><SignInPage /></VisitorOnly>} />
          <Route path={ROUTES.signInAlias} element={<Alias to={ROUTES.signIn} />} />
          <Route path={ROUTES.signUp} element={<VisitorOnly><SignUpPage /></VisitorOnly>} />
          <Route path={ROUTES.completeSignUp} element={<VisitorOnly><CompleteSignUpPage /></VisitorOnly>} />
          <Route path={ROUTES.resetPassword} element={<ResetPasswordPage />} />
          <Route path={ROUTES.library} element={signedIn(<LibraryPage />)} />
          <Route path={ROUTES.title} element={signedIn(<TitlePage />)} />
          <Route path={ROUTES.watch} element={signedIn(<PlayerPage />)} />
          <Route path={ROUTES.play} element={signedIn(<PlayPage />)} />
          <Route path={ROUTES.me} element={signedIn(<ProfilePage />)} />
          <Route path={ROUTES.profileAlias} element={<Alias to={ROUTES.me} />} />
          <Route path={ROUTES.person} element={signedIn(<PersonPage />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}

export default function App() {
  return (
    <AuthProvider>
      <AppRoutes />
    </AuthProvider>
  );
}
