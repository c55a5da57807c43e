import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TorrentDebug } from '../api/types';
import { formatBytes, formatRate } from './format';

/** Seed 003's debug panel: rates, buffer ahead, the pieces bar and the peers. */
export function DebugPanel({ debug }: { debug: TorrentDebug }) {
  const { t } = useTranslation();
  const ahead = Math.max(0, ...debug.readers.map((reader) => reader.bytesBufferedAhead));
  return (
    <div className="debug-panel">
      <dl className="debug-facts">
        <dt>{t('debug.state')}</dt>
        <dd>{debug.state}</dd>
        <dt>{t('debug.progress')}</dt>
        <dd>{(debug.progress * 100).toFixed(1)} %</dd>
        <dt>{t('debug.down')}</dt>
        <dd>{formatRate(debug.downloadRate)}</dd>
        <dt>{t('debug.up')}</dt>
        <dd>{formatRate(debug.uploadRate)}</dd>
        <dt>{t('debug.ahead')}</dt>
        <dd>{formatBytes(ahead)}</dd>
        <dt>{t('debug.downloaded')}</dt>
        <dd>{formatBytes(debug.downloadedBytes)}</dd>
      </dl>
      <PiecesBar pieces={debug.pieces} label={t('debug.pieces')} />
      <table className="peers">
        <caption>{t('debug.peers', { count: debug.peers.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('debug.client')}</th>
            <th scope="col">{t('debug.down')}</th>
            <th scope="col">{t('debug.up')}</th>
            <th scope="col">{t('debug.peerPieces')}</th>
          </tr>
        </thead>
        <tbody>
          {debug.peers.slice(0, 50).map((peer, index) => (
            <tr key={index}>
              <td>{peer.client || '—'}</td>
              <td>{formatRate(peer.downloadRate)}</td>
              <td>{formatRate(peer.uploadRate)}</td>
              <td>{peer.pieces}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Pieces we have, as a bar: each column is the share of its pieces that is verified. */
function PiecesBar({ pieces, label }: { pieces: string; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context || pieces.length === 0) return;
    const width = (element.width = Math.max(1, element.clientWidth || 600));
    const height = (element.height = 16);
    context.clearRect(0, 0, width, height);
    const perColumn = pieces.length / width;
    for (let x = 0; x < width; x++) {
      const from = Math.floor(x * perColumn);
      const to = Math.max(from + 1, Math.floor((x + 1) * perColumn));
      let have = 0;
      for (let i = from; i < to && i < pieces.length; i++) if (pieces[i] === '1') have++;
      context.fillStyle = `rgba(80, 200, 120, ${have / (to - from)})`;
      context.fillRect(x, 0, 1, height);
    }
  }, [pieces]);
  const have = [...pieces].filter((bit) => bit === '1').length;
  return <canvas ref={canvas} className="pieces-bar" role="img" aria-label={`${label}: ${have} / ${pieces.length}`} />;
}
