import { z } from "zod";
import { LOCALES } from "~/utils/i18n";

const LocalizedText = z.partialRecord(z.enum(LOCALES), z.string().min(1)).refine((text) => Boolean(text.en), { message: "English text is required" });

export const ArticleRef = z.string().regex(/^(untoc|tip|som|firearms):\d+(bis|ter)?$/);

/** content/treaty/treaty.json: the instruments, their articles, the clusters and the stages. */
export const TreatyFile = z.object({
  instruments: z.array(
    z.object({
      code: z.enum(["untoc", "tip", "som", "firearms"]),
      kind: z.enum(["convention", "protocol"]),
      adoptedOn: z.iso.date().optional(),
      inForceOn: z.iso.date().optional(),
      title: LocalizedText,
      shortTitle: LocalizedText,
      articles: z.array(z.object({ number: z.string().regex(/^\d+(bis|ter)?$/), title: LocalizedText })).min(1),
    }),
  ),
  clusters: z.array(z.object({ code: z.enum(["I", "II", "III", "IV"]), title: LocalizedText, articles: z.array(ArticleRef) })),
  stages: z.array(
    z.object({
      code: z.enum(["focal_points", "initial_consultation", "saq", "written_feedback", "list_of_observations", "completed"]),
      title: LocalizedText,
      description: LocalizedText,
      whatStakeholdersCanDo: LocalizedText,
    }),
  ),
});
export type TreatyFile = z.infer<typeof TreatyFile>;

