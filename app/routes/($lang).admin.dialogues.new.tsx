import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DialogueEditor } from "~/components/dialogues/dialogue-editor";
import { requireRole } from "~/modules/auth/session.server";
import { submitNewDialogue } from "~/modules/dialogues/admin-actions.server";
import { listCourseChoices } from "~/modules/dialogues/admin.server";
import { respond } from "~/utils/http.server";
import { getRequestLocale } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["admin", "dialogues", "observations"] });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "secretariat");
  const locale = getRequestLocale(request);
  return { courses: await listCourseChoices(locale), locale };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  return respond(await submitNewDialogue(request, user.id));
}

export default function NewDialogue() {
  const { t } = useTranslation("dialogues");
  const { courses, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{t("admin.new")}</h1>
      <DialogueEditor values={result?.values ?? { locale }} errors={result?.errors} courses={courses} />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "dialogues:admin.new");
