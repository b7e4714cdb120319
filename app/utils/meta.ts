import type { MetaDescriptor } from "@remix-run/node";

type Translations = Record<string, unknown>;
type MatchWithData = { id: string; data: unknown };

function lookup(translations: Translations | undefined, namespace: string, key: string): string | undefined {
  let node: unknown = translations?.[namespace];
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === "string" ? node : undefined;
}

/**
 * A localized <title> (and description) for a route's meta export, read from the translations
 * the root loader already sent: `meta = ({ matches }) => pageMeta(matches, "auth:signIn.title")`.
 */
export function pageMeta(matches: MatchWithData[], titleKey: string, options: { title?: string; descriptionKey?: string } = {}): MetaDescriptor[] {
  const root = matches.find((match) => match.id === "root")?.data as { translations?: Translations } | undefined;
  const [namespace, key] = titleKey.includes(":") ? titleKey.split(":") : ["common", titleKey];
  const appName = lookup(root?.translations, "common", "appName") ?? "Agora";
  const title = options.title ?? lookup(root?.translations, namespace!, key!) ?? appName;
  const descriptors: MetaDescriptor[] = [{ title: title === appName ? appName : `${title} · ${appName}` }];
  if (options.descriptionKey) {
    const [dns, dkey] = options.descriptionKey.split(":");
    const description = lookup(root?.translations, dns!, dkey!);
    if (description) descriptors.push({ name: "description", content: description });
  }
  return descriptors;
}
