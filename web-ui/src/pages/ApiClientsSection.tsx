import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiClients } from '../api/endpoints';
import { ApiError } from '../api/problem';
import type { ApiClient, ApiClientCreated } from '../api/types';
import { ErrorText } from '../components/ErrorText';
import { Field } from '../components/Field';
import { useLoad } from '../hooks';

/**
 * The programs the user registered for the public API (auth-service's apiclient/TokenEndpoint): listed,
 * created — the secret shown this once, kept in memory only until "done" — and revoked after a confirmation.
 */
export function ApiClientsSection() {
  const { t } = useTranslation();
  const clients = useLoad(() => apiClients.list(), []);
  const [created, setCreated] = useState<ApiClientCreated | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);

  const onCreated = (client: ApiClientCreated) => {
    setRevoked(null);
    setCreated(client);
    clients.reload();
  };
  const onRevoked = (client: ApiClient) => {
    setRevoked(client.name);
    clients.setData((clients.data ?? []).filter((one) => one.clientId !== client.clientId));
  };

  return (
    <section aria-labelledby="api-clients-heading" className="panel">
      <h2 id="api-clients-heading">{t('apiClients.title')}</h2>
      <p className="hint">{t('apiClients.intro')}</p>
      {created ? <NewSecret created={created} onDone={() => setCreated(null)} /> : null}
      {revoked !== null ? (
        <p role="status" className="notice">
          {t('apiClients.revoked', { name: revoked })}
        </p>
      ) : null}
      <ErrorText error={clients.error} />
      {clients.data === undefined && !clients.error ? <p role="status">{t('common.loading')}</p> : null}
      {clients.data?.length === 0 ? <p className="hint">{t('apiClients.none')}</p> : null}
      {clients.data?.length ? (
        <ul className="api-clients">
          {clients.data.map((client) => (
            <ClientRow key={client.clientId} client={client} onRevoked={onRevoked} />
          ))}
        </ul>
      ) : null}
      <CreateClient onCreated={onCreated} />
    </section>
  );
}

/** The form that registers a program: its name; its scope is what auth-service grants every client (read). */
function CreateClient({ onCreated }: { onCreated: (client: ApiClientCreated) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    setBusy(true);
    setError(undefined);
    try {
      onCreated(await apiClients.create(String(new FormData(target).get('name') ?? '').trim()));
      target.reset();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} className="form" aria-labelledby="new-client-heading">
      <h3 id="new-client-heading">{t('apiClients.new')}</h3>
      <Field label={t('apiClients.name')} name="name" required maxLength={64} autoComplete="off" hint={t('apiClients.nameHint')} error={error} />
      <p className="hint">{t('apiClients.scopeNote')}</p>
      <ErrorText error={error} />
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? t('apiClients.creating') : t('apiClients.create')}
      </button>
    </form>
  );
}

/** The new client's id and secret, with the warning that the secret will not be shown again. */
function NewSecret({ created, onDone }: { created: ApiClientCreated; onDone: () => void }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const secret = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'copied' | 'by-hand' | null>(null);
  // Keyboard and screen-reader users land on it: it is what matters now.
  useEffect(() => box.current?.focus(), [created]);

  const copySecret = async () => {
    try {
      await navigator.clipboard.writeText(created.clientSecret);
      setCopy('copied');
    } catch {
      // No clipboard here (an insecure origin, a refusal): selected, for copying by hand.
      secret.current?.select();
      setCopy('by-hand');
    }
  };
  return (
    <div className="secret-once" role="region" aria-labelledby="new-secret-heading" tabIndex={-1} ref={box}>
      <h3 id="new-secret-heading">{t('apiClients.created', { name: created.name })}</h3>
      <p className="warning">{t('apiClients.copyNow')}</p>
      <div className="field">
        <label htmlFor="new-client-id">{t('apiClients.clientId')}</label>
        <input id="new-client-id" className="mono" readOnly value={created.clientId} onFocus={(event) => event.target.select()} />
      </div>
      <div className="field">
        <label htmlFor="new-client-secret">{t('apiClients.clientSecret')}</label>
        <input
          id="new-client-secret"
          ref={secret}
          className="mono"
          readOnly
          value={created.clientSecret}
          autoComplete="off"
          spellCheck={false}
          onFocus={(event) => event.target.select()}
        />
      </div>
      <div className="actions">
        <button type="button" className="button primary" onClick={() => void copySecret()}>
          {t('apiClients.copy')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('apiClients.done')}
        </button>
      </div>
      {copy ? (
        <p role="status" className={copy === 'copied' ? 'notice' : 'hint'}>
          {t(copy === 'copied' ? 'apiClients.copied' : 'apiClients.copyByHand')}
        </p>
      ) : null}
    </div>
  );
}

/** One registered program, and its revocation (asked to confirm first). */
function ClientRow({ client, onRevoked }: { client: ApiClient; onRevoked: (client: ApiClient) => void }) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const revokeButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (!confirming && returnFocus.current) {
      returnFocus.current = false;
      revokeButton.current?.focus();
    }
  }, [confirming]);

  const cancel = () => {
    returnFocus.current = true;
    setConfirming(false);
  };
  const revoke = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await apiClients.revoke(client.clientId);
      onRevoked(client);
    } catch (failure) {
      // Already gone (revoked in another tab, or with a password change): the list catches up.
      if (failure instanceof ApiError && failure.status === 404) return onRevoked(client);
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <li className="api-client">
      <p className="api-client-name">{client.name}</p>
      <p className="hint">
        <span className="mono">{client.clientId}</span>
        {' · '}
        {t('apiClients.since', { date: new Date(client.createdAt).toLocaleDateString(i18n.language) })}
        {' · '}
        {t('apiClients.scopes', {
          scopes: client.scopes.map((scope) => t(`apiClients.scope.${scope}`, { defaultValue: scope })).join(', '),
        })}
      </p>
      {confirming ? (
        <div className="confirm" role="group" aria-labelledby={`revoke-${client.clientId}`}>
          <p id={`revoke-${client.clientId}`}>{t('apiClients.confirmRevoke', { name: client.name })}</p>
          <div className="actions">
            <button type="button" className="button danger" disabled={busy} onClick={() => void revoke()}>
              {busy ? t('apiClients.revoking') : t('apiClients.revokeNow')}
            </button>
            <button type="button" className="button" autoFocus onClick={cancel}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button subtle"
          ref={revokeButton}
          aria-label={t('apiClients.revokeNamed', { name: client.name })}
          onClick={() => setConfirming(true)}
        >
          {t('apiClients.revoke')}
        </button>
      )}
      <ErrorText error={error} />
    </li>
  );
}
