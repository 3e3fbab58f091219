import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDesignProblem } from "@/lib/design/get-design-problem";
import { getDesignDraft } from "@/lib/design/get-design-draft";
import { listDesignSubmissions } from "@/lib/design/list-design-submissions";
import type { DesignProblemView } from "@/lib/design/view-types";
import type { SessionUser } from "@/lib/view-types";
import { DesignWorkspace } from "@/components/design/DesignWorkspace";
import { isNotFound } from "@/components/not-found-error";

type Params = Promise<{ slug: string }>;

async function load(slug: string, user: SessionUser | null): Promise<DesignProblemView> {
  try {
    return await getDesignProblem({ slug, user });
  } catch (e) {
    if (isNotFound(e)) notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  try {
    return { title: (await getDesignProblem({ slug, user: null })).title };
  } catch {
    return { title: "Problem not found" };
  }
}

export default async function DesignProblemPage({ params }: { params: Params }) {
  const { slug } = await params;
  const user = await getCurrentUser();
  const problem = await load(slug, user);
  const [draft, submissions] = user ? await Promise.all([getDesignDraft({ user, slug }), listDesignSubmissions({ user, slug })]) : [null, []];
  return <DesignWorkspace key={slug} problem={problem} signedIn={user !== null} draft={draft} submissions={submissions} />;
}
