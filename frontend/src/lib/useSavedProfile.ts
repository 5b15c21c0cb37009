/** The self-assessment of the dataset shown, kept in this browser between visits. */
import { useEffect, useState } from "react";
import type { Profile } from "../api";
import { useCatalogue } from "../context";
import { loadProfile, profileStorageKey, saveProfile } from "./profile";

function useProfileKey(): string {
  const { dataset } = useCatalogue();
  return profileStorageKey(dataset.default ? null : dataset.id);
}

/** The stored self-assessment and its setter; every change is saved. */
export function useSavedProfile(): [Profile, (update: Profile | ((previous: Profile) => Profile)) => void] {
  const key = useProfileKey();
  const [profile, setProfile] = useState<Profile>(() => loadProfile(localStorage, key));
  useEffect(() => saveProfile(profile, localStorage, key), [profile, key]);
  return [profile, setProfile];
}

/** How many competences of the dataset shown have a stored rating. */
export function useSavedRatingCount(): number {
  return Object.keys(loadProfile(localStorage, useProfileKey())).length;
}
