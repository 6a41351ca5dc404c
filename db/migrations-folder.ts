import path from "node:path";

/** Committed SQL migrations, resolved from the working directory so bundled server code finds them too. */
export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");
