import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { streaming } from '../api/endpoints';
import { ErrorText } from '../components/ErrorText';
import { usePageTitle } from '../hooks';
import { watchPath } from '../routes';

/** Play a magnet link or a .torrent file of one's own (uploaded, never fetched from a URL). */
export default function PlayPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  usePageTitle(t('play.title'));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const magnet = String(form.get('magnet') ?? '').trim();
    const file = form.get('torrent');
    setBusy(true);
    setError(undefined);
    try {
      const torrent =
        file instanceof File && file.size > 0 ? await streaming.uploadTorrent(file) : await streaming.startMagnet(magnet);
      navigate(watchPath({ infoHash: torrent.infoHash, fileIndex: torrent.defaultFileIndex }));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <section className="narrow">
      <h1>{t('play.title')}</h1>
      <p>{t('play.intro')}</p>
      <form onSubmit={(event) => void submit(event)} className="form">
        <div className="field">
          <label htmlFor="magnet">{t('play.magnet')}</label>
          <input id="magnet" name="magnet" type="text" placeholder="magnet:?xt=urn:btih:…" maxLength={16384} autoComplete="off" spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor="torrent">{t('play.file')}</label>
          <input id="torrent" name="torrent" type="file" accept=".torrent,application/x-bittorrent" />
        </div>
        <ErrorText error={error} />
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('sources.starting') : t('play.submit')}
        </button>
      </form>
    </section>
  );
}
