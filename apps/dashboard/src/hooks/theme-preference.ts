export type ThemePreference = 'system' | 'light' | 'dark';

const storageEntry = 'gatehouse-theme';

/** The chosen colour theme, kept in localStorage and applied as `data-theme` on <html> (the CSS reads it). */
export const themePreference = {
  read(): ThemePreference {
    const stored = localStorage.getItem(storageEntry);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  },
  apply(preference: ThemePreference): void {
    if (preference === 'system') {
      localStorage.removeItem(storageEntry);
      delete document.documentElement.dataset.theme;
    } else {
      localStorage.setItem(storageEntry, preference);
      document.documentElement.dataset.theme = preference;
    }
  },
};
