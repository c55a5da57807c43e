import type { LibraryEntry } from '../api/types';

/** What the player reports to media-service (PUT /api/library/progress), or null when there is nothing to say. */
export function progressReport(
  titleId: string | null,
  season: number | undefined,
  episode: number | undefined,
  currentTime: number,
  duration: number,
): { titleId: string; season?: number; episode?: number; positionSeconds: number; durationSeconds: number } | null {
  if (!titleId || !Number.isFinite(duration) || duration < 1 || !Number.isFinite(currentTime)) return null;
  const durationSeconds = Math.min(86_400, Math.ceil(duration));
  const positionSeconds = Math.min(durationSeconds, Math.max(0, Math.floor(currentTime)));
  const report = { titleId, positionSeconds, durationSeconds };
  return season !== undefined && episode !== undefined ? { ...report, season, episode } : report;
}

/** Where to resume: the saved position of this film or episode, when media-service offers to resume it. */
export function resumePosition(
  entries: LibraryEntry[],
  titleId: string | null,
  season: number | undefined,
  episode: number | undefined,
): number | null {
  if (!titleId) return null;
  const entry = entries.find(
    (candidate) =>
      candidate.progress.titleId === titleId &&
      candidate.progress.season === (season ?? 0) &&
      candidate.progress.episode === (episode ?? 0),
  );
  if (!entry || !entry.progress.resumable || entry.progress.watched) return null;
  return entry.progress.positionSeconds;
}
