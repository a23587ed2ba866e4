import { useCallback, useState } from 'react';
import { type ThemePreference, themePreference } from './theme-preference';

/** The theme select's state: the stored preference and a setter that applies it at once. */
export function useThemePreference(): [ThemePreference, (preference: ThemePreference) => void] {
  const [preference, setPreference] = useState(themePreference.read);
  const choose = useCallback((next: ThemePreference) => {
    themePreference.apply(next);
    setPreference(next);
  }, []);
  return [preference, choose];
}
