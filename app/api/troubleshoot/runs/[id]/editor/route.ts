/** POST: save the editor panel's text ({action:"save",content}) or close it ({action:"exit"}). */
import { getUserFromRequest } from "../../../../../../lib/auth/request-user.ts";
import { readJson } from "../../../../../../lib/http/request.ts";
import { json } from "../../../../../../lib/http/response.ts";
import { handle } from "../../../../../../lib/http/route.ts";
import { editorAction, EditorActionSchema } from "../../../../../../lib/troubleshoot/host-live.ts";

export function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = await ctx.params;
    const user = await getUserFromRequest(req);
    const body = await readJson(req, EditorActionSchema, 1_100_000);
    return json(await editorAction({ user, runId: id, body }));
  });
}
