import { type EmulatorBehaviour } from './behaviour';
import { findDirective } from './directive';

export interface ChosenBehaviour {
  behaviour: EmulatorBehaviour | undefined;
  /** The last user text without any directive: what the echo reply repeats. */
  userText: string;
}

/** Where a request's behaviour comes from: the queue, then a prompt directive, then the default, else echo. */
export class BehaviourScript {
  private readonly queue: EmulatorBehaviour[] = [];
  private fallback: EmulatorBehaviour | undefined;

  enqueue(...behaviours: EmulatorBehaviour[]): void {
    this.queue.push(...behaviours);
  }

  setDefault(behaviour: EmulatorBehaviour | undefined): void {
    this.fallback = behaviour;
  }

  get pending(): number {
    return this.queue.length;
  }

  reset(): void {
    this.queue.length = 0;
    this.fallback = undefined;
  }

  choose(lastUserText: string): ChosenBehaviour {
    const directive = findDirective(lastUserText);
    const userText = directive ? directive.remainingText : lastUserText;
    const queued = this.queue.shift();
    if (queued) return { behaviour: queued, userText };
    if (directive) return { behaviour: directive.behaviour, userText };
    return { behaviour: this.fallback, userText };
  }
}
