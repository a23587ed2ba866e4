/** An error ready to be written to the client: status, extra headers, JSON body text. */
export interface RenderedError {
  status: number;
  headers: Record<string, string>;
  body: string;
}
