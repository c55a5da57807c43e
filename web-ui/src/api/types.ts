/** What the services answer, as the app reads it (see each service's records named in the comments). */

import type { components as AuthApi } from './generated/auth-service';
import type { components as MediaApi } from './generated/media-service';
import type { components as SourceApi } from './generated/source-service';
import type { components as StreamingApi } from './generated/streaming-service';

type Auth = AuthApi['schemas'];
type Media = MediaApi['schemas'];
type Sources = SourceApi['schemas'];
type Streaming = StreamingApi['schemas'];

/**
 * A service's answer as the app reads it. Its shape (names and types) comes from the service's OpenAPI
 * description (web-ui/openapi/, generated into ./generated/ by `npm run api-types`; each service's tests check the
 * copy against what it publishes). springdoc marks no field of a Java record required, so every field is taken as
 * always sent except those named here as possibly absent or null (what the record may leave null), and fields
 * that hold another schema are retyped with that schema's `Sent` form.
 */
type Sent<T, MaybeAbsent extends keyof T = never, Retyped extends keyof T = never> = {
  [K in Exclude<keyof T, MaybeAbsent | Retyped>]-?: Exclude<T[K], undefined>;
} & { [K in Exclude<MaybeAbsent, Retyped>]?: Exclude<T[K], undefined> | null };

/**
 * auth-service account/Profile: email, preferredLanguage and hasPassword only for oneself; avatarUrl always
 * sent, null when the user has no picture.
 */
export type Profile = Sent<Auth['Profile'], 'email' | 'preferredLanguage' | 'hasPassword' | 'createdAt'>;

/** auth-service apiclient/ApiClients.ApiClientView: a program the user registered, never its secret. */
export type ApiClient = Sent<Auth['ApiClientView']>;

/** auth-service apiclient/ApiClientCreated: the new program's credentials; the secret is shown this once. */
export type ApiClientCreated = Sent<Auth['ApiClientCreated']>;

/** auth-service session/Session. */
export type Session = Sent<Auth['Session'], never, 'user'> & { user: Profile };

export type TitleKind = 'movie' | 'show';

export type Rating = Sent<Media['Rating'], 'votes'>;

/** media-service CatalogViews.TitleSummary. */
export type TitleSummary = Sent<Media['TitleSummary'], 'year' | 'coverUrl', 'rating'> & {
  rating?: Rating | null;
};

export type TitlePage = Sent<Media['TitlePage'], 'nextCursor', 'items' | 'nextCursor'> & {
  items: TitleSummary[];
  nextCursor: string | null;
};

export type Genre = Sent<Media['Genre']>;

export type CastMember = Sent<Media['CastMember'], 'character'>;

export type SeasonSummary = Sent<Media['SeasonSummary'], 'name' | 'episodeCount' | 'airDate'>;

/** media-service CatalogViews.TitleDetails. */
export type TitleDetails = Sent<
  Media['TitleDetails'],
  | 'originalTitle'
  | 'year'
  | 'runtimeMinutes'
  | 'overview'
  | 'coverUrl'
  | 'backdropUrl'
  | 'director'
  | 'imdbId'
  | 'tmdbId'
  | 'metadataSource',
  'rating' | 'cast' | 'seasons'
> & { rating?: Rating | null; cast: CastMember[]; seasons: SeasonSummary[] };

export type Episode = Sent<Media['Episode'], 'name' | 'overview' | 'airDate' | 'runtimeMinutes' | 'stillUrl'>;

export type Season = Sent<Media['Season'], 'name' | 'overview' | 'airDate', 'episodes'> & {
  episodes: Episode[];
};

/** media-service LibraryViews.Progress. */
export type Progress = Sent<Media['Progress']>;

/** media-service LibraryViews.Entry. */
export type LibraryEntry = Sent<Media['Entry'], never, 'title' | 'progress'> & {
  title: TitleSummary;
  progress: Progress;
};

/** media-service CommentViews.Comment: content is plain text, always shown as text. */
export type Comment = Sent<Media['Comment'], 'editedAt'>;

/** source-service SourcesAnswer.Source. */
export type Source = Sent<
  Sources['Source'],
  | 'sizeBytes'
  | 'seeders'
  | 'leechers'
  | 'measuredAt'
  | 'quality'
  | 'videoCodec'
  | 'audioCodec'
  | 'container'
>;

export type SourcesAnswer = Sent<Sources['SourcesAnswer'], never, 'sources' | 'providers'> & {
  sources: Source[];
  providers: Sent<Sources['Provider']>[];
};

/** streaming-service stream/TorrentDescription. */
export type TorrentFileEntry = Sent<Streaming['FileEntry'], 'media', 'media'>;

export type TorrentDescription = Sent<Streaming['TorrentDescription'], 'jobId' | 'status' | 'defaultFileIndex', 'files'> & {
  files: (TorrentFileEntry & { media?: MediaProbe | null })[];
};

/** streaming-service playback/MediaProbe (the parts the player reads). */
export type MediaProbe = Sent<Streaming['MediaProbe'], 'bitRate', 'video' | 'audio' | 'subtitles'> & {
  video: Sent<Streaming['Video'], 'profile' | 'level' | 'bitDepth' | 'pixelFormat'>[];
  audio: Sent<Streaming['Audio'], 'profile' | 'language'>[];
  subtitles: Sent<Streaming['Subtitle'], 'language' | 'title'>[];
};

/** streaming-service subtitles/SubtitleTrack; `source` narrowed to the sources the service names. */
export type SubtitleTrack = Sent<Streaming['SubtitleTrack'], never, 'source'> & {
  source: 'embedded' | 'torrent' | 'opensubtitles';
};

/** streaming-service PlaybackController.PlaybackAnswer; `method` narrowed to the ladder's four steps. */
export type PlaybackAnswer = Sent<Streaming['PlaybackAnswer'], 'media', 'method' | 'media'> & {
  method: 'direct' | 'remux' | 'audio-transcode' | 'transcode';
  media?: MediaProbe | null;
};

/** streaming-service debug/TorrentDebugController.TorrentDebug. */
export type TorrentDebug = Sent<Streaming['TorrentDebug'], never, 'peers' | 'readers'> & {
  peers: Sent<Streaming['PeerInfo']>[];
  readers: Sent<Streaming['ReaderWindow']>[];
};
