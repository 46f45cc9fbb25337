import { TEXT_CONTENT_TYPE } from "../model/paths.ts";
import { CORS_HEADERS } from "./cors.ts";
import { securityHeaders } from "./headers.ts";

/** A 500 for an answer that failed: clients never see a stack trace; the log says what failed where. */
export function internalError(method: string, path: string, error: unknown): Response {
  const detail = error instanceof Error ? error.stack : String(error);
  console.error(`${method} ${path}: ${detail}`);
  return new Response("Internal Server Error\n", {
    status: 500,
    headers: {
      "Content-Type": TEXT_CONTENT_TYPE,
      "Cache-Control": "no-store",
      ...securityHeaders("text/plain"),
      ...CORS_HEADERS,
    },
  });
}
