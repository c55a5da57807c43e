import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type HlsType from 'hls.js';
import { library, streaming } from '../api/endpoints';
import { ApiError } from '../api/problem';
import type { PlaybackAnswer, SubtitleTrack, TorrentDebug } from '../api/types';
import { usePageTitle } from '../hooks';
import { titlePath } from '../routes';
import { formatBytes, formatRate } from './format';
import { progressReport, resumePosition } from './progress';
import { actionFor } from './shortcuts';
import { browserSupport, chooseHlsEngine, supportQuery, withStart } from './support';
import { DebugPanel } from './DebugPanel';
import { PlayerFailure } from './PlayerFailure';
import { SUBTITLES_RECHECK_MS, shownNow, somePending, trackSource, worthAskingAgain } from './subtitles';

type Phase = 'starting' | 'waiting-metadata' | 'deciding' | 'playing' | 'failed';

const REPORT_EVERY_MS = 15_000;

/** A text subtitle track as the <video> gets it. */
type ShownSubtitle = SubtitleTrack & { src: string };

const subtitleUrl = (infoHash: string, fileIndex: number, id: string) =>
  `/api/stream/${encodeURIComponent(infoHash)}/${fileIndex}/subtitles/${encodeURIComponent(id)}.vtt`;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The player: joins the torrent's download (POST /api/stream), asks streaming-service how this browser
 * plays the file (…/playback with what the browser supports), then plays it directly or as HLS (hls.js, or
 * the browser's own HLS). Resumes where the user stopped, reports progress to media-service, tells the
 * truth while buffering (peers, speed, what it waits for), and says why a source fails (and starts the next
 * one in one click). Each torrent gets a player of its own: nothing of a failed source carries over.
 */
export default function PlayerPage() {
  const { infoHash = '' } = useParams();
  return <Player key={infoHash} infoHash={infoHash} />;
}

function Player({ infoHash }: { infoHash: string }) {
  const { t, i18n } = useTranslation();
  const [subtitles, setSubtitles] = useState<ShownSubtitle[]>([]);
  const [params] = useSearchParams();
  const titleId = params.get('title');
  const kind = params.get('kind') === 'show' ? 'show' : 'movie';
  const season = params.has('season') ? Number(params.get('season')) : undefined;
  const episode = params.has('episode') ? Number(params.get('episode')) : undefined;
  const fileParam = params.get('file');
  usePageTitle(t('player.title'));

  const video = useRef<HTMLVideoElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [phase, setPhase] = useState<Phase>('starting');
  const [answer, setAnswer] = useState<PlaybackAnswer>();
  const [error, setError] = useState<unknown>();
  const [buffering, setBuffering] = useState(false);
  const [debug, setDebug] = useState<TorrentDebug>();
  const [debugOpen, setDebugOpen] = useState(false);
  const [engine, setEngine] = useState<string>();

  // Start (or join) the download, find the file, ask for the decision, attach the stream.
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let live = true;
    let hls: HlsType | undefined;
    const controller = new AbortController();
    (async () => {
      try {
        setPhase('starting');
        let torrent = await streaming.startHash(infoHash);
        let fileIndex = fileParam !== null && /^\d+$/.test(fileParam) ? Number(fileParam) : torrent.defaultFileIndex ?? null;
        while (live && fileIndex === null) {
          setPhase('waiting-metadata');
          await wait(2_000);
          torrent = await streaming.describe(infoHash);
          fileIndex = torrent.defaultFileIndex ?? null;
          if (torrent.files.length > 0 && fileIndex === null) throw new ApiError({ status: 422, kind: 'unplayable-media' });
        }
        if (!live || fileIndex === null) return;
        setPhase('deciding');
        const decided = await withRetries(() => streaming.playback(infoHash, fileIndex, supportQuery(browserSupport()), controller.signal), () => live);
        if (!live) return;
        setAnswer(decided);
        const resume = titleId ? resumePosition(await library.continueWatching().catch(() => []), titleId, season, episode) : null;
        if (!live) return;
        if (resume !== null) {
          element.addEventListener('loadedmetadata', () => (element.currentTime = resume), { once: true });
        }
        // Subtitle tracks beside the video: English and the user's language first (streaming-service orders them).
        // A video's own tracks grow with the download: the list is asked again, and they are reloaded, until whole.
        void (async () => {
          for (let asked = 0; live && asked < 240; asked++) {
            let tracks: SubtitleTrack[] | null = null;
            try {
              tracks = await streaming.subtitles(infoHash, fileIndex, i18n.language, { imdbId: params.get('imdb'), season, episode });
            } catch (error) {
              if (!worthAskingAgain(error)) return;
            }
            if (!live) return;
            if (tracks !== null) {
              setSubtitles(shownNow(tracks).map((track) => ({ ...track, src: trackSource(subtitleUrl(infoHash, fileIndex, track.id), track, asked) })));
              if (!somePending(tracks)) return;
            }
            await wait(SUBTITLES_RECHECK_MS);
          }
        })();
        if (decided.method === 'direct') {
          setEngine('direct');
          element.src = decided.url;
        } else {
          const { default: Hls } = await import('hls.js');
          if (!live) return;
          const chosen = chooseHlsEngine(Hls.isSupported(), element);
          setEngine(chosen);
          if (chosen === 'hls.js') {
            hls = new Hls({ enableWorker: true, startPosition: resume ?? -1, debug: false });
            let recovered = false;
            hls.on(Hls.Events.ERROR, (_event, data) => {
              if (!data.fatal || !hls) return;
              if (data.type === Hls.ErrorTypes.MEDIA_ERROR && !recovered) {
                recovered = true;
                hls.recoverMediaError();
              } else if (data.type === Hls.ErrorTypes.NETWORK_ERROR && !recovered) {
                recovered = true;
                hls.startLoad();
              } else {
                setError(new ApiError({ status: 422, kind: 'conversion-failed' }));
                setPhase('failed');
              }
            });
            // Where the player will start: the first conversion run begins there rather than at 0.
            hls.loadSource(resume !== null ? withStart(decided.url, resume) : decided.url);
            hls.attachMedia(element);
          } else if (chosen === 'native') {
            element.src = decided.url;
          } else {
            throw new ApiError({ status: 422, kind: 'unplayable-media' });
          }
        }
        setPhase('playing');
        element.play().catch(() => {
          // Autoplay refused (no gesture yet): the controls are there to press play.
        });
      } catch (failure) {
        if (!live) return;
        setError(failure);
        setPhase('failed');
      }
    })();
    return () => {
      live = false;
      controller.abort();
      hls?.destroy();
      element.removeAttribute('src');
      element.load();
    };
  }, [infoHash, fileParam, titleId, season, episode]);

  // Progress: every 15 s while playing, on pause and at the end, and as the page goes away.
  const lastReported = useRef(-1);
  const report = useCallback(
    (keepalive = false) => {
      const element = video.current;
      if (!element) return;
      const next = progressReport(titleId, season, episode, element.currentTime, element.duration);
      if (!next || Math.abs(next.positionSeconds - lastReported.current) < 3) return;
      lastReported.current = next.positionSeconds;
      library.report(next, keepalive).catch(() => {
        // Progress is best effort: the next report tries again.
      });
    },
    [titleId, season, episode],
  );
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    const timer = setInterval(() => !element.paused && report(), REPORT_EVERY_MS);
    const onPause = () => report();
    const onHide = () => report(true);
    element.addEventListener('pause', onPause);
    element.addEventListener('ended', onPause);
    window.addEventListener('pagehide', onHide);
    return () => {
      clearInterval(timer);
      element.removeEventListener('pause', onPause);
      element.removeEventListener('ended', onPause);
      window.removeEventListener('pagehide', onHide);
      report(true);
    };
  }, [report]);

  // Buffering: the video's own events say when it waits.
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    const on = () => setBuffering(true);
    const off = () => setBuffering(false);
    const failed = () => {
      if (element.error && element.getAttribute('src') !== null) {
        setError(new ApiError({ status: 422, kind: 'unplayable-media' }));
        setPhase('failed');
      }
    };
    element.addEventListener('waiting', on);
    element.addEventListener('playing', off);
    element.addEventListener('canplay', off);
    element.addEventListener('error', failed);
    return () => {
      element.removeEventListener('waiting', on);
      element.removeEventListener('playing', off);
      element.removeEventListener('canplay', off);
      element.removeEventListener('error', failed);
    };
  }, []);

  // What the swarm is doing, while waiting or while the debug panel is open.
  const waiting = phase === 'starting' || phase === 'waiting-metadata' || phase === 'deciding' || buffering;
  useEffect(() => {
    // Not before POST /api/stream answered: until then the torrent may not run, and asking would be a 404.
    if (!(waiting || debugOpen) || phase === 'failed' || phase === 'starting') return;
    let live = true;
    const poll = async () => {
      try {
        const state = await streaming.debug(infoHash);
        if (live) setDebug(state);
      } catch {
        // Not running yet: the next poll will know.
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), 2_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [waiting, debugOpen, phase, infoHash]);

  // Keyboard shortcuts.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const element = video.current;
      const target = event.target as HTMLElement | null;
      const action = actionFor({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        targetTag: target?.tagName,
        targetEditable: target?.isContentEditable,
      });
      if (!action || !element) return;
      event.preventDefault();
      switch (action.type) {
        case 'toggle-play':
          if (element.paused) void element.play().catch(() => undefined);
          else element.pause();
          break;
        case 'seek':
          element.currentTime = Math.max(0, Math.min(element.duration || Infinity, element.currentTime + action.seconds));
          break;
        case 'volume':
          element.volume = Math.max(0, Math.min(1, Math.round((element.volume + action.delta) * 10) / 10));
          break;
        case 'mute':
          element.muted = !element.muted;
          break;
        case 'fullscreen':
          if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
          else void frame.current?.requestFullscreen?.().catch(() => undefined);
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const back = titleId ? titlePath(kind, titleId) : '/library';
  return (
    <div className="player-page">
      <h1 className="visually-hidden">{t('player.title')}</h1>
      <div className="player-frame" ref={frame}>
        <video ref={video} controls playsInline preload="metadata" className="player-video" aria-label={t('player.video')}>
          {subtitles.map((track) => (
            <track key={track.id} kind="subtitles" src={track.src} srcLang={track.language || undefined} label={track.label} />
          ))}
        </video>
        {waiting && phase !== 'failed' ? <Waiting phase={phase} debug={debug} /> : null}
      </div>
      {phase === 'failed' ? (
        <PlayerFailure error={error} infoHash={infoHash} watching={{ titleId, kind, season, episode, imdbId: params.get('imdb') }} />
      ) : null}
      {answer ? (
        <section className="decision" aria-labelledby="decision-heading">
          <h2 id="decision-heading">{t(`player.method.${answer.method}`, { defaultValue: answer.method })}</h2>
          {answer.reasons.length ? (
            <ul className="reasons">
              {answer.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          ) : null}
          {engine && engine !== 'direct' ? <p className="hint">{t('player.engine', { engine })}</p> : null}
        </section>
      ) : null}
      <p className="hint shortcuts">{t('player.shortcuts')}</p>
      <details className="debug" onToggle={(event) => setDebugOpen((event.currentTarget as HTMLDetailsElement).open)}>
        <summary>{t('player.debug')}</summary>
        {debug ? <DebugPanel debug={debug} /> : <p>{t('common.loading')}</p>}
      </details>
      <p>
        <Link to={back}>{t('player.back')}</Link>
      </p>
    </div>
  );
}

/** Retries while streaming-service says "not yet" (a probe, the metadata) with a Retry-After. */
async function withRetries<T>(call: () => Promise<T>, alive: () => boolean, attempts = 12): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const later = error instanceof ApiError && ['probe-failed', 'metadata-pending', 'stream-stalled', 'conversion-slow'].includes(error.kind);
      if (!later || attempt >= attempts || !alive()) throw error;
      await wait(Math.min(10, (error as ApiError).retryAfter ?? 3) * 1000);
    }
  }
}

/** The buffering indicator: what the player is waiting for, and how the swarm is doing. */
function Waiting({ phase, debug }: { phase: Phase; debug?: TorrentDebug }) {
  const { t } = useTranslation();
  const peers = debug?.peers.length ?? 0;
  const ahead = Math.max(0, ...(debug?.readers.map((reader) => reader.bytesBufferedAhead) ?? [0]));
  let what: string;
  if (phase === 'starting') what = t('player.wait.starting');
  else if (phase === 'waiting-metadata') what = t('player.wait.metadata');
  else if (phase === 'deciding') what = t('player.wait.deciding');
  else if (debug && peers === 0) what = t('player.wait.peers');
  else what = t('player.wait.pieces', { ahead: formatBytes(ahead) });
  return (
    <div className="waiting" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <p>{what}</p>
      {debug ? (
        <p className="waiting-stats">{t('player.wait.stats', { peers, rate: formatRate(debug.downloadRate), progress: Math.floor(debug.progress * 100) })}</p>
      ) : null}
    </div>
  );
}
