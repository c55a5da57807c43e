/** The player's keyboard shortcuts: space (or k), arrows, f, m. */
export type PlayerAction =
  | { type: 'toggle-play' }
  | { type: 'seek'; seconds: number }
  | { type: 'volume'; delta: number }
  | { type: 'fullscreen' }
  | { type: 'mute' };

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The focused element's tag name (upper case, as the DOM gives it) and whether it is editable. */
  targetTag?: string;
  targetEditable?: boolean;
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const PRESSABLE = new Set(['BUTTON', 'A', 'SUMMARY']);

/** What a key press does to the player, or null when it belongs to something else. */
export function actionFor(key: KeyLike): PlayerAction | null {
  if (key.ctrlKey || key.metaKey || key.altKey) return null;
  if (key.targetEditable || TYPING.has(key.targetTag ?? '')) return null;
  switch (key.key) {
    case ' ':
    case 'Spacebar':
      // Space on a focused button presses that button.
      return PRESSABLE.has(key.targetTag ?? '') ? null : { type: 'toggle-play' };
    case 'k':
    case 'K':
      return { type: 'toggle-play' };
    case 'ArrowLeft':
      return { type: 'seek', seconds: -10 };
    case 'ArrowRight':
      return { type: 'seek', seconds: 10 };
    case 'ArrowUp':
      return { type: 'volume', delta: 0.1 };
    case 'ArrowDown':
      return { type: 'volume', delta: -0.1 };
    case 'f':
    case 'F':
      return { type: 'fullscreen' };
    case 'm':
    case 'M':
      return { type: 'mute' };
    default:
      return null;
  }
}
