const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An ISO time as the reader's local date and time; an em dash for none. */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '—';
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : dateTimeFormat.format(time);
}
