import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * Where Electron's app.getPath('userData') points for Evident, worked out without Electron, so the CLI
 * records opened projects in the same recent list as the desktop app. A copy of electron/server/app-data.ts:
 * the doors may only import core and shared, not one another.
 */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = homedir()
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Evident')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Evident')
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Evident')
}
