import { pageHandle } from "~/utils/route-handle";
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import chartsHref from "~/components/charts/charts.css";
import { DataNotice } from "~/components/data-notice";
import { UpcomingDialogues } from "~/components/dialogues/dialogue-list";
import { CountryFacts, HistoryTable, LinkedItemList, ProtocolsTable, ReviewSection, ReviewingTable } from "~/components/reviews/country-profile";
import { Notice } from "~/components/ui/form";
import { getSessionUser, requireUser } from "~/modules/auth/session.server";
import { getCountryPageView } from "~/modules/reviews/country-view.server";
import { setCountryFollow } from "~/modules/reviews/follows.server";
import { CountryCode, FollowForm } from "~/modules/reviews/reviews.schema.server";
import { parseForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { localePath, signInPath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";

// A reading page: plain HTML, links and forms; no JavaScript needed (decision 0033).
export const handle = pageHandle({ i18n: ["reviews", "library", "dialogues"], hydrate: false });

export const links: LinksFunction = () => [{ rel: "stylesheet", href: chartsHref }];

function parseCode(request: Request, raw: string | undefined) {
  const parsed = CountryCode.safeParse(raw ?? "");
  if (!parsed.success) notFound();
  if (parsed.data !== raw) {
    const url = new URL(request.url);
    throw redirect(url.pathname.replace(/[^/]+$/, parsed.data));
  }
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = parseCode(request, params.code);
  const { user } = await getSessionUser(request);
  const view = await getCountryPageView(code, getRequestLocale(request), user?.id ?? null);
  if (!view) notFound();
  return { view, signedIn: !!user, followed: new URL(request.url).searchParams.get("followed") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const code = parseCode(request, params.code);
  const user = await requireUser(request);
  const locale = getRequestLocale(request);
  const form = parseForm(await request.formData(), FollowForm);
  if (!form.ok) throw new Response("Bad request", { status: 400 });
  if (!(await setCountryFollow(user.id, code, form.data.intent === "follow"))) notFound();
  return redirect(`${localePath(locale, `/countries/${code}`)}?followed=${form.data.intent === "follow" ? "1" : "0"}`);
}

export default function CountryProfile() {
  const { t } = useTranslation(["reviews", "common"]);
  const { locale } = useLocale();
  const { view, signedIn, followed } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{view.name}</h1>
      <DataNotice notice={view.notice} />
      {followed === "1" ? <Notice>{t("country.followed")}</Notice> : followed === "0" ? <Notice>{t("country.unfollowed")}</Notice> : null}
      <CountryFacts view={view} />

      {signedIn ? (
        <Form method="post">
          <input type="hidden" name="intent" value={view.following ? "unfollow" : "follow"} />
          <button type="submit">{view.following ? t("country.unfollow") : t("country.follow")}</button>
        </Form>
      ) : (
        <p>
          <Link to={signInPath(locale, localePath(locale, `/countries/${view.code}`))}>{t("country.signInToFollow")}</Link>
        </p>
      )}

      <ProtocolsTable protocols={view.protocols} />

      {view.reviews.length === 0 ? (
        <section aria-labelledby="review" className="section">
          <h2 id="review">{t("country.reviewTitle")}</h2>
          <p>{t("country.noReview")}</p>
        </section>
      ) : (
        view.reviews.map((review) => <ReviewSection key={review.cluster} review={review} />)
      )}

      {view.current ? (
        <section aria-labelledby="fits-now" className="section">
          <h2 id="fits-now">{t("country.fitsNow.title")}</h2>
          <p>{t("country.fitsNow.intro", { stage: view.current.guidance.stageTitle, cluster: view.current.cluster, clusterTitle: view.current.guidance.clusterTitle })}</p>
          <p>{view.current.guidance.description}</p>
          <h3>{t("country.fitsNow.stakeholders")}</h3>
          <p>{view.current.guidance.whatStakeholdersCanDo}</p>
          <h3>{t("country.fitsNow.resources")}</h3>
          <LinkedItemList items={view.current.fitsNow} empty={t("country.fitsNow.none")} />
        </section>
      ) : null}

      <UpcomingDialogues dialogues={view.dialogues} />
      <section aria-labelledby="documents" className="section">
        <h2 id="documents">{t("country.documents.title")}</h2>
        <LinkedItemList items={view.documents} empty={t("country.documents.none")} />
      </section>

      <ReviewingTable reviewing={view.reviewing} />
      <HistoryTable history={view.history} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, "reviews:countries.title", data ? { title: data.view.name } : {});
