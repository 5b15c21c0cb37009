/**
 * react-router's Link, NavLink and navigate, carrying the screen's dataset on: a
 * link written as `/roles/3.2` leads to `/roles/3.2?dataset=onet-30-2` while the
 * O*NET dataset is shown. Import these instead of react-router's own.
 */
import { useCallback } from "react";
import {
  Link as RouterLink,
  NavLink as RouterNavLink,
  useNavigate as useRouterNavigate,
  useSearchParams,
  type LinkProps,
  type NavigateOptions,
  type NavLinkProps,
} from "react-router";
import { datasetOf, withDataset } from "./datasetUrl";

/** The current screen's dataset written into `href`. */
export function useDatasetHref(): (href: string) => string {
  const [params] = useSearchParams();
  const dataset = datasetOf(params);
  return useCallback((href: string) => withDataset(href, dataset), [dataset]);
}

export function Link({ to, ...props }: Omit<LinkProps, "to"> & { to: string }) {
  return <RouterLink to={useDatasetHref()(to)} {...props} />;
}

export function NavLink({ to, ...props }: Omit<NavLinkProps, "to"> & { to: string }) {
  return <RouterNavLink to={useDatasetHref()(to)} {...props} />;
}

export function useNavigate(): (to: string, options?: NavigateOptions) => void {
  const navigate = useRouterNavigate();
  const href = useDatasetHref();
  return useCallback((to: string, options?: NavigateOptions) => void navigate(href(to), options), [navigate, href]);
}
