/**
 * Every screen is a URL, and every screen's code is its own chunk: a visit downloads the
 * frame (AppShell) and the screen it opens, never the others (the map's layout engine, the
 * HR screens). AppShell's Suspense shows "Loading the screen…" while a chunk is on its way;
 * Vite hashes each chunk's name, so the service lets browsers keep them (app/frontend.py).
 * The routes are declarative (useRoutes): the data router's loaders are unused here, and
 * leaving them out of the bundle saves a sixth of the first visit's script.
 */
import { lazy, type ComponentType } from "react";
import type { RouteObject } from "react-router";
import { AppShell } from "./AppShell";

/** The screen exported as `name` by the module `load` imports, fetched on first render. */
function screen<M>(load: () => Promise<M>, name: keyof M) {
  const Screen = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return <Screen />;
}

export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    children: [
      { path: "/", element: screen(() => import("./pages/StartPage"), "StartPage") },
      { path: "/assess", element: screen(() => import("./pages/AssessPage"), "AssessPage") },
      { path: "/gap", element: screen(() => import("./pages/GapPage"), "GapPage") },
      { path: "/paths", element: screen(() => import("./pages/PathsPage"), "PathsPage") },
      { path: "/map", element: screen(() => import("./pages/MapPage"), "MapPage") },
      { path: "/unlocks", element: screen(() => import("./pages/UnlocksPage"), "UnlocksPage") },
      { path: "/plan", element: screen(() => import("./pages/PlanPage"), "PlanPage") },
      { path: "/compare", element: screen(() => import("./pages/ComparePage"), "ComparePage") },
      { path: "/roles", element: screen(() => import("./pages/RolesPage"), "RolesPage") },
      { path: "/roles/:code", element: screen(() => import("./pages/RolePage"), "RolePage") },
      {
        path: "/competences",
        element: screen(() => import("./pages/CompetencesPage"), "CompetencesPage"),
      },
      {
        path: "/competences/:code",
        element: screen(() => import("./pages/CompetencePage"), "CompetencePage"),
      },
      { path: "/glossary", element: screen(() => import("./pages/GlossaryPage"), "GlossaryPage") },
      {
        path: "/hr",
        element: screen(() => import("./hr/HrLayout"), "HrLayout"),
        children: [
          { index: true, element: screen(() => import("./hr/BenchPage"), "BenchPage") },
          { path: "heatmap", element: screen(() => import("./hr/HeatmapPage"), "HeatmapPage") },
          {
            path: "roles/:code",
            element: screen(() => import("./hr/CandidatesPage"), "CandidatesPage"),
          },
          { path: "what-if", element: screen(() => import("./hr/WhatIfPage"), "WhatIfPage") },
        ],
      },
      { path: "*", element: screen(() => import("./pages/NotFoundPage"), "NotFoundPage") },
    ],
  },
];
