import { READING_PAGE } from "~/utils/hydration";
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import chartsHref from "~/components/charts/charts.css";
import { Notice } from "~/components/ui/form";
import { getSessionUser, requireUser } from "~/modules/auth/session.server";
import { findCountryDocuments, findWhatFitsNow, getStageGuidance, type LinkedItem } from "~/modules/reviews/fits-now.server";
import { followCountry, unfollowCountry } from "~/modules/reviews/follows.server";
import { formatDate, languageName, numberFormat } from "~/modules/reviews/format";
import { getCountryProfile } from "~/modules/reviews/queries.server";
import { CountryCode, FollowForm } from "~/modules/reviews/reviews.schema.server";
import { STAGES, type Stage } from "~/modules/treaty/vocabulary";
import { PROTOCOLS } from "~/modules/reviews/vocabulary";
import { parseForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { localePath, signInPath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { ScrollableTable } from "~/components/ui/scrollable-table";
import { UpcomingDialogues } from "~/components/dialogues/dialogue-list";
import { listUpcomingDialogues } from "~/modules/dialogues/queries.server";
import { DataNotice } from "~/components/data-notice";

// A reading page: plain HTML, links and forms; no JavaScript needed (decision 0033).
export const handle = READING_PAGE;

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

/** Other areas' content must not take the profile down: on failure the section shows its empty state. */
async function orEmpty(load: () => Promise<LinkedItem[]>) {
  try {
    return await load();
  } catch (error) {
    console.error("[reviews] linked content unavailable:", String(error));
    return [];
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = parseCode(request, params.code);
  const locale = getRequestLocale(request);
  const { user } = await getSessionUser(request);
  const profile = await getCountryProfile(code, locale, user?.id ?? null);
  if (!profile) notFound();
  // The review in the latest cluster is the one "now" refers to.
  const current = profile.reviews.at(-1) ?? null;
  const [guidance, fitsNow, documents, dialogues] = await Promise.all([
    current ? getStageGuidance(current.stage, current.cluster, locale) : null,
    current ? orEmpty(() => findWhatFitsNow({ stage: current.stage, cluster: current.cluster, locale })) : [],
    orEmpty(() => findCountryDocuments({ country: code, locale })),
    listUpcomingDialogues(locale, 3),
  ]);
  const url = new URL(request.url);
  return { profile, current, guidance, fitsNow, documents, dialogues, signedIn: !!user, followed: url.searchParams.get("followed") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const code = parseCode(request, params.code);
  const user = await requireUser(request);
  const locale = getRequestLocale(request);
  const form = parseForm(await request.formData(), FollowForm);
  if (!form.ok) throw new Response("Bad request", { status: 400 });
  if (form.data.intent === "follow") {
    if (!(await followCountry(user.id, code))) notFound();
  } else {
    await unfollowCountry(user.id, code);
  }
  return redirect(`${localePath(locale, `/countries/${code}`)}?followed=${form.data.intent === "follow" ? "1" : "0"}`);
}

/** The date that closes each step of a review, if any. */
const STEP_DATE: Record<Stage, "initial_consultation_on" | "saq_submitted_on" | "feedback_submitted_on" | "observations_final_on" | null> = {
  focal_points: null,
  initial_consultation: "initial_consultation_on",
  saq: "saq_submitted_on",
  written_feedback: "feedback_submitted_on",
  list_of_observations: "observations_final_on",
  completed: "observations_final_on",
};

function ItemList({ items, empty }: { items: LinkedItem[]; empty: string }) {
  const { to } = useLocale();
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <ul className="stack">
      {items.map((item) => (
        <li key={item.id}>
          <Link to={to(item.path)}>{item.title}</Link>
          {item.summary ? <p className="meta">{item.summary}</p> : null}
        </li>
      ))}
    </ul>
  );
}

export default function CountryProfile() {
  const { t, i18n } = useTranslation(["reviews", "common"]);
  const { locale, to } = useLocale();
  const { profile, current, guidance, fitsNow, documents, dialogues, signedIn, followed } = useLoaderData<typeof loader>();
  const number = numberFormat(i18n.language);
  const yesNo = (value: boolean) => (value ? t("country.yes") : t("country.no"));
  return (
    <>
      <h1>{profile.name}</h1>
      <DataNotice notice={profile.notice} />
      {followed === "1" ? <Notice>{t("country.followed")}</Notice> : followed === "0" ? <Notice>{t("country.unfollowed")}</Notice> : null}
      <dl className="details">
        <dt>{t("country.kind")}</dt>
        <dd>{t(`kinds.${profile.kind}`)}</dd>
        <dt>{t("columns.group")}</dt>
        <dd>{t("groupLabel", { group: profile.group })}</dd>
        <dt>{t("country.joined")}</dt>
        <dd>{formatDate(profile.joinedOn, locale)}</dd>
        <dt>{t("country.focalPoint")}</dt>
        <dd>{profile.focalPointDesignated ? t("country.focalPointYes") : t("country.focalPointNo")}</dd>
        <dt>{t("country.experts")}</dt>
        <dd>{t("country.expertsValue", { total: profile.experts.women + profile.experts.men, women: profile.experts.women, men: profile.experts.men })}</dd>
        <dt>{t("country.observers")}</dt>
        <dd>{yesNo(profile.observers)}</dd>
        <dt>{t("country.pilot")}</dt>
        <dd>{yesNo(profile.pilotInitiative)}</dd>
        <dt>{t("country.redraws")}</dt>
        <dd>{number.format(profile.redraws)}</dd>
      </dl>

      {signedIn ? (
        <Form method="post">
          <input type="hidden" name="intent" value={profile.following ? "unfollow" : "follow"} />
          <button type="submit">{profile.following ? t("country.unfollow") : t("country.follow")}</button>
        </Form>
      ) : (
        <p>
          <Link to={signInPath(locale, localePath(locale, `/countries/${profile.code}`))}>{t("country.signInToFollow")}</Link>
        </p>
      )}

      <section aria-labelledby="protocols" className="section">
        <h2 id="protocols">{t("country.protocols")}</h2>
        <ScrollableTable label={t("country.protocols")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("country.instrument")}</th>
                <th scope="col">{t("country.status")}</th>
              </tr>
            </thead>
            <tbody>
              {PROTOCOLS.map((protocol) => (
                <tr key={protocol}>
                  <th scope="row">{t(`protocols.${protocol}`)}</th>
                  <td>{profile.protocols[protocol] ? t("country.partySince", { date: formatDate(profile.protocols[protocol], locale) }) : t("country.notParty")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      </section>

      {profile.reviews.length === 0 ? (
        <section aria-labelledby="review" className="section">
          <h2 id="review">{t("country.reviewTitle")}</h2>
          <p>{t("country.noReview")}</p>
        </section>
      ) : (
        profile.reviews.map((review) => {
          const currentIndex = STAGES.indexOf(review.stage);
          return (
            <section key={review.cluster} aria-labelledby={`review-${review.cluster}`} className="section">
              <h2 id={`review-${review.cluster}`}>{t("country.reviewInCluster", { cluster: review.cluster })}</h2>
              <dl className="details">
                <dt>{t("country.currentStage")}</dt>
                <dd>
                  <strong>{t(`stages.${review.stage}`)}</strong>
                </dd>
                <dt>{t("columns.reviewers")}</dt>
                <dd>
                  <Link to={to(`/countries/${review.reviewer_1}`)}>{review.parties[1]!.name}</Link>, <Link to={to(`/countries/${review.reviewer_2}`)}>{review.parties[2]!.name}</Link>
                </dd>
                <dt>{t("columns.languages")}</dt>
                <dd>{review.languages.length ? review.languages.map((code) => languageName(code, locale)).join(", ") : t("country.languagesNotAgreed")}</dd>
              </dl>
              <h3>{t("country.timeline")}</h3>
              <ol className="timeline">
                {STAGES.map((stage, index) => {
                  const dateField = STEP_DATE[stage];
                  const date = dateField ? review[dateField] : null;
                  const done = index < currentIndex || (stage === "completed" && review.stage === "completed");
                  const isCurrent = stage === review.stage && stage !== "completed";
                  return (
                    <li key={stage} className={done ? "is-done" : isCurrent ? "is-current" : undefined} aria-current={isCurrent ? "step" : undefined}>
                      <span className="timeline__state">{t(`stages.${stage}`)}</span>
                      {" — "}
                      {done ? (date && stage !== "focal_points" ? t("country.stepDoneOn", { date: formatDate(date, locale) }) : t("country.stepDone")) : isCurrent ? t("country.stepCurrent") : t("country.stepPending")}
                      {stage === "focal_points" ? (
                        <ul>
                          {review.parties.map((party) => (
                            <li key={party.code}>
                              {party.name}: {party.focalPoint ? t("country.focalPointYes") : t("country.focalPointNo")}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
            </section>
          );
        })
      )}

      {current && guidance ? (
        <section aria-labelledby="fits-now" className="section">
          <h2 id="fits-now">{t("country.fitsNow.title")}</h2>
          <p>{t("country.fitsNow.intro", { stage: guidance.stageTitle, cluster: current.cluster, clusterTitle: guidance.clusterTitle })}</p>
          <p>{guidance.description}</p>
          <h3>{t("country.fitsNow.stakeholders")}</h3>
          <p>{guidance.whatStakeholdersCanDo}</p>
          <h3>{t("country.fitsNow.resources")}</h3>
          <ItemList items={fitsNow} empty={t("country.fitsNow.none")} />
        </section>
      ) : null}

      <UpcomingDialogues dialogues={dialogues} />
      <section aria-labelledby="documents" className="section">
        <h2 id="documents">{t("country.documents.title")}</h2>
        <ItemList items={documents} empty={t("country.documents.none")} />
      </section>

      <section aria-labelledby="reviewing" className="section">
        <h2 id="reviewing">{t("country.reviewing.title")}</h2>
        {profile.reviewing.length === 0 ? (
          <p>{t("country.reviewing.none")}</p>
        ) : (
          <ScrollableTable label={t("country.reviewing.title")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("columns.stateUnderReview")}</th>
                  <th scope="col">{t("columns.cluster")}</th>
                  <th scope="col">{t("columns.stage")}</th>
                </tr>
              </thead>
              <tbody>
                {profile.reviewing.map((review) => (
                  <tr key={`${review.cluster}-${review.state_under_review}`}>
                    <th scope="row">
                      <Link to={to(`/countries/${review.state_under_review}`)}>{review.name}</Link>
                    </th>
                    <td>{review.cluster}</td>
                    <td>{t(`stages.${review.stage}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        )}
      </section>

      {profile.history.length ? (
        <section aria-labelledby="history" className="section">
          <h2 id="history">{t("country.history.title")}</h2>
          <ScrollableTable label={t("country.history.title")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("country.history.when")}</th>
                  <th scope="col">{t("columns.cluster")}</th>
                  <th scope="col">{t("country.history.what")}</th>
                  <th scope="col">{t("country.history.from")}</th>
                  <th scope="col">{t("country.history.to")}</th>
                </tr>
              </thead>
              <tbody>
                {profile.history.map((entry, index) => (
                  <tr key={index}>
                    <td>{formatDate(entry.changed_at.slice(0, 10), locale)}</td>
                    <td>{entry.cluster}</td>
                    <td>{t(`country.history.fields.${entry.field}`, { defaultValue: entry.field })}</td>
                    <td>{historyValue(entry.field, entry.old_value, locale, t)}</td>
                    <td>{historyValue(entry.field, entry.new_value, locale, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        </section>
      ) : null}
    </>
  );
}

function historyValue(field: string, value: string | null, locale: string, t: (key: string) => string) {
  if (value === null) return "—";
  if (field === "stage") return t(`stages.${value}`);
  if (field.endsWith("_on")) return formatDate(value, locale);
  if (field === "review") return t(`country.history.review.${value}`);
  if (field === "languages") return value ? value.split(";").map((code) => languageName(code, locale)).join(", ") : "—";
  return value;
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, "reviews:countries.title", data ? { title: data.profile.name } : {});
