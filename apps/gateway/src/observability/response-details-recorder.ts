import { type CanonicalStreamEvent, type StreamMachine } from '@gatehouse/translate';
import { type ResponseDetails } from './request-outcome';

/**
 * Wraps an upstream stream decoder to note, as canonical events go by, the response id and model (from `start`)
 * and the upstream's own stop reason (from `stop`). The events pass through unchanged.
 */
export class ResponseDetailsRecorder<Input> implements StreamMachine<Input, CanonicalStreamEvent> {
  readonly details: ResponseDetails = {};

  constructor(private readonly decoder: StreamMachine<Input, CanonicalStreamEvent>) {}

  push(input: Input): CanonicalStreamEvent[] {
    return this.note(this.decoder.push(input));
  }

  end(): CanonicalStreamEvent[] {
    return this.note(this.decoder.end());
  }

  private note(events: CanonicalStreamEvent[]): CanonicalStreamEvent[] {
    for (const event of events) {
      if (event.type === 'start') {
        this.details.id = event.id;
        this.details.model = event.model;
      } else if (event.type === 'stop') {
        this.details.finishReasons = [event.rawStopReason ?? event.stopReason];
      }
    }
    return events;
  }
}
