import { getUserFromRequest } from "../../../../../lib/auth/request-user.ts";
import { runSolution, RunSchema } from "../../../../../lib/grading/run-solution.ts";
import { MAX_SOURCE_REQUEST_BYTES } from "../../../../../lib/grading/source.ts";
import { readJson } from "../../../../../lib/http/request.ts";
import { json } from "../../../../../lib/http/response.ts";
import { handle } from "../../../../../lib/http/route.ts";

export function POST(req: Request, ctx: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const { slug } = await ctx.params;
    const user = await getUserFromRequest(req);
    const body = await readJson(req, RunSchema, MAX_SOURCE_REQUEST_BYTES);
    return json({ result: await runSolution({ user, slug, ...body }) });
  });
}
