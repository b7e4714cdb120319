import { Form, Link } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { ModerationView } from "~/modules/hub/moderation.server";
import { useLocale } from "~/utils/i18n-react";

type Target = { targetType: "post" | "comment"; targetId: number };

/** Hide or restore with a reason: the reason goes to the author in their notification. */
function ModerateForm({ target, intent }: { target: Target; intent: "hide" | "restore" }) {
  const { t } = useTranslation("moderation");
  const id = useId();
  return (
    <Form method="post" className="form form--inline">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="targetType" value={target.targetType} />
      <input type="hidden" name="targetId" value={target.targetId} />
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t("actions.reason")}</label>
        <input id={`${id}-reason`} name="reason" required maxLength={1000} />
      </div>
      <button type="submit">{t(`actions.${intent}`)}</button>
    </Form>
  );
}

function HiddenFields({ fields }: { fields: Record<string, string | number> }) {
  return (
    <>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

function SuspendForm({ userId }: { userId: string }) {
  const { t } = useTranslation("moderation");
  const id = useId();
  return (
    <Form method="post" className="form form--inline">
      <HiddenFields fields={{ intent: "suspend", userId }} />
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t("actions.suspendReason")}</label>
        <input id={`${id}-reason`} name="reason" required maxLength={1000} />
      </div>
      <button type="submit" className="button--secondary">
        {t("actions.suspend")}
      </button>
    </Form>
  );
}

export function ReportGroups({ reports }: { reports: ModerationView["reports"] }) {
  const { t } = useTranslation(["moderation", "hub"]);
  const { to } = useLocale();
  return (
    <section aria-labelledby="reports-title">
      <h2 id="reports-title">{t("reports.title")}</h2>
      {reports.length === 0 ? <p>{t("reports.none")}</p> : null}
      <ul className="card-list">
        {reports.map((group) => (
          <li key={`${group.targetType}-${group.targetId}`} className="card">
            <h3>
              {t(`reports.${group.targetType}`)}:{" "}
              {group.postId ? <Link to={to(`/hub/posts/${group.postId}${group.targetType === "comment" ? `#comment-${group.targetId}` : ""}`)}>{group.title}</Link> : group.title}
            </h3>
            <p className="card__meta">
              {t("reports.count", { count: group.reportCount })} · {t("reports.latest", { date: group.latest })} · {t("reports.status")}: {t(`statuses.${group.status}`)} · {t("reports.author")}:{" "}
              {group.author.deleted ? t("hub:deletedMember") : group.author.name}
            </p>
            <p>{group.excerpt}</p>
            <p>
              {t("reports.reasons")}: {group.reasons.map((reason) => t(`hub:report.reasons.${reason}`)).join(", ")}
            </p>
            {group.details.length ? (
              <>
                <p>{t("reports.details")}:</p>
                <ul>
                  {group.details.map((detail, index) => (
                    <li key={index}>{detail}</li>
                  ))}
                </ul>
              </>
            ) : null}
            <div className="button-row">
              {group.status === "published" || group.status === "held" ? <ModerateForm target={group} intent="hide" /> : null}
              <Form method="post">
                <HiddenFields fields={{ intent: "dismiss", targetType: group.targetType, targetId: group.targetId }} />
                <button type="submit" className="button--secondary">
                  {t("actions.dismiss")}
                </button>
              </Form>
              {group.author.id ? <SuspendForm userId={group.author.id} /> : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function HeldPosts({ held }: { held: ModerationView["held"] }) {
  const { t } = useTranslation(["moderation", "hub"]);
  const { to } = useLocale();
  return (
    <section aria-labelledby="held-title">
      <h2 id="held-title">{t("held.title")}</h2>
      {held.length === 0 ? <p>{t("held.none")}</p> : null}
      <ul className="card-list">
        {held.map((post) => (
          <li key={post.id} className="card">
            <h3>
              <Link to={to(`/hub/posts/${post.id}`)}>{post.title}</Link>
            </h3>
            <p className="card__meta">
              {t(`hub:kinds.${post.kind}`)} · {post.author.deleted ? t("hub:deletedMember") : post.author.name} · {post.createdOn}
            </p>
            <p>{post.excerpt}</p>
            <div className="button-row">
              <Form method="post">
                <HiddenFields fields={{ intent: "approve", postId: post.id }} />
                <button type="submit">{t("actions.approve")}</button>
              </Form>
              <ModerateForm target={{ targetType: "post", targetId: post.id }} intent="hide" />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function HiddenContent({ hidden }: { hidden: ModerationView["hidden"] }) {
  const { t } = useTranslation("moderation");
  const { to } = useLocale();
  return (
    <section aria-labelledby="hidden-title">
      <h2 id="hidden-title">{t("hidden.title")}</h2>
      {hidden.length === 0 ? <p>{t("hidden.none")}</p> : null}
      <ul className="card-list">
        {hidden.map((item) => (
          <li key={`${item.targetType}-${item.targetId}`} className="card">
            <p>
              {t(`reports.${item.targetType}`)}: <Link to={to(`/hub/posts/${item.postId}`)}>{item.title}</Link> — {item.reason}
            </p>
            <ModerateForm target={item} intent="restore" />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function SuspendedMembers({ suspended }: { suspended: ModerationView["suspended"] }) {
  const { t } = useTranslation("moderation");
  return (
    <section aria-labelledby="suspended-title">
      <h2 id="suspended-title">{t("suspended.title")}</h2>
      {suspended.length === 0 ? <p>{t("suspended.none")}</p> : null}
      <ul className="card-list">
        {suspended.map((member) => (
          <li key={member.id} className="card">
            <p>
              {member.name} · {t("suspended.since", { date: member.since })} — {member.reason}
            </p>
            <Form method="post">
              <HiddenFields fields={{ intent: "unsuspend", userId: member.id }} />
              <button type="submit" className="button--secondary">
                {t("actions.unsuspend")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function HoldSetting({ value }: { value: number }) {
  const { t } = useTranslation("moderation");
  return (
    <Form method="post" className="form">
      <fieldset>
        <legend>{t("setting.legend")}</legend>
        <input type="hidden" name="intent" value="setting" />
        <div className="field">
          <label htmlFor="hold-first-posts">{t("setting.label")}</label>
          <p id="hold-first-posts-hint" className="field__hint">
            {t("setting.hint")}
          </p>
          <input id="hold-first-posts" name="holdFirstPosts" type="number" min={0} max={20} defaultValue={value} aria-describedby="hold-first-posts-hint" />
        </div>
        <button type="submit">{t("setting.submit")}</button>
      </fieldset>
    </Form>
  );
}
