import { type AddressInfo } from 'node:net';

/** `http://HOST:PORT` as actually bound (port 0 in the config becomes the port the OS chose). */
export function listeningUrl(address: AddressInfo | string | null): string {
  if (address === null || typeof address === 'string') return `http://${address ?? 'unknown'}`;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
