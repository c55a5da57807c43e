import { useId, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  /** The failed request, whose field errors are shown beside their field. */
  error?: unknown;
  hint?: string;
}

/** A labelled input with its hint and the server's complaint about it, linked for screen readers. */
export function Field({ label, name, error, hint, ...input }: FieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const problem = error instanceof ApiError ? error.fieldError(name) : undefined;
  const known = problem ? fieldMessageKey(name) : undefined;
  const described = [hint ? `${id}-hint` : null, problem ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} aria-invalid={problem ? true : undefined} aria-describedby={described || undefined} {...input} />
      {hint ? (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      ) : null}
      {problem ? (
        <small id={`${id}-error`} className="field-error">
          {error instanceof ApiError && error.kind.endsWith('-taken') ? t('fields.taken') : known ? t(known) : problem}
        </small>
      ) : null}
    </div>
  );
}

/** Fields whose rule the app can say in the user's language; others show the server's words. */
const FIELD_RULES: Record<string, string> = {
  username: 'fields.rules.username',
  firstName: 'fields.rules.name',
  lastName: 'fields.rules.name',
  email: 'fields.rules.email',
  preferredLanguage: 'fields.rules.language',
  /** An API client's name (profile page). */
  name: 'fields.rules.name',
};

export function fieldMessageKey(field: string): string | undefined {
  return FIELD_RULES[field];
}
