/** POST: Ctrl-C (or q for top) to the command running in the foreground. */
import { getUserFromRequest } from "../../../../../../lib/auth/request-user.ts";
import { readJson } from "../../../../../../lib/http/request.ts";
import { json } from "../../../../../../lib/http/response.ts";
import { handle } from "../../../../../../lib/http/route.ts";
import { interruptFollow, InterruptSchema } from "../../../../../../lib/troubleshoot/host-live.ts";

export function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = await ctx.params;
    const user = await getUserFromRequest(req);
    const body = await readJson(req, InterruptSchema);
    return json(await interruptFollow({ user, runId: id, key: body.key }));
  });
}
