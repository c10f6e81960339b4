/**
 * Reads Server-Sent Events from a fetch response body: `next()` resolves with the next message
 * (`event`, `id`, `data`), skipping comments, or rejects after a timeout.
 */
export interface SseMessage {
  readonly event: string;
  readonly id: string | undefined;
  readonly data: string;
}

export class SseReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #decoder = new TextDecoder();
  #buffer = '';

  constructor(body: ReadableStream<Uint8Array>) {
    this.#reader = body.getReader();
  }

  async next(timeoutMs = 5000): Promise<SseMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = this.#buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.#buffer.slice(0, end);
        this.#buffer = this.#buffer.slice(end + 2);
        const fields: Record<string, string> = {};
        for (const line of block.split('\n')) {
          if (line.startsWith(':') || line === '') continue;
          const i = line.indexOf(':');
          const k = i < 0 ? line : line.slice(0, i);
          const v = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
          fields[k] = k === 'data' && fields['data'] !== undefined ? `${fields['data']}\n${v}` : v;
        }
        if (fields['data'] === undefined) continue; // a comment block (keep-alive)
        return { event: fields['event'] ?? 'message', id: fields['id'], data: fields['data'] };
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no SSE message in time');
      const chunk = await Promise.race([
        this.#reader.read(),
        new Promise<never>((_, reject) =>
          setTimeout(() => {
            reject(new Error('no SSE message in time'));
          }, left),
        ),
      ]);
      if (chunk.done) throw new Error('the stream ended');
      this.#buffer += this.#decoder.decode(chunk.value, { stream: true });
    }
  }

  async close(): Promise<void> {
    await this.#reader.cancel();
  }
}
