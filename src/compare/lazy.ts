// CompareView loads when first opened: the playground's first screen does not need it.
import { lazy } from "react";

export const CompareView = lazy(() => import("./CompareView"));
