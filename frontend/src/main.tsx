import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter, useRoutes } from "react-router";
import { routes } from "./routes";
// One style sheet for the frame and the employee screens: a request of its own costs more
// in headers than these rules weigh. The HR screens bring theirs (hr/hr.css).
import "./styles.css";
import "./employee.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");

function Screens() {
  return useRoutes(routes);
}

createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <Screens />
    </BrowserRouter>
  </StrictMode>,
);
