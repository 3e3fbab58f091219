import { getUserFromRequest } from "../../../../lib/auth/request-user.ts";
import { json } from "../../../../lib/http/response.ts";
import { handle } from "../../../../lib/http/route.ts";
import { getSubmission } from "../../../../lib/submissions/get-submission.ts";

export function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = await ctx.params;
    return json({ submission: await getSubmission({ user: await getUserFromRequest(req), id }) });
  });
}
