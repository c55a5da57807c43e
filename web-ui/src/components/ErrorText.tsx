import { useTranslation } from 'react-i18next';
import { ApiError, messageFor } from '../api/problem';

/** An error as words the user can act on, in their language; the request id to quote when reporting. */
export function ErrorText({ error, className }: { error: unknown; className?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = messageFor(error);
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <p className={`error ${className ?? ''}`} role="alert">
      {t(message.key, message.values)}
      {requestId && error instanceof ApiError && error.status >= 500 ? (
        <span className="request-id"> {t('errors.requestId', { id: requestId })}</span>
      ) : null}
    </p>
  );
}
