import { useState } from 'react';
import type { Profile } from '../api/types';

/**
 * The user's avatar (served with the ht_access cookie), or their initials when they have none: the profile then
 * says so (avatarUrl null) and no picture is asked for; a picture that fails to load shows the initials too.
 */
export function Avatar({ profile, size = 48, version = 0 }: { profile: Profile; size?: number; version?: number }) {
  const [missing, setMissing] = useState(false);
  const initials = `${profile.firstName?.[0] ?? ''}${profile.lastName?.[0] ?? ''}`.toUpperCase() || profile.username[0];
  if (!profile.avatarUrl || missing) {
    return (
      <span className={`avatar avatar-${size}`} aria-hidden="true">
        {initials}
      </span>
    );
  }
  return (
    <img
      className={`avatar avatar-${size}`}
      src={version ? `${profile.avatarUrl}?v=${version}` : profile.avatarUrl}
      alt=""
      width={size}
      height={size}
      onError={() => setMissing(true)}
    />
  );
}
