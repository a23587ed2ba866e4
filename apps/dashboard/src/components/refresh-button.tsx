interface RefreshButtonProps {
  onRefresh: () => void;
  refreshing: boolean;
  /** What is refreshed, for screen readers: "gateway status". */
  subject: string;
}

export function RefreshButton({ onRefresh, refreshing, subject }: RefreshButtonProps) {
  return (
    <button
      type="button"
      className="button"
      onClick={onRefresh}
      disabled={refreshing}
      aria-label={`Refresh ${subject}`}
    >
      {refreshing ? 'Refreshing…' : 'Refresh'}
    </button>
  );
}
