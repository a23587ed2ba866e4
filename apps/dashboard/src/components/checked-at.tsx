interface CheckedAtProps {
  time: Date | undefined;
}

/** "Last checked 14:02:11", or nothing before the first answer. */
export function CheckedAt({ time }: CheckedAtProps) {
  if (!time) return null;
  return (
    <span className="checked-at">
      Last checked <time dateTime={time.toISOString()}>{time.toLocaleTimeString()}</time>
    </span>
  );
}
