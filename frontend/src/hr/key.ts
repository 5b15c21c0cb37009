/**
 * The analyst's API key: typed once per browser session, kept in sessionStorage (gone
 * when the tab closes), never in a URL or localStorage.
 */
import { createContext, useContext } from "react";
import type { WorkforceApi } from "./api";

const STORAGE = "careergraph.workforce-key";

export function storedKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE);
  } catch {
    return null; // storage blocked: the key is asked for on every visit
  }
}

export function storeKey(key: string | null): void {
  try {
    if (key) sessionStorage.setItem(STORAGE, key);
    else sessionStorage.removeItem(STORAGE);
  } catch {
    // storage blocked: nothing to keep
  }
}

export const WorkforceContext = createContext<WorkforceApi | null>(null);

export function useWorkforce(): WorkforceApi {
  const client = useContext(WorkforceContext);
  if (!client) throw new Error("useWorkforce() needs the HR section's WorkforceContext");
  return client;
}
