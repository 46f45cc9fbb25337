import { join } from "node:path";

/**
 * The environment for a newsboat that reads and writes only under `home`: its config, cache
 * and data folders would otherwise be the user's own.
 */
export function newsboatEnv(home: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, "config-home"),
    XDG_DATA_HOME: join(home, "data-home"),
  };
}
