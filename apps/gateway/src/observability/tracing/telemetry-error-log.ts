/** At most one line this often: a collector that is down fails every export, every second. */
const REPORT_EVERY_MS = 60_000;

export interface WarningLogger {
  warn(message: string): void;
}

/**
 * The OpenTelemetry SDK's global error handler while telemetry is on. Failed exports of spans and metrics (and any
 * other error the SDK reports) are logged as warnings, at most once a minute, saying how many were left out since the
 * last line. The SDK's own handler hands them to its diag logger, which says nothing unless OTEL_LOG_LEVEL is set: a
 * wrong `otlp_endpoint` went unnoticed.
 */
export function telemetryErrorLog(logger: WarningLogger, now: () => number = Date.now): (error: unknown) => void {
  let quietUntil = Number.NEGATIVE_INFINITY;
  let leftOut = 0;
  return (error) => {
    const at = now();
    if (at < quietUntil) {
      leftOut++;
      return;
    }
    quietUntil = at + REPORT_EVERY_MS;
    const since = leftOut === 0 ? '' : ` (and ${leftOut} more in the last minute)`;
    leftOut = 0;
    logger.warn(`OpenTelemetry export or SDK error: ${messageOf(error)}${since}`);
  };
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' ? error : JSON.stringify(error);
}
