import { demoHello } from "@/inngest/functions/demo-hello";

/** Every function the app serves; the serve route and the tests register exactly this list. */
export const functions = [demoHello];
