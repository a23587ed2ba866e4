export { Emulator, startEmulator, type EmulatorOptions } from './emulator-server';
export {
  type AnthropicStopReason,
  type EmulatedError,
  type EmulatedToolCall,
  type EmulatedUsage,
  type EmulatorBehaviour,
  type OpenAiFinishReason,
} from './behaviour';
export { type RequestRecord } from './request-record';
