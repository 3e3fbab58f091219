/** POST: the running command's output since the last poll (the host's clock advances by the real time between polls). */
import { z } from "zod";
import { getUserFromRequest } from "../../../../../../lib/auth/request-user.ts";
import { readJson } from "../../../../../../lib/http/request.ts";
import { json } from "../../../../../../lib/http/response.ts";
import { handle } from "../../../../../../lib/http/route.ts";
import { pollFollow } from "../../../../../../lib/troubleshoot/host-live.ts";

export function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = await ctx.params;
    const user = await getUserFromRequest(req);
    await readJson(req, z.object({}));
    return json(await pollFollow({ user, runId: id }));
  });
}
