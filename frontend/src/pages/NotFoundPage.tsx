/** A URL that names no screen. */
import { EmptyState } from "../components/EmptyState";
import { useTitle } from "../lib/useTitle";

export function NotFoundPage() {
  useTitle("Page not found");
  return (
    <EmptyState
      title="There is no such page"
      message="The link may be mistyped or out of date. Start again from the beginning, or open the career map."
    />
  );
}
