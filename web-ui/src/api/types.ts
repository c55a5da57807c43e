/** What the services answer, as the app reads it (see each service's records named in the comments). */

/** auth-service account/Profile: email, preferredLanguage and hasPassword only for oneself. */
export interface Profile {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  avatarUrl?: string;
  email?: string;
  preferredLanguage?: string;
  hasPassword?: boolean;
  createdAt?: string;
}

/** auth-service session/Session. */
export interface Session {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
  user: Profile;
}

export type TitleKind = 'movie' | 'show';

export interface Rating {
  value: number;
  source: string;
  votes?: number | null;
}

/** media-service CatalogViews.TitleSummary. */
export interface TitleSummary {
  id: string;
  kind: string;
  title: string;
  year?: number | null;
  rating?: Rating | null;
  coverUrl?: string | null;
  genres: string[];
  watched: boolean;
  inProgress: boolean;
}

export interface TitlePage {
  items: TitleSummary[];
  nextCursor: string | null;
  sort: string;
  descending: boolean;
}

export interface Genre {
  id: string;
  name: string;
}

export interface CastMember {
  name: string;
  character?: string | null;
}

export interface SeasonSummary {
  number: number;
  name?: string | null;
  episodeCount?: number | null;
  airDate?: string | null;
}

/** media-service CatalogViews.TitleDetails. */
export interface TitleDetails {
  id: string;
  kind: string;
  title: string;
  originalTitle?: string | null;
  year?: number | null;
  runtimeMinutes?: number | null;
  overview?: string | null;
  rating?: Rating | null;
  coverUrl?: string | null;
  backdropUrl?: string | null;
  genres: string[];
  director?: string | null;
  producers: string[];
  cast: CastMember[];
  imdbId?: string | null;
  seasons: SeasonSummary[];
  commentCount: number;
  watched: boolean;
  inProgress: boolean;
}

export interface Episode {
  number: number;
  name?: string | null;
  overview?: string | null;
  airDate?: string | null;
  runtimeMinutes?: number | null;
  stillUrl?: string | null;
}

export interface Season {
  number: number;
  name?: string | null;
  overview?: string | null;
  episodes: Episode[];
}

/** media-service LibraryViews.Progress. */
export interface Progress {
  titleId: string;
  season: number;
  episode: number;
  positionSeconds: number;
  durationSeconds: number;
  watched: boolean;
  resumable: boolean;
  updatedAt: string;
}

export interface LibraryEntry {
  title: TitleSummary;
  progress: Progress;
}

/** media-service CommentViews.Comment: content is plain text, always shown as text. */
export interface Comment {
  id: string;
  movieId: string;
  authorId: string;
  username: string;
  content: string;
  date: string;
  editedAt?: string | null;
}

/** source-service SourcesAnswer.Source. */
export interface Source {
  infoHash: string;
  magnet: string;
  name: string;
  provider: string;
  sizeBytes?: number | null;
  seeders?: number | null;
  leechers?: number | null;
  measuredAt?: string | null;
  quality?: string | null;
  videoCodec?: string | null;
  audioCodec?: string | null;
  container?: string | null;
  playback: string;
  score: number;
  reasons: string[];
}

export interface SourcesAnswer {
  sources: Source[];
  providers: { name: string; status: string; count: number; tookMillis: number }[];
}

/** streaming-service stream/TorrentDescription. */
export interface TorrentFileEntry {
  index: number;
  path: string;
  size: number;
  mimeType: string;
  playable: boolean;
}

export interface TorrentDescription {
  infoHash: string;
  jobId?: string | null;
  status?: string | null;
  defaultFileIndex?: number | null;
  files: TorrentFileEntry[];
}

/** streaming-service playback/MediaProbe (the parts the player reads). */
export interface MediaProbe {
  container: string;
  durationSeconds: number;
  video: { codec: string; width: number; height: number }[];
  audio: { codec: string; channels: number; language?: string | null }[];
  subtitles: { index: number; codec: string; language?: string | null; title?: string | null }[];
}

/** streaming-service subtitles/SubtitleTrack. */
export interface SubtitleTrack {
  id: string;
  language: string;
  label: string;
  source: 'embedded' | 'torrent';
  forced: boolean;
  isDefault: boolean;
  text: boolean;
}

/** streaming-service PlaybackController.PlaybackAnswer. */
export interface PlaybackAnswer {
  infoHash: string;
  fileIndex: number;
  method: 'direct' | 'remux' | 'audio-transcode' | 'transcode';
  reasons: string[];
  url: string;
  media?: MediaProbe | null;
}

/** streaming-service debug/TorrentDebugController.TorrentDebug. */
export interface TorrentDebug {
  infoHash: string;
  state: string;
  progress: number;
  downloadRate: number;
  uploadRate: number;
  downloadedBytes: number;
  pieceLength: number;
  pieces: string;
  peers: {
    address: unknown;
    client: string;
    downloadRate: number;
    uploadRate: number;
    peerChoking: boolean;
    pieces: number;
  }[];
  readers: { piece: number; windowPieces: number; bytesBufferedAhead: number }[];
}
