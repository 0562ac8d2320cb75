import type { RouteArea } from "./define-route";
import { accountRoutes } from "./account";
import { analyticsRoutes } from "./analytics";
import { appointmentsRoutes } from "./appointments";
import { channelsRoutes } from "./channels";
import { contactsRoutes } from "./contacts";
import { conversationsRoutes } from "./conversations";
import { flowsRoutes } from "./flows";
import { notificationsRoutes } from "./notifications";
import { organizationRoutes } from "./organization";
import { runsRoutes } from "./runs";
import { spendRoutes } from "./spend";
import { templatesRoutes } from "./templates";

/**
 * Every area of the v1 API. A new area is one file next to these (`defineRoutes(tag, [...])`) and one line here;
 * the coverage test fails until every route under app/api/v1 is described.
 */
export const routeAreas: RouteArea[] = [
  accountRoutes,
  organizationRoutes,
  channelsRoutes,
  conversationsRoutes,
  contactsRoutes,
  flowsRoutes,
  templatesRoutes,
  notificationsRoutes,
  appointmentsRoutes,
  spendRoutes,
  analyticsRoutes,
  runsRoutes,
];
