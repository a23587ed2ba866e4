import { z } from 'zod';

/** An ISO-8601 date-time with a zone (`2025-01-31T00:00:00Z`, `2025-01-31T01:00:00+01:00`). */
export const isoTimeSchema = z.iso.datetime({ offset: true, error: () => 'must be an ISO-8601 time like 2025-01-31T00:00:00Z' });
