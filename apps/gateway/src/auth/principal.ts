/** Who is calling: the gateway key a request was authenticated with, and what that key may do. */
export interface Principal {
  keyId: string;
  keyName: string;
  team?: string;
  /** Model names this key may use; undefined = all. */
  models?: readonly string[];
  limits?: { rpm?: number; tpm?: number; concurrent?: number };
  budget?: { tokens?: number; costUsd?: number; period: 'day' | 'month' };
  /** Where the key is defined: the config file (bootstrap) or the database (made through the admin API). */
  source: 'config' | 'database';
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the key guard on /v1 routes when auth.mode is `keys`. */
    principal?: Principal;
  }
}
