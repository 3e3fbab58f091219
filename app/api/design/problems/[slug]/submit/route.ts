import { getUserFromRequest } from "../../../../../../lib/auth/request-user.ts";
import { AnswerBodySchema, MAX_DESIGN_BODY_BYTES } from "../../../../../../lib/design/answer-input.ts";
import { submitDesignAnswer } from "../../../../../../lib/design/submit-design-answer.ts";
import { readJson } from "../../../../../../lib/http/request.ts";
import { json } from "../../../../../../lib/http/response.ts";
import { handle } from "../../../../../../lib/http/route.ts";

export function POST(req: Request, ctx: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const { slug } = await ctx.params;
    const user = await getUserFromRequest(req);
    const { answer } = await readJson(req, AnswerBodySchema, MAX_DESIGN_BODY_BYTES);
    return json({ submission: await submitDesignAnswer({ user, slug, answer }) });
  });
}
