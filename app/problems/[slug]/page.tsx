import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getProblem } from "@/lib/problems/get-problem";
import { getDraft } from "@/lib/drafts/get-draft";
import { LANGS, type Lang } from "@/graders/coding/types";
import type { DraftView, ProblemView } from "@/lib/view-types";
import { Workspace } from "@/components/workspace/Workspace";
import { isNotFound } from "@/components/not-found-error";

type Params = Promise<{ slug: string }>;

async function load(slug: string, user: Awaited<ReturnType<typeof getCurrentUser>>): Promise<ProblemView> {
  try {
    return await getProblem({ slug, user });
  } catch (e) {
    if (isNotFound(e)) notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  try {
    const problem = await getProblem({ slug, user: await getCurrentUser() });
    return { title: problem.title };
  } catch {
    return { title: "Problem not found" };
  }
}

export default async function ProblemPage({ params }: { params: Params }) {
  const { slug } = await params;
  const user = await getCurrentUser();
  const problem = await load(slug, user);
  let drafts: Record<Lang, DraftView | null> = { js: null, ts: null, py: null };
  if (user) {
    const [js, ts, py] = await Promise.all([getDraft({ user, slug, lang: "js" }), getDraft({ user, slug, lang: "ts" }), getDraft({ user, slug, lang: "py" })]);
    drafts = { js, ts, py };
  }
  // Open the language edited most recently; JavaScript when there is no draft.
  let initialLang: Lang = "js";
  let newest = -Infinity;
  for (const l of LANGS) {
    const at = drafts[l] ? Date.parse(drafts[l].updatedAt) : -Infinity;
    if (at > newest) [initialLang, newest] = [l, at];
  }
  return <Workspace key={slug} problem={problem} signedIn={user !== null} drafts={drafts} initialLang={initialLang} />;
}
