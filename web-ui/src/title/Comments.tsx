import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { comments as api } from '../api/endpoints';
import type { Comment, TitleKind } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { ErrorText } from '../components/ErrorText';
import { useLoad } from '../hooks';
import { personPath } from '../routes';

const MAX_LENGTH = 2000;

/** A title's comments, newest first: post, edit and delete one's own. Always rendered as text. */
export function Comments({ kind, titleId }: { kind: TitleKind; titleId: string }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const list = useLoad(() => api.of(kind, titleId), [kind, titleId]);
  const [older, setOlder] = useState<Comment[]>([]);
  const [end, setEnd] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const all = [...(list.data ?? []), ...older];

  const post = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      const created = await api.post(kind, titleId, text);
      list.setData([created, ...(list.data ?? [])]);
      setText('');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const loadOlder = async () => {
    const last = all[all.length - 1];
    if (!last) return;
    try {
      const page = await api.of(kind, titleId, { date: last.date, id: last.id });
      setOlder((known) => [...known, ...page]);
      if (page.length === 0) setEnd(true);
    } catch (failure) {
      setError(failure);
    }
  };

  const replace = (next: Comment) => {
    list.setData((list.data ?? []).map((c) => (c.id === next.id ? next : c)));
    setOlder((known) => known.map((c) => (c.id === next.id ? next : c)));
  };
  const remove = (id: string) => {
    list.setData((list.data ?? []).filter((c) => c.id !== id));
    setOlder((known) => known.filter((c) => c.id !== id));
  };

  return (
    <section aria-labelledby="comments-heading" className="comments">
      <h2 id="comments-heading">{t('comments.title')}</h2>
      {user ? (
        <form onSubmit={(event) => void post(event)} className="form comment-form">
          <label htmlFor="new-comment">{t('comments.new')}</label>
          <textarea
            id="new-comment"
            value={text}
            maxLength={MAX_LENGTH}
            rows={3}
            onChange={(event) => setText(event.target.value)}
          />
          <small className="hint">{t('comments.left', { count: MAX_LENGTH - [...text].length })}</small>
          <ErrorText error={error} />
          <button type="submit" className="button primary" disabled={busy || !text.trim()}>
            {t('comments.post')}
          </button>
        </form>
      ) : null}
      <ErrorText error={list.error} />
      {list.data && all.length === 0 ? <p className="empty">{t('comments.none')}</p> : null}
      <ol className="comment-list">
        {all.map((comment) => (
          <CommentItem key={comment.id} comment={comment} own={user?.id === comment.authorId} onChange={replace} onRemove={remove} />
        ))}
      </ol>
      {all.length >= 50 && !end ? (
        <button type="button" className="button" onClick={() => void loadOlder()}>
          {t('comments.older')}
        </button>
      ) : null}
    </section>
  );
}

function CommentItem({
  comment,
  own,
  onChange,
  onRemove,
}: {
  comment: Comment;
  own: boolean;
  onChange: (comment: Comment) => void;
  onRemove: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(comment.content);
  const [error, setError] = useState<unknown>();
  const date = new Date(comment.date);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onChange(await api.edit(comment.id, text));
      setEditing(false);
      setError(undefined);
    } catch (failure) {
      setError(failure);
    }
  };
  const remove = async () => {
    if (!window.confirm(t('comments.confirmDelete'))) return;
    try {
      await api.remove(comment.id);
      onRemove(comment.id);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <li className="comment">
      <p className="comment-meta">
        <Link to={personPath(comment.authorId)}>{comment.username}</Link>{' '}
        <time dateTime={comment.date}>{date.toLocaleString(i18n.language)}</time>
        {comment.editedAt ? <small> {t('comments.edited')}</small> : null}
      </p>
      {editing ? (
        <form onSubmit={(event) => void save(event)} className="form">
          <label htmlFor={`edit-${comment.id}`} className="visually-hidden">
            {t('comments.edit')}
          </label>
          <textarea id={`edit-${comment.id}`} value={text} maxLength={MAX_LENGTH} rows={3} onChange={(event) => setText(event.target.value)} />
          <div className="actions">
            <button type="submit" className="button primary" disabled={!text.trim()}>
              {t('common.save')}
            </button>
            <button type="button" className="button subtle" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <p className="comment-text">{comment.content}</p>
      )}
      <ErrorText error={error} />
      {own && !editing ? (
        <div className="actions">
          <button type="button" className="button subtle" onClick={() => { setText(comment.content); setEditing(true); }}>
            {t('comments.edit')}
          </button>
          <button type="button" className="button subtle" onClick={() => void remove()}>
            {t('comments.delete')}
          </button>
        </div>
      ) : null}
    </li>
  );
}
