/** Every single raise from a role or a self-assessment, ranked: `/unlocks?from=3.2&to=3.4`. */
import { useSearchParams } from "react-router";
import { EmptyState } from "../components/EmptyState";
import { UnlocksPanel } from "../components/UnlocksPanel";
import { parseUnlocksQuery } from "../lib/employeeUrls";
import { useTitle } from "../lib/useTitle";

/** Enough to list every raise of the e-CF (36 competences, 5 levels). */
const EVERY_RAISE = 200;

export function UnlocksPage() {
  useTitle("What one step unlocks");
  const [params] = useSearchParams();
  const parsed = parseUnlocksQuery(params);
  if (!parsed.ok) return <EmptyState title="Nothing to unlock yet" message={parsed.reason} />;
  return <UnlocksPanel source={parsed.value.source} to={parsed.value.to} limit={EVERY_RAISE} level="h1" />;
}
