import { getUserFromRequest } from "../../../lib/auth/request-user.ts";
import { readQuery } from "../../../lib/http/request.ts";
import { json } from "../../../lib/http/response.ts";
import { handle } from "../../../lib/http/route.ts";
import { listProblems, ProblemFiltersSchema } from "../../../lib/problems/list-problems.ts";

export function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const filters = readQuery(req, ProblemFiltersSchema);
    return json(await listProblems({ user: await getUserFromRequest(req), ...filters }));
  });
}
