import { getUserFromRequest } from "../../../../../lib/auth/request-user.ts";
import { getDesignSubmission } from "../../../../../lib/design/get-design-submission.ts";
import { json } from "../../../../../lib/http/response.ts";
import { handle } from "../../../../../lib/http/route.ts";

export function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = await ctx.params;
    return json({ submission: await getDesignSubmission({ user: await getUserFromRequest(req), id }) });
  });
}
