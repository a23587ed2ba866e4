import { Inject, Injectable } from '@nestjs/common';
import { DOMAIN_EXAMPLES, type DomainExampleVector, type DomainGuess, nearestDomain } from '@gatehouse/routing';
import { type GatehouseConfig } from '../config';
import { GATEHOUSE_CONFIG } from '../config/config.token';
import { LruCache } from './lru-cache';

const DEFAULT_MIN_SIMILARITY = 0.3;
const DEFAULT_TIMEOUT_MS = 2_000;
const CACHED_PROMPTS = 1_000;
// The start of a prompt says what it is about; embedding all of a long one would be slow and costly.
const MAX_CHARACTERS = 2_000;

/**
 * Domain detection by embedding similarity: the prompt's embedding is compared with embeddings of example prompts
 * per domain (`classifier.embeddings.examples`, else the built-in examples), from a configured OpenAI-compatible
 * /v1/embeddings endpoint. The examples are embedded once, on first use; prompts are cached in a small LRU.
 */
@Injectable()
export class EmbeddingsDomainClassifier {
  readonly enabled: boolean;
  private readonly settings?: NonNullable<NonNullable<GatehouseConfig['classifier']>['embeddings']>;
  private examples?: Promise<DomainExampleVector[]>;
  private readonly cache = new LruCache<string, Float32Array>(CACHED_PROMPTS);

  constructor(@Inject(GATEHOUSE_CONFIG) config: GatehouseConfig) {
    this.settings = config.classifier?.embeddings;
    this.enabled = this.settings !== undefined;
  }

  /** The closest domain; rejects when the endpoint fails (the caller falls back to the lexical classifier). */
  async classify(text: string): Promise<DomainGuess> {
    const sample = text.slice(0, MAX_CHARACTERS);
    const [examples, vector] = await Promise.all([this.exampleVectors(), this.promptVector(sample)]);
    return nearestDomain(vector, examples, this.settings?.min_similarity ?? DEFAULT_MIN_SIMILARITY);
  }

  private async promptVector(text: string): Promise<Float32Array> {
    const cached = this.cache.get(text);
    if (cached) return cached;
    const [vector] = await this.embed([text]);
    this.cache.set(text, vector!);
    return vector!;
  }

  private exampleVectors(): Promise<DomainExampleVector[]> {
    if (!this.examples) {
      const byDomain = this.settings?.examples ?? DOMAIN_EXAMPLES;
      const examples = Object.entries(byDomain).flatMap(([domain, texts]) => texts.map((text) => ({ domain, text })));
      this.examples = this.embed(examples.map((example) => example.text)).then((vectors) =>
        examples.map((example, index) => ({ domain: example.domain, vector: vectors[index]! })),
      );
      // A failed first call is tried again next time rather than remembered.
      this.examples.catch(() => (this.examples = undefined));
    }
    return this.examples;
  }

  // https://platform.openai.com/docs/api-reference/embeddings/create
  private async embed(texts: string[]): Promise<Float32Array[]> {
    const settings = this.settings;
    if (!settings) throw new Error('no embeddings endpoint is configured');
    const response = await fetch(`${settings.base_url}/embeddings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(settings.api_key ? { authorization: `Bearer ${settings.api_key}` } : {}) },
      body: JSON.stringify({ model: settings.model, input: texts, encoding_format: 'float' }),
      signal: AbortSignal.timeout(settings.timeout ?? DEFAULT_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`the embeddings endpoint answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
    const body = (await response.json()) as { data?: { index?: number; embedding?: unknown }[] };
    const data = body.data ?? [];
    if (data.length !== texts.length) throw new Error(`the embeddings endpoint returned ${data.length} embeddings for ${texts.length} inputs`);
    const vectors = new Array<Float32Array>(texts.length);
    data.forEach((item, position) => {
      vectors[item.index ?? position] = toVector(item.embedding);
    });
    return vectors;
  }
}

/** A float array, or base64 of little-endian float32s (what some servers send whatever was asked). */
function toVector(embedding: unknown): Float32Array {
  if (Array.isArray(embedding)) return Float32Array.from(embedding as number[]);
  if (typeof embedding === 'string') {
    const bytes = Buffer.from(embedding, 'base64');
    return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  }
  throw new Error('the embeddings endpoint returned an embedding that is neither numbers nor base64');
}
