/** Each screen names itself in the browser tab and history. */
import { useEffect } from "react";

export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · careergraph` : "careergraph";
  }, [title]);
}
