/**
 * The frame of every route handler: run it, and turn whatever it throws into
 * the documented error JSON (lib/errors.ts). Handlers stay three steps long:
 * parse, authorise (inside the service), call one service.
 */
import { toErrorResponse } from "../errors.ts";

export async function handle(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (err) {
    return toErrorResponse(err);
  }
}
