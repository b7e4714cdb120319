import { upsertStaffUser } from "~/modules/auth/accounts.server";

/** Demo accounts, printed by `npm run dev` and listed in the README. Never use these in production. */
export const DEMO_ACCOUNTS = [
  { email: "secretariat@agora.test", password: "agora-secretariat-2026", displayName: "Ana Secretariat", role: "secretariat", organizationName: "Agora secretariat", organizationKind: "igo", country: "AUT", preferredLocale: "en" },
  { email: "facilitator@agora.test", password: "agora-facilitator-2026", displayName: "Jean Facilitateur", role: "facilitator", organizationName: "Constructive dialogue chair", organizationKind: "government", country: "FRA", preferredLocale: "fr" },
  { email: "member@agora.test", password: "agora-member-2026", displayName: "Wanjiru Kamau", role: "member", organizationName: "Kenya Anti-Trafficking Network", organizationKind: "ngo", country: "KEN", preferredLocale: "en" },
  { email: "membre@agora.test", password: "agora-membre-2026", displayName: "Amélie Dubois", role: "member", organizationName: "Université de Genève", organizationKind: "academia", country: "CHE", preferredLocale: "fr" },
  { email: "arabic.member@agora.test", password: "agora-member-ar-2026", displayName: "ليلى حسن", role: "member", organizationName: "جمعية مكافحة الجريمة المنظمة", organizationKind: "ngo", country: "EGY", preferredLocale: "ar" },
] as const;

export async function seedAccounts() {
  for (const account of DEMO_ACCOUNTS) await upsertStaffUser(account);
}
