import { Transform } from 'node:stream';

/** A stream translator: fed one input at a time, it answers with zero or more outputs, and a last batch at the end. */
export interface StreamMachine<Input, Output> {
  push(input: Input): Output[];
  end(): Output[];
}

export interface MachineTransformOptions {
  /** Whether the writable side takes objects (default) or bytes (Buffers; strings are turned into Buffers). */
  writableObjectMode?: boolean;
  /** Whether the readable side gives objects (default) or bytes (the machine must then output strings or Uint8Arrays). */
  readableObjectMode?: boolean;
}

/**
 * Wraps a stream translator into a Node Transform. An exception from the machine errors the stream,
 * so `pipeline` rejects with it.
 */
export function machineTransform<Input, Output>(
  machine: StreamMachine<Input, Output>,
  options: MachineTransformOptions = {},
): Transform {
  return new Transform({
    writableObjectMode: options.writableObjectMode ?? true,
    readableObjectMode: options.readableObjectMode ?? true,
    transform(chunk: Input, _encoding, callback) {
      let outputs: Output[];
      try {
        outputs = machine.push(chunk);
      } catch (error) {
        callback(error as Error);
        return;
      }
      for (const output of outputs) this.push(output);
      callback();
    },
    flush(callback) {
      let outputs: Output[];
      try {
        outputs = machine.end();
      } catch (error) {
        callback(error as Error);
        return;
      }
      for (const output of outputs) this.push(output);
      callback();
    },
  });
}
