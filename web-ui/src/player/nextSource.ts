/**
 * "Pick another source" in one click: when a source fails, the player starts the next one of the title's
 * ranked list (source-service's order, best first). The sources that already failed on the way travel in the
 * player's history state (never in the URL), so a chain of failures walks down the list once and never
 * comes back to a source it tried.
 */
import { ApiError, isSourceProblem } from '../api/problem';

/** What a source needs for the choice: its info hash (the list's order is the rank). */
export interface Ranked {
  infoHash: string;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The source to try after `failed`: the first one ranked below it that was not tried yet; when none is
 * below it (or it is not in the list), the best one not tried yet; null when every other source was tried.
 */
export function nextSource<S extends Ranked>(sources: readonly S[], failed: string, tried: readonly string[] = []): S | null {
  const untried = (source: S) => !same(source.infoHash, failed) && !tried.some((hash) => same(hash, source.infoHash));
  const at = sources.findIndex((source) => same(source.infoHash, failed));
  return sources.slice(at + 1).find(untried) ?? sources.find(untried) ?? null;
}

/** The info hashes that already failed, from the player's history state (whatever else may be there). */
export function triedSources(state: unknown): string[] {
  const tried = state && typeof state === 'object' ? (state as { tried?: unknown }).tried : undefined;
  return Array.isArray(tried) ? tried.filter((hash): hash is string => typeof hash === 'string') : [];
}

/** Whether another source may play where this one failed: a source problem, or a file that cannot play (422). */
export function anotherSourceMayPlay(error: unknown): boolean {
  return isSourceProblem(error) || (error instanceof ApiError && error.status === 422);
}
