import { getUserFromRequest } from "../../../../../lib/auth/request-user.ts";
import { MAX_SOURCE_REQUEST_BYTES } from "../../../../../lib/grading/source.ts";
import { readJson } from "../../../../../lib/http/request.ts";
import { json } from "../../../../../lib/http/response.ts";
import { handle } from "../../../../../lib/http/route.ts";
import { submitSolution, SubmitSchema } from "../../../../../lib/submissions/submit-solution.ts";

export function POST(req: Request, ctx: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const { slug } = await ctx.params;
    const user = await getUserFromRequest(req);
    const body = await readJson(req, SubmitSchema, MAX_SOURCE_REQUEST_BYTES);
    return json({ submission: await submitSolution({ user, slug, ...body }) });
  });
}
