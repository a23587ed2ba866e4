export interface DataUrl {
  mediaType: string;
  /** Whether the payload is base64 (`;base64`); otherwise it is percent-encoded text. */
  base64: boolean;
  data: string;
}

// RFC 2397: data:[<mediatype>][;base64],<data>
const DATA_URL = /^data:([^,;]*)((?:;[^,;]*)*),(.*)$/is;

/** Splits a `data:` URL into its media type and payload; undefined when it is not one. */
export function parseDataUrl(url: string): DataUrl | undefined {
  const match = DATA_URL.exec(url);
  if (!match) return undefined;
  const parameters = match[2]!.split(';').map((parameter) => parameter.trim().toLowerCase());
  return {
    mediaType: match[1]!.trim().toLowerCase() || 'text/plain',
    base64: parameters.includes('base64'),
    data: match[3]!,
  };
}
