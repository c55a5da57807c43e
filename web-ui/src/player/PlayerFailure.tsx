import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { catalog, streaming } from '../api/endpoints';
import { isSourceProblem } from '../api/problem';
import type { TitleKind } from '../api/types';
import { ErrorText } from '../components/ErrorText';
import { titlePath, watchPath } from '../routes';
import { anotherSourceMayPlay, nextSource, triedSources } from './nextSource';

/** What is being watched, from the player's address. */
export interface Watching {
  titleId: string | null;
  kind: TitleKind;
  season?: number;
  episode?: number;
  imdbId?: string | null;
}

/**
 * Why the player stopped, and what to do: when another source may play, one click starts the next source
 * of the title's ranked list; else (or with no title to list sources for) the way back.
 */
export function PlayerFailure({ error, infoHash, watching }: { error: unknown; infoHash: string; watching: Watching }) {
  const { t } = useTranslation();
  const back = watching.titleId ? titlePath(watching.kind, watching.titleId) : '/library';
  const { titleId } = watching;
  const listable = titleId !== null && (watching.kind === 'movie' || (watching.season !== undefined && watching.episode !== undefined));
  return (
    <div className="player-error">
      <ErrorText error={error} />
      {anotherSourceMayPlay(error) && listable ? (
        <NextSource infoHash={infoHash} watching={{ ...watching, titleId }} back={back} />
      ) : (
        <Link className={anotherSourceMayPlay(error) ? 'button primary' : 'button'} to={back}>
          {anotherSourceMayPlay(error) ? t('player.pickAnother') : t('player.back')}
        </Link>
      )}
    </div>
  );
}

/** The "pick another source" button: lists the title's sources, starts the next one, opens its player. */
function NextSource({ infoHash, watching, back }: { infoHash: string; watching: Watching & { titleId: string }; back: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [state, setState] = useState<'idle' | 'looking' | 'none'>('idle');
  const [error, setError] = useState<unknown>();
  const { titleId, kind, season, episode, imdbId } = watching;

  const pick = async () => {
    setState('looking');
    setError(undefined);
    try {
      const { sources } =
        kind === 'show' && season !== undefined && episode !== undefined
          ? await catalog.episodeSources(titleId, season, episode)
          : await catalog.filmSources(titleId);
      let tried = [...triedSources(location.state), infoHash];
      // A source that cannot even start (resting after a failure, an invalid magnet) is passed over at once.
      for (let next = nextSource(sources, infoHash, tried); next; next = nextSource(sources, next.infoHash, tried)) {
        try {
          const torrent = await streaming.startMagnet(next.magnet);
          const path = watchPath({ infoHash: torrent.infoHash, fileIndex: torrent.defaultFileIndex, titleId, kind, season, episode, imdbId });
          // In place of the failed source: "back" goes to where the user came from, not to a source that failed.
          return navigate(path, { replace: true, state: { tried } });
        } catch (failure) {
          if (!isSourceProblem(failure)) throw failure;
          tried = [...tried, next.infoHash];
        }
      }
      setState('none');
    } catch (failure) {
      setError(failure);
      setState('idle');
    }
  };

  if (state === 'none') {
    return (
      <>
        <p role="status">{t('player.noOtherSource')}</p>
        <Link className="button" to={back}>
          {t('player.back')}
        </Link>
      </>
    );
  }
  return (
    <>
      <ErrorText error={error} />
      <button type="button" className="button primary" disabled={state === 'looking'} onClick={() => void pick()}>
        {state === 'looking' ? t('player.lookingForAnother') : t('player.pickAnother')}
      </button>
    </>
  );
}
