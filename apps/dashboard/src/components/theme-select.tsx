import { useId } from 'react';
import { type ThemePreference } from '../hooks/theme-preference';
import { useThemePreference } from '../hooks/use-theme-preference';

/** Light, dark, or whatever the system says (the default). */
export function ThemeSelect() {
  const [preference, choose] = useThemePreference();
  const id = useId();
  return (
    <div className="theme-select">
      <label htmlFor={id} className="theme-select__label">
        Theme
      </label>
      <select id={id} className="select select--small" value={preference} onChange={(event) => choose(event.target.value as ThemePreference)}>
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </div>
  );
}
