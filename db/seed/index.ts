import { seedAccounts } from "./accounts";
import { seedDialogues } from "./dialogues";
import { seedHubMembers } from "./hub-members";
import { seedHubPosts } from "./hub-posts";
import { seedLearning } from "./learning";
import { seedLibrary } from "./library";
import { seedObservations } from "./observations";
import { seedReviews } from "./reviews";

/**
 * Loads the demo data, step by step. Every step is idempotent: running the seed twice leaves
 * the same data. Areas append their step here.
 */
export const SEED_STEPS: Array<{ name: string; run: () => Promise<unknown> }> = [
  { name: "accounts", run: seedAccounts },
  { name: "library", run: seedLibrary },
  { name: "learning", run: seedLearning },
  { name: "reviews", run: seedReviews },
  { name: "dialogues", run: seedDialogues },
  { name: "observations", run: seedObservations },
  { name: "hub-members", run: seedHubMembers },
  { name: "hub-posts", run: seedHubPosts },
];

export async function seedDemoData(log: (message: string) => void = () => {}) {
  for (const step of SEED_STEPS) {
    const started = Date.now();
    await step.run();
    log(`seeded ${step.name} in ${Date.now() - started} ms`);
  }
}
