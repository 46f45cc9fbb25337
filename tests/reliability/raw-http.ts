import { Socket } from "node:net";

export interface RawResponse {
  readonly status: number;
  /** Header names in lower case; repeated fields joined with ", ". */
  readonly headers: ReadonlyMap<string, string>;
  readonly body: Buffer;
}

export type Outcome =
  | { readonly kind: "response"; readonly response: RawResponse }
  | { readonly kind: "closed" | "timeout" | "error"; readonly detail: string };

const HEAD_END = Buffer.from("\r\n\r\n");

/**
 * One keep-alive HTTP/1.1 connection that sends requests as raw bytes, so a request can
 * hold what no HTTP library would send (NUL, bare %, 16 KB targets, broken header lines).
 * One request at a time; a closed connection is reopened for the next request.
 */
export class RawConnection {
  readonly #port: number;
  readonly #timeoutMs: number;
  #socket: Socket | undefined;
  #buffer = Buffer.alloc(0);
  #waiter: (() => void) | undefined;
  #closed = true;

  constructor(port: number, timeoutMs: number) {
    this.#port = port;
    this.#timeoutMs = timeoutMs;
  }

  async send(request: Buffer, isHead: boolean): Promise<Outcome> {
    try {
      if (this.#closed) await this.#connect();
      this.#socket?.write(request);
      return { kind: "response", response: await this.#withTimeout(this.#readResponse(isHead)) };
    } catch (error) {
      this.close();
      const detail = error instanceof Error ? error.message : String(error);
      if (detail === "timeout") return { kind: "timeout", detail };
      if (detail === "closed") return { kind: "closed", detail: "connection closed before a full response" };
      return { kind: "error", detail };
    }
  }

  close(): void {
    this.#socket?.destroy();
    this.#socket = undefined;
    this.#closed = true;
    this.#buffer = Buffer.alloc(0);
  }

  #connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new Socket();
      socket.setNoDelay(true);
      // Events of a socket we already replaced must not touch the current one.
      const current = () => this.#socket === socket;
      socket.once("error", reject);
      socket.connect(this.#port, "127.0.0.1", () => {
        socket.off("error", reject);
        socket.on("error", () => current() && this.#markClosed());
        resolve();
      });
      socket.on("data", (chunk: Buffer) => {
        if (!current()) return;
        this.#buffer = Buffer.concat([this.#buffer, chunk]);
        this.#wake();
      });
      socket.on("close", () => current() && this.#markClosed());
      this.#socket = socket;
      this.#closed = false;
      this.#buffer = Buffer.alloc(0);
    });
  }

  #markClosed(): void {
    this.#closed = true;
    this.#wake();
  }

  #wake(): void {
    const waiter = this.#waiter;
    this.#waiter = undefined;
    waiter?.();
  }

  /** Waits for more bytes; throws "closed" if none can come. */
  async #more(): Promise<void> {
    if (this.#closed) throw new Error("closed");
    await new Promise<void>((resolve) => {
      this.#waiter = resolve;
    });
  }

  async #take(length: number): Promise<Buffer> {
    while (this.#buffer.length < length) await this.#more();
    const taken = this.#buffer.subarray(0, length);
    this.#buffer = this.#buffer.subarray(length);
    return taken;
  }

  async #takeLine(): Promise<string> {
    let end = this.#buffer.indexOf("\r\n");
    while (end < 0) {
      await this.#more();
      end = this.#buffer.indexOf("\r\n");
    }
    return (await this.#take(end + 2)).subarray(0, end).toString("latin1");
  }

  async #readResponse(isHead: boolean): Promise<RawResponse> {
    let end = this.#buffer.indexOf(HEAD_END);
    while (end < 0) {
      await this.#more();
      end = this.#buffer.indexOf(HEAD_END);
    }
    const [statusLine = "", ...lines] = (await this.#take(end + 4)).toString("latin1").slice(0, -4).split("\r\n");
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? Number.NaN);
    if (Number.isNaN(status)) throw new Error(`bad status line: ${statusLine.slice(0, 80)}`);
    const headers = new Map<string, string>();
    for (const line of lines) {
      const colon = line.indexOf(":");
      const name = line.slice(0, colon).toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
    }
    let body: Buffer = Buffer.alloc(0);
    // RFC 9112 §6.3: no body after HEAD, 1xx, 204 or 304, whatever the headers say.
    if (!isHead && status !== 304 && status !== 204 && status >= 200) {
      if (/chunked/i.test(headers.get("transfer-encoding") ?? "")) body = await this.#readChunked();
      else if (headers.has("content-length"))
        body = Buffer.from(await this.#take(Number(headers.get("content-length"))));
      else body = await this.#readToClose();
    }
    if (/close/i.test(headers.get("connection") ?? "")) this.close();
    return { status, headers, body };
  }

  async #readChunked(): Promise<Buffer> {
    const parts: Buffer[] = [];
    for (;;) {
      const size = Number.parseInt(await this.#takeLine(), 16);
      if (size === 0) {
        while ((await this.#takeLine()) !== "") {
          // Trailer fields: read and dropped.
        }
        return Buffer.concat(parts);
      }
      parts.push(Buffer.from(await this.#take(size)));
      await this.#take(2);
    }
  }

  async #readToClose(): Promise<Buffer> {
    while (!this.#closed) await this.#more().catch(() => undefined);
    const body = this.#buffer;
    this.#buffer = Buffer.alloc(0);
    return body;
  }

  async #withTimeout<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("timeout")), this.#timeoutMs);
    });
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
