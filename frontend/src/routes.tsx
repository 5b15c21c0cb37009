/** Every screen is a URL. */
import type { RouteObject } from "react-router";
import { AppShell } from "./AppShell";
import { AssessPage } from "./pages/AssessPage";
import { CompetencePage } from "./pages/CompetencePage";
import { ComparePage } from "./pages/ComparePage";
import { CompetencesPage } from "./pages/CompetencesPage";
import { GapPage } from "./pages/GapPage";
import { GlossaryPage } from "./pages/GlossaryPage";
import { MapPage } from "./pages/MapPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { PathsPage } from "./pages/PathsPage";
import { PlanPage } from "./pages/PlanPage";
import { RolePage } from "./pages/RolePage";
import { RolesPage } from "./pages/RolesPage";
import { StartPage } from "./pages/StartPage";
import { UnlocksPage } from "./pages/UnlocksPage";
import { BenchPage } from "./hr/BenchPage";
import { CandidatesPage } from "./hr/CandidatesPage";
import { HeatmapPage } from "./hr/HeatmapPage";
import { HrLayout } from "./hr/HrLayout";
import { WhatIfPage } from "./hr/WhatIfPage";

export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    children: [
      { path: "/", element: <StartPage /> },
      { path: "/assess", element: <AssessPage /> },
      { path: "/gap", element: <GapPage /> },
      { path: "/paths", element: <PathsPage /> },
      { path: "/map", element: <MapPage /> },
      { path: "/unlocks", element: <UnlocksPage /> },
      { path: "/plan", element: <PlanPage /> },
      { path: "/compare", element: <ComparePage /> },
      { path: "/roles", element: <RolesPage /> },
      { path: "/roles/:code", element: <RolePage /> },
      { path: "/competences", element: <CompetencesPage /> },
      { path: "/competences/:code", element: <CompetencePage /> },
      { path: "/glossary", element: <GlossaryPage /> },
      {
        path: "/hr",
        element: <HrLayout />,
        children: [
          { index: true, element: <BenchPage /> },
          { path: "heatmap", element: <HeatmapPage /> },
          { path: "roles/:code", element: <CandidatesPage /> },
          { path: "what-if", element: <WhatIfPage /> },
        ],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];
