import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the hub stand-in received it. */
export interface HubRequest {
  readonly method: string;
  readonly path: string;
  readonly contentType: string;
  /** The form body's fields in order, as a hub reads them. */
  readonly form: readonly [string, string][];
}

export interface HubStandIn {
  /** Where publishers send their notifications. */
  readonly url: string;
  readonly requests: readonly HubRequest[];
  close(): Promise<void>;
}

/**
 * A WebSub hub stand-in on 127.0.0.1 (a free port the OS picks): records every request and
 * answers each with `status` (by default 204, as a hub that accepted the notification).
 */
export async function startHubStandIn(status: (request: HubRequest) => number = () => 204): Promise<HubStandIn> {
  const requests: HubRequest[] = [];
  const server = createServer(async (incoming, response) => {
    const request: HubRequest = {
      method: incoming.method ?? "",
      path: incoming.url ?? "",
      contentType: incoming.headers["content-type"] ?? "",
      form: [...new URLSearchParams(await bodyOf(incoming))],
    };
    requests.push(request);
    response.writeHead(status(request)).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hub`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The topics a hub was told of, sorted: each request's hub.url. */
export function notifiedTopics(requests: readonly HubRequest[]): string[] {
  return requests.map((request) => Object.fromEntries(request.form)["hub.url"] ?? "").sort();
}
