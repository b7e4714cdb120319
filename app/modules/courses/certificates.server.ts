/** Certificates: the public verification view and the holder's PDF. */
import { localePath, type Locale } from "~/utils/i18n";
import { pickLocalizedWithLanguage } from "~/utils/format";
import { renderCertificatePdf } from "./certificate-pdf.server";
import { CertificateCode } from "./courses.schema.server";
import { getCourseEntry } from "./lessons.server";
import { getCertificateWithOwner } from "./queries.server";

/** Normalizes a code typed or pasted by a person (lowercase, spaces); null when it cannot be one. */
export function parseCertificateCode(raw: string | undefined): string | null {
  const parsed = CertificateCode.safeParse((raw ?? "").replace(/\s+/g, ""));
  return parsed.success ? parsed.data : null;
}

/** What the public verification page shows: holder's display name, course, date. Null when unknown. */
export async function getCertificateForVerification(rawCode: string | undefined, locale: Locale, viewerId: string | null) {
  const code = parseCertificateCode(rawCode);
  if (!code) return null;
  const certificate = await getCertificateWithOwner(code);
  if (!certificate) return null;
  const course = await getCourseEntry(certificate.course_slug);
  const title = course ? pickLocalizedWithLanguage(course.frontmatter.title, locale) : { text: certificate.course_slug, locale };
  return { code: certificate.code, holderName: certificate.holder_name, courseSlug: certificate.course_slug, courseTitle: title.text, courseTitleLocale: title.locale, issuedAt: certificate.issued_at.toISOString(), viewerIsHolder: viewerId !== null && viewerId === certificate.user_id };
}

/** The certificate PDF in `locale`, for its holder only (and the secretariat); null otherwise. */
export async function getCertificatePdf(rawCode: string | undefined, viewer: { id: string; role: string }, locale: Locale, origin: string) {
  const code = parseCertificateCode(rawCode);
  if (!code) return null;
  const certificate = await getCertificateWithOwner(code);
  if (!certificate || (certificate.user_id !== viewer.id && viewer.role !== "secretariat")) return null;
  const course = await getCourseEntry(certificate.course_slug);
  const courseTitle = course ? pickLocalizedWithLanguage(course.frontmatter.title, locale).text : certificate.course_slug;
  const bytes = await renderCertificatePdf({
    code,
    holderName: certificate.holder_name,
    courseTitle,
    issuedAt: certificate.issued_at,
    locale,
    verifyUrl: new URL(localePath(locale, `/certificates/${code}`), origin).toString(),
  });
  return { bytes, filename: `certificate-${certificate.course_slug}-${code}.pdf` };
}
